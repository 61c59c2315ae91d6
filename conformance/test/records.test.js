// Record writes as jsforce performs them: single-record CRUD (with 15- and 18-character ids) and
// sObject Collections (`/composite/sobjects`, up to 200 records per call).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { passwordLogin, rejectsWith, runId, users } from './support/sf.js';
import { createSeededOrg, installConformancePackage } from './support/admin.js';

let conn;
before(async () => {
  conn = await passwordLogin(users.admin);
});

/** The connection an sObject handle belongs to. */
const conn2 = (sobject) => sobject._conn;

/** Salesforce's 18-char suffix: per 5-char chunk, a bit per upper-case letter, mapped to A-Z0-5. */
function checksumSuffix(id15) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15[chunk * 5 + i];
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += alphabet[bits];
  }
  return suffix;
}

describe('single-record CRUD', () => {
  it('creates, reads, updates and deletes an Account using 18- and 15-character ids', async () => {
    const accounts = conn.sobject('Account');
    const name = `Conformance CRUD ${runId}`;
    const created = await accounts.create({ Name: name, Website: 'https://www.example.com/crud', Industry: 'Technology' });
    assert.equal(created.success, true);
    assert.deepEqual(created.errors, []);
    const id18 = created.id;
    assert.match(id18, /^001[0-9A-Za-z]{15}$/);
    const id15 = id18.slice(0, 15);
    assert.equal(id18.slice(15), checksumSuffix(id15), 'the 18-char id carries the case checksum');

    const by18 = await accounts.retrieve(id18);
    assert.equal(by18.Id, id18);
    assert.equal(by18.Name, name);
    assert.equal(by18.Website, 'https://www.example.com/crud');
    assert.equal(by18.attributes.type, 'Account');
    assert.match(by18.CreatedDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/, 'Salesforce datetime format');

    const by15 = await accounts.retrieve(id15);
    assert.equal(by15.Id, id18, 'a 15-char id reads the same record, answered with the 18-char id');

    const updated = await accounts.update({ Id: id15, Name: `${name} (renamed)` });
    assert.equal(updated.success, true);
    const after = await accounts.retrieve(id18);
    assert.equal(after.Name, `${name} (renamed)`);
    assert.ok(after.SystemModstamp >= by18.SystemModstamp, 'SystemModstamp moves forward on update');

    const queried = await conn.query(`SELECT Id, Name FROM Account WHERE Id = '${id15}'`);
    assert.equal(queried.totalSize, 1, 'SOQL accepts a 15-char id literal');
    assert.equal(queried.records[0].Id, id18);

    const destroyed = await accounts.destroy(id15);
    assert.equal(destroyed.success, true);
    const gone = await accounts.retrieve(id18).then(() => null, (e) => e);
    assert.ok(gone, 'reading a deleted record fails');
    assert.ok(['NOT_FOUND', 'ENTITY_IS_DELETED'].includes(gone.errorCode), `deleted record reads as ${gone.errorCode}: ${gone.message}`);
  });

  it('answers NOT_FOUND for an id that does not exist', async () => {
    await rejectsWith(conn.sobject('Account').retrieve('001000000000000AAA'), 'NOT_FOUND');
  });

  it('refuses a create without the required Name with REQUIRED_FIELD_MISSING', async () => {
    const err = await rejectsWith(conn.sobject('Account').create({ Website: 'https://nameless.example' }), 'REQUIRED_FIELD_MISSING');
    assert.match(err.message, /Name/);
  });
});

describe('retrieve several records (POST /composite/sobjects/{type})', () => {
  it('returns the records in id order, null for an id that does not exist', async () => {
    const { records } = await conn.query('SELECT Id, Name FROM Account ORDER BY Id LIMIT 3');
    const ids = [records[2].Id, records[0].Id.slice(0, 15), '001000000000000AAA', records[1].Id];
    const got = await conn.sobject('Account').retrieve(ids, { fields: ['Id', 'Name'] });
    assert.equal(got.length, 4);
    assert.deepEqual(got.map((r) => r?.Id ?? null), [records[2].Id, records[0].Id, null, records[1].Id]);
    assert.equal(got[0].Name, records[2].Name);
  });
});

