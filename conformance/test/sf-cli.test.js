// The Salesforce CLI (`sf`, @salesforce/cli) pointed at the loopback emulator: log in with an
// access token (`sf org login access-token`), then `sf data query`. The CLI runs with its own
// throw-away HOME so it never touches a developer's real orgs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseUrl, passwordLogin, runId, users } from './support/sf.js';
import { describeRun, runSf, sfBin } from './support/cli.js';

let home;
let accessToken;

function sf(args, extraEnv = {}, cwd = undefined) {
  return runSf(args, { home, cwd, env: extraEnv });
}


describe('Salesforce CLI (sf) against the emulator', { skip: !fs.existsSync(sfBin) && 'the @salesforce/cli dev dependency is not installed' }, () => {
  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-home-'));
    accessToken = (await passwordLogin(users.integration)).accessToken;
    const login = await sf(['org', 'login', 'access-token', '--instance-url', baseUrl, '--alias', 'emulator', '--no-prompt'], {
      SF_ACCESS_TOKEN: accessToken,
    });
    assert.equal(login.code, 0, describeRun(login));
    assert.equal(login.json.result.username, users.integration);
    const adminLogin = await sf(['org', 'login', 'access-token', '--instance-url', baseUrl, '--alias', 'emulator-admin', '--no-prompt'], {
      SF_ACCESS_TOKEN: (await passwordLogin(users.admin)).accessToken,
    });
    assert.equal(adminLogin.code, 0, describeRun(adminLogin));
  });

  after(() => {
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('counts Leads with sf data query', async () => {
    const r = await sf(['data', 'query', '--target-org', 'emulator', '--query', 'SELECT COUNT() FROM Lead']);
    assert.equal(r.code, 0, describeRun(r));
    assert.ok(r.json.result.totalSize >= 5000, describeRun(r));
  });

  it('reads Accounts with parent fields with sf data query', async () => {
    const r = await sf(['data', 'query', '--target-org', 'emulator', '--query', 'SELECT Id, Name, Owner.Name FROM Account LIMIT 5']);
    assert.equal(r.code, 0, describeRun(r));
    assert.equal(r.json.result.records.length, 5);
    assert.ok(r.json.result.records.every((rec) => /^001/.test(rec.Id) && typeof rec.Owner.Name === 'string'));
  });

  it('fetches more than one page (2,000+) of Leads', async () => {
    const r = await sf(['data', 'query', '--target-org', 'emulator', '--query', 'SELECT Id FROM Lead']);
    assert.equal(r.code, 0, describeRun(r));
    assert.equal(r.json.result.records.length, r.json.result.totalSize);
    assert.ok(r.json.result.totalSize >= 5000);
  });

  it('exports Accounts with sf data export bulk (Bulk API 2.0 query)', async () => {
    const file = path.join(home, 'accounts.csv');
    const r = await sf(['data', 'export', 'bulk', '--target-org', 'emulator', '--query', 'SELECT Id, Name, Owner.Name FROM Account',
      '--output-file', file, '--result-format', 'csv', '--wait', '5']);
    assert.equal(r.code, 0, describeRun(r));
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(lines[0], '"Id","Name","Owner.Name"');
    assert.equal(lines.length - 1, r.json.result.totalSize);
    const count = await (await passwordLogin(users.integration)).query('SELECT COUNT() FROM Account');
    assert.equal(r.json.result.totalSize, count.totalSize);
  });

  it('imports Accounts with sf data import bulk (Bulk API 2.0 ingest)', async () => {
    const file = path.join(home, 'import.csv');
    const name = `CLI Import ${runId}`;
    fs.writeFileSync(file, `Name,Website\n${name} 1,https://one.example\n${name} 2,https://two.example\n`);
    const r = await sf(['data', 'import', 'bulk', '--target-org', 'emulator-admin', '--sobject', 'Account', '--file', file, '--wait', '5'], {}, home);
    assert.equal(r.code, 0, describeRun(r));
    assert.equal(r.json.result.processedRecords, 2);
    assert.equal(r.json.result.successfulRecords, 2);
    const conn = await passwordLogin(users.admin);
    const created = await conn.query(`SELECT Id FROM Account WHERE Name LIKE '${name}%'`);
    assert.equal(created.totalSize, 2);
    await conn.sobject('Account').destroy(created.records.map((x) => x.Id));
  });

  it("reports Salesforce's error for an unknown object", async () => {
    const r = await sf(['data', 'query', '--target-org', 'emulator', '--query', 'SELECT Id FROM NoSuchObject__c']);
    assert.notEqual(r.code, 0);
    assert.match(JSON.stringify(r.json ?? r.stdout), /INVALID_TYPE|not supported/, describeRun(r));
  });
});
