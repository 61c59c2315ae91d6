// Salesforce's error codes as jsforce surfaces them (error.errorCode / error.name), plus the raw
// error shape and status codes, since applications branch on both.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_VERSION, baseUrl, jsforce, passwordLogin, rejectsWith, users } from './support/sf.js';

let conn;
before(async () => {
  conn = await passwordLogin(users.integration);
});

describe('query errors', () => {
  it('answers MALFORMED_QUERY for a syntax error', async () => {
    await rejectsWith(conn.query('SELECT Id, FROM Account'), 'MALFORMED_QUERY', /unexpected token/i);
  });

  it('answers INVALID_FIELD for an unknown field, naming it and the object', async () => {
    await rejectsWith(
      conn.query('SELECT Id, NoSuchField__c FROM Account'),
      'INVALID_FIELD',
      /No such column 'NoSuchField__c' on entity 'Account'/,
    );
  });

  it('answers INVALID_TYPE for an unknown object', async () => {
    await rejectsWith(conn.query('SELECT Id FROM NoSuchObject__c'), 'INVALID_TYPE', /sObject type 'NoSuchObject__c' is not supported/);
  });

  it('answers INVALID_TYPE to a user without read on Lead, while Account still works for that user', async () => {
    const noLeads = await passwordLogin(users.noLeads);
    await rejectsWith(noLeads.query('SELECT Id FROM Lead'), 'INVALID_TYPE', /sObject type 'Lead' is not supported/);
    const accounts = await noLeads.query('SELECT Id FROM Account LIMIT 1');
    assert.equal(accounts.records.length, 1);
  });

  it('uses HTTP 400 and the [{message, errorCode}] body', async () => {
    const res = await fetch(`${baseUrl}/services/data/v${API_VERSION}/query?q=${encodeURIComponent('SELECT Id FROM NoSuchObject__c')}`, {
      headers: { authorization: `Bearer ${conn.accessToken}` },
    });
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.match(res.headers.get('sforce-limit-info') ?? '', /^api-usage=\d+\/\d+/);
    const body = await res.json();
    assert.ok(Array.isArray(body));
    assert.equal(body[0].errorCode, 'INVALID_TYPE');
    assert.equal(typeof body[0].message, 'string');
  });
});

describe('session errors', () => {
  it('answers INVALID_SESSION_ID (401) for a bad token on a connection that cannot refresh', async () => {
    const bad = new jsforce.Connection({
      instanceUrl: baseUrl,
      accessToken: `${conn.accessToken.split('!')[0]}!not-a-real-session`,
      version: API_VERSION,
    });
    await rejectsWith(bad.query('SELECT Id FROM Account LIMIT 1'), 'INVALID_SESSION_ID', /Session expired or invalid/);
  });

  it('answers NOT_FOUND for an unknown API version', async () => {
    await rejectsWith(conn.request('/services/data/v9.0/limits'), 'NOT_FOUND');
  });
});