describe('upsert on the external id of an installed custom object', () => {
  const object = 'Conformance_Item__c';
  let items;
  before(async () => {
    const { orgId, username } = await createSeededOrg('Upsert');
    await installConformancePackage(orgId, username);
    items = (await passwordLogin(username)).sobject(object);
  });

  it('creates (created: true) when no record has the key, updates (created: false) when one has', async () => {
    const first = await items.upsert({ External_Key__c: 'U-1', Name: 'first', Quantity__c: 1 }, 'External_Key__c');
    assert.equal(first.success, true);
    assert.equal(first.created, true);
    assert.match(first.id, /^[a-zA-Z0-9]{18}$/);

    const second = await items.upsert({ External_Key__c: 'u-1', Name: 'second', Quantity__c: 2 }, 'External_Key__c');
    assert.equal(second.success, true);
    assert.equal(second.created, false, 'external ids match case-insensitively');
    assert.equal(second.id, first.id);
    const record = await items.retrieve(first.id);
    assert.equal(record.Name, 'second');
    assert.equal(record.Quantity__c, 2);
  });

  it('upserts a collection (PATCH /composite/sobjects/{type}/{field}) with per-record created flags', async () => {
    await items.upsert({ External_Key__c: 'C-1', Name: 'existing' }, 'External_Key__c');
    const results = await items.upsert(
      [
        { External_Key__c: 'C-1', Name: 'updated' },
        { External_Key__c: 'C-2', Name: 'new' },
        { External_Key__c: 'C-3', Name: 'x', Note__c: 'y'.repeat(30) },
      ],
      'External_Key__c',
    );
    assert.equal(results.length, 3);
    assert.deepEqual([results[0].success, results[0].created], [true, false]);
    assert.deepEqual([results[1].success, results[1].created], [true, true]);
    assert.equal(results[2].success, false);
    assert.equal(results[2].errors[0].statusCode, 'STRING_TOO_LONG');
  });

  it('rolls back an allOrNone upsert and still reports created: true for the would-be inserts', async () => {
    await items.upsert({ External_Key__c: 'R-1', Name: 'existing' }, 'External_Key__c');
    const results = await items.upsert(
      [
        { External_Key__c: 'R-1', Name: 'would update' },
        { External_Key__c: 'R-2', Name: 'would insert' },
        { External_Key__c: 'R-3', Name: 'x', Note__c: 'y'.repeat(30) },
      ],
      'External_Key__c',
      { allOrNone: true },
    );
    assert.deepEqual(results.map((r) => r.success), [false, false, false]);
    assert.deepEqual(results.map((r) => r.created), [false, true, false]);
    assert.equal(results[0].errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    assert.equal(results[1].errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    assert.equal(results[2].errors[0].statusCode, 'STRING_TOO_LONG');
    const { totalSize } = await conn2(items).query(`SELECT COUNT() FROM Conformance_Item__c WHERE External_Key__c = 'R-2'`);
    assert.equal(totalSize, 0, 'nothing was inserted');
  });

  it('answers NOT_FOUND for a field that is not an external id', async () => {
    await rejectsWith(items.upsert({ Note__c: 'k', Name: 'n' }, 'Note__c'), 'NOT_FOUND');
  });
});

describe('sObject Collections', () => {
  it('creates 200 Accounts in one call, then updates and deletes them in one call each', async () => {
    const prefix = `Conformance Collection ${runId}`;
    const records = Array.from({ length: 200 }, (_, i) => ({ Name: `${prefix} ${String(i).padStart(3, '0')}` }));
    const results = await conn.sobject('Account').create(records);
    assert.equal(results.length, 200);
    assert.ok(results.every((r) => r.success === true), JSON.stringify(results.find((r) => !r.success)));
    const ids = results.map((r) => r.id);
    assert.equal(new Set(ids).size, 200);
    assert.ok(ids.every((id) => /^001[0-9A-Za-z]{15}$/.test(id)));

    const count = await conn.query(`SELECT COUNT() FROM Account WHERE Name LIKE '${prefix}%'`);
    assert.equal(count.totalSize, 200);

    const updates = ids.map((Id) => ({ Id, Industry: 'Banking' }));
    const updated = await conn.sobject('Account').update(updates);
    assert.ok(updated.every((r) => r.success === true));
    const banking = await conn.query(`SELECT COUNT() FROM Account WHERE Name LIKE '${prefix}%' AND Industry = 'Banking'`);
    assert.equal(banking.totalSize, 200);

    const deleted = await conn.sobject('Account').destroy(ids);
    assert.equal(deleted.length, 200);
    assert.ok(deleted.every((r) => r.success === true));
    const left = await conn.query(`SELECT COUNT() FROM Account WHERE Name LIKE '${prefix}%'`);
    assert.equal(left.totalSize, 0);
  });

  it('reports per-record errors without failing the others (allOrNone false)', async () => {
    const results = await conn.sobject('Account').create([
      { Name: `Conformance Partial ${runId}` },
      { Website: 'https://no-name.example' },
    ]);
    assert.equal(results[0].success, true);
    assert.equal(results[1].success, false);
    assert.equal(results[1].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
    await conn.sobject('Account').destroy(results[0].id);
  });

  it('rolls back everything with allOrNone when one record fails', async () => {
    const name = `Conformance AllOrNone ${runId}`;
    const results = await conn
      .sobject('Account')
      .create([{ Name: name }, { Website: 'https://no-name.example' }], { allOrNone: true });
    assert.equal(results.length, 2);
    assert.ok(results.every((r) => r.success === false));
    assert.equal(results[0].errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    assert.equal(results[1].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
    const count = await conn.query(`SELECT COUNT() FROM Account WHERE Name = '${name}'`);
    assert.equal(count.totalSize, 0);
  });
});
