// Parent-to-child SOQL subqueries as jsforce sends them, both as raw SOQL and through its query
// builder (`include`): per parent row a nested {totalSize, done, records}, or null without children.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { passwordLogin, rejectsWith, runId, users } from './support/sf.js';
import { createSeededOrg, installConformancePackage } from './support/admin.js';

describe('parent-to-child subqueries on standard objects', () => {
  let conn;
  let withChildren;
  let without;
  before(async () => {
    conn = await passwordLogin(users.admin);
    withChildren = (await conn.sobject('Account').create({ Name: `Subquery parent ${runId}` })).id;
    without = (await conn.sobject('Account').create({ Name: `Subquery lonely ${runId}` })).id;
    for (const last of ['Cole', 'Abbott', 'Baker']) {
      assert.equal((await conn.sobject('Contact').create({ LastName: `${last} ${runId}`, AccountId: withChildren })).success, true);
    }
    await conn.sobject('Opportunity').create({ Name: `Deal ${runId}`, AccountId: withChildren, StageName: 'Prospecting', CloseDate: '2026-12-31' });
  });

  it('nests Contacts (ordered, limited) and Opportunities per Account, null when there are none', async () => {
    const result = await conn.query(
      `SELECT Id, Name, (SELECT Id, LastName FROM Contacts ORDER BY LastName LIMIT 2), (SELECT Id, Name FROM Opportunities) `
        + `FROM Account WHERE Id IN ('${withChildren}', '${without}') ORDER BY Name DESC`,
    );
    assert.equal(result.totalSize, 2);
    const [parent, lonely] = result.records;
    assert.equal(parent.Id, withChildren);
    assert.deepEqual(Object.keys(parent), ['attributes', 'Id', 'Name', 'Contacts', 'Opportunities'], 'subqueries sit in SELECT order');
    assert.equal(parent.Contacts.totalSize, 2, 'LIMIT applies per parent');
    assert.equal(parent.Contacts.done, true);
    assert.deepEqual(parent.Contacts.records.map((c) => c.LastName), [`Abbott ${runId}`, `Baker ${runId}`]);
    assert.equal(parent.Contacts.records[0].attributes.type, 'Contact');
    assert.equal(parent.Opportunities.totalSize, 1);
    assert.equal(parent.Opportunities.records[0].Name, `Deal ${runId}`);
    assert.equal(lonely.Id, without);
    assert.equal(lonely.Contacts, null, 'no children: null, not an empty result');
    assert.equal(lonely.Opportunities, null);
  });

  it('works through jsforce\'s query builder include()', async () => {
    const records = await conn.sobject('Account')
      .find({ Id: withChildren }, 'Id, Name')
      .include('Contacts').select('Id, LastName').where({ LastName: { $like: 'C%' } }).end()
      .execute();
    assert.equal(records.length, 1);
    assert.equal(records[0].Contacts.totalSize, 1);
    assert.equal(records[0].Contacts.records[0].LastName, `Cole ${runId}`);
  });

  it('refuses an unknown relationship with INVALID_TYPE and a subquery in Bulk-style aggregate queries with MALFORMED_QUERY', async () => {
    await rejectsWith(conn.query('SELECT Id, (SELECT Id FROM Contactz) FROM Account LIMIT 1'), 'INVALID_TYPE', /Contactz/);
    await rejectsWith(conn.query('SELECT COUNT(Id), (SELECT Id FROM Contacts) FROM Account'), 'MALFORMED_QUERY');
  });
});

describe('parent-to-child subqueries on custom objects', () => {
  it('selects a custom child relationship (Children__r, from the lookup\'s relationshipName)', async () => {
    const { orgId, username } = await createSeededOrg('Subquery');
    await installConformancePackage(orgId, username);
    const conn = await passwordLogin(username);
    const items = conn.sobject('Conformance_Item__c');
    const parent = (await items.create({ Name: 'parent', External_Key__c: 'P' })).id;
    await items.create([
      { Name: 'child 1', External_Key__c: 'C1', Parent_Item__c: parent },
      { Name: 'child 2', External_Key__c: 'C2', Parent_Item__c: parent },
    ]);
    const described = await items.describe();
    const rel = described.childRelationships.find((r) => r.field === 'Parent_Item__c');
    assert.equal(rel.relationshipName, 'Children__r');
    const result = await conn.query(
      `SELECT Name, (SELECT Name FROM Children__r ORDER BY Name) FROM Conformance_Item__c WHERE Id = '${parent}'`,
    );
    assert.equal(result.records[0].Children__r.totalSize, 2);
    assert.deepEqual(result.records[0].Children__r.records.map((r) => r.Name), ['child 1', 'child 2']);
  });
});
