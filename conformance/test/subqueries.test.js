// Parent-to-child SOQL subqueries as jsforce sends them, both as raw SOQL and through its query
// builder (`include`): per parent row a nested {totalSize, done, records}, or null without children.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, passwordLogin, PASSWORD, rejectsWith, runId, users } from './support/sf.js';
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

describe('ActivityHistories and OpenActivities', () => {
  let conn;
  let account;
  let contact;
  before(async () => {
    conn = await passwordLogin(users.admin);
    account = (await conn.sobject('Account').create({ Name: `Activities parent ${runId}` })).id;
    contact = (await conn.sobject('Contact').create({ LastName: `Activities ${runId}`, AccountId: account })).id;
    const tasks = conn.sobject('Task');
    const ok = (r) => assert.equal(r.success, true, JSON.stringify(r));
    ok(await tasks.create({ Subject: 'Call', WhatId: account, Status: 'Completed', Priority: 'Normal', ActivityDate: '2024-03-01' }));
    ok(await tasks.create({ Subject: 'Email', WhatId: account, Status: 'Completed', Priority: 'Normal', ActivityDate: '2024-05-01' }));
    ok(await tasks.create({ Subject: 'Send Letter', WhatId: account, Status: 'Not Started', Priority: 'High', ActivityDate: '2031-02-01' }));
    ok(await tasks.create({ Subject: 'Other', WhatId: account, Status: 'In Progress', Priority: 'Normal', ActivityDate: '2031-01-01' }));
    ok(await tasks.create({ Subject: 'Call', WhoId: contact, Status: 'Completed', Priority: 'Normal', ActivityDate: '2024-01-15' }));
    ok(await conn.sobject('Event').create({ Subject: 'Meeting', WhatId: account, StartDateTime: '2020-06-01T10:00:00.000+0000', EndDateTime: '2020-06-01T11:00:00.000+0000', DurationInMinutes: 60 }));
    ok(await conn.sobject('Event').create({ Subject: 'Meeting', WhatId: account, StartDateTime: '2032-06-01T10:00:00.000+0000', EndDateTime: '2032-06-01T11:00:00.000+0000', DurationInMinutes: 60 }));
  });

  it('splits a parent\'s Tasks and Events into closed (ActivityHistories) and open (OpenActivities), in Salesforce\'s order', async () => {
    const result = await conn.query(
      'SELECT Id, (SELECT Id, Subject, IsTask, IsClosed, ActivityDate, Status FROM ActivityHistories), '
        + '(SELECT Subject, IsTask, ActivityDate, Owner.Name FROM OpenActivities) '
        + `FROM Account WHERE Id = '${account}'`,
    );
    const [row] = result.records;
    const history = row.ActivityHistories.records;
    assert.equal(row.ActivityHistories.totalSize, 3, 'two completed Tasks and the past Event');
    assert.equal(history[0].attributes.type, 'ActivityHistory');
    assert.deepEqual(history.filter((h) => h.IsTask).map((h) => h.ActivityDate), ['2024-05-01', '2024-03-01'], 'ActivityDate descending');
    assert.ok(history.every((h) => h.IsClosed === true));
    assert.deepEqual(history.filter((h) => !h.IsTask).map((h) => h.Subject), ['Meeting']);
    const open = row.OpenActivities.records;
    assert.equal(open[0].attributes.type, 'OpenActivity');
    assert.deepEqual(open.filter((o) => o.IsTask).map((o) => o.Subject), ['Other', 'Send Letter'], 'ActivityDate ascending');
    assert.equal(open.filter((o) => !o.IsTask).length, 1, 'the future Event');
    assert.equal(typeof open[0].Owner.Name, 'string');

    const person = await conn.query(`SELECT Id, (SELECT Subject FROM ActivityHistories), (SELECT Id FROM OpenActivities) FROM Contact WHERE Id = '${contact}'`);
    assert.equal(person.records[0].ActivityHistories.totalSize, 1, 'a Task on the Contact through WhoId');
    assert.equal(person.records[0].OpenActivities, null);
  });

  it('mirrors Salesforce\'s restrictions: no direct query, and for users without View All Data one parent, no WHERE, LIMIT ≤ 499', async () => {
    await rejectsWith(conn.query('SELECT Id FROM ActivityHistory'), 'INVALID_TYPE_FOR_OPERATION', /entity type ActivityHistory does not support query/);
    await rejectsWith(conn.query('SELECT Id, (SELECT Id FROM OpenActivities) FROM User LIMIT 1'), 'INVALID_TYPE', /OpenActivities/);

    // A Standard User (no View All Data) who can read Tasks, in an org of its own.
    const { orgId, username } = await createSeededOrg('Activities');
    const admin2 = await passwordLogin(username);
    const parent = (await admin2.sobject('Account').create({ Name: `Activities parent ${runId}` })).id;
    for (const date of ['2024-01-01', '2024-02-01', '2024-03-01']) {
      await admin2.sobject('Task').create({ Subject: 'Call', WhatId: parent, Status: 'Completed', Priority: 'Normal', ActivityDate: date });
    }
    const repName = `rep-${runId}@activities.example`;
    await admin('users', { org: orgId, username: repName, password: PASSWORD, profile: 'Standard User' });
    await admin('object-permissions/grant', { org: orgId, profile: 'Standard User', object: 'Task', permissions: ['read'] });
    const rep = await passwordLogin(repName);
    const restricted = /Implementation restriction: activity aggregate relationships only allow security evaluation for non-admin users/;
    await rejectsWith(rep.query(`SELECT Id, (SELECT Id FROM ActivityHistories LIMIT 10) FROM Account WHERE Name LIKE 'Activities parent%'`), 'MALFORMED_QUERY', restricted);
    await rejectsWith(rep.query(`SELECT Id, (SELECT Id FROM ActivityHistories) FROM Account WHERE Id = '${parent}'`), 'MALFORMED_QUERY', /LIMIT is specified/);
    await rejectsWith(rep.query(`SELECT Id, (SELECT Id FROM ActivityHistories LIMIT 500) FROM Account WHERE Id = '${parent}'`), 'MALFORMED_QUERY', /LIMIT is specified/);
    await rejectsWith(rep.query(`SELECT Id, (SELECT Id FROM ActivityHistories WHERE IsTask = true LIMIT 10) FROM Account WHERE Id = '${parent}'`), 'MALFORMED_QUERY', restricted);
    const ok = await rep.query(
      `SELECT Id, (SELECT Subject FROM ActivityHistories ORDER BY ActivityDate DESC NULLS LAST, LastModifiedDate DESC LIMIT 2) FROM Account WHERE Id = '${parent}'`,
    );
    assert.equal(ok.records[0].ActivityHistories.totalSize, 2, 'LIMIT applies');
  });
});
