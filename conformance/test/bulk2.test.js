// Bulk API 2.0 as jsforce drives it (issue 3): query jobs over 100,000 records, queryAll
// (scanAll) seeing deleted rows, and ingest of 10,000 records into a custom object installed from
// SFDX source (fixtures/conformance-package): insert, then upsert on its external id, reading back
// successful and failed results.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSeededOrg, installConformancePackage } from './support/admin.js';
import { passwordLogin, runId } from './support/sf.js';

const POLL = { pollInterval: 250, pollTimeout: 180_000 };

async function bulkQuery(conn, soql, options = {}) {
  const stream = await conn.bulk2.query(soql, { ...POLL, ...options });
  const records = [];
  for await (const record of stream) records.push(record);
  return records;
}

describe('Bulk API 2.0 query', () => {
  let conn;
  before(async () => {
    const { username } = await createSeededOrg('Bulk', { accounts: 100_000 });
    conn = await passwordLogin(username);
  });

  it('returns as many rows as COUNT() for 100,000 Accounts, each once', async () => {
    const { totalSize } = await conn.query('SELECT COUNT() FROM Account');
    assert.equal(totalSize, 100_000, 'a fresh org seeded with 100,000 Accounts');
    const records = await bulkQuery(conn, 'SELECT Id, Name, Website, Owner.Name FROM Account');
    assert.equal(records.length, totalSize);
    assert.equal(new Set(records.map((r) => r.Id)).size, totalSize, 'no row served twice across locator pages');
    assert.ok(records.every((r) => /^001[0-9A-Za-z]{15}$/.test(r.Id)));
    assert.ok(records.every((r) => typeof r['Owner.Name'] === 'string' && r['Owner.Name'].length > 0), 'relationship column Owner.Name');
  });

  it('sees a deleted row with scanAll (queryAll), and query does not', async () => {
    const created = await conn.sobject('Account').create({ Name: `Conformance Bulk Deleted ${runId}` });
    await conn.sobject('Account').destroy(created.id);
    const soql = `SELECT Id, Name, IsDeleted FROM Account WHERE Id = '${created.id}'`;

    const live = await bulkQuery(conn, soql);
    assert.equal(live.length, 0);

    const all = await bulkQuery(conn, soql, { scanAll: true });
    assert.equal(all.length, 1);
    assert.equal(all[0].Id, created.id);
    assert.equal(all[0].IsDeleted, 'true', 'CSV boolean');
  });

  it('fails a job for a malformed query with the SOQL error', async () => {
    const err = await bulkQuery(conn, 'SELECT Id, FROM Account').then(() => null, (e) => e);
    assert.ok(err, 'the job must not succeed');
    assert.match(`${err.errorCode ?? err.name} ${err.message}`, /MALFORMED_QUERY|unexpected token/i);
  });
});

describe('Bulk API 2.0 ingest into an installed custom object', () => {
  const object = 'Conformance_Item__c';
  const key = (i) => `K-${runId}-${i}`;
  const tooLong = 'x'.repeat(30); // Note__c is Text(20)
  let conn;

  before(async () => {
    const { orgId, username } = await createSeededOrg('Ingest');
    await installConformancePackage(orgId, username);
    conn = await passwordLogin(username);
  });

  it('inserts 10,000 records: 9,990 succeed, 10 fail with STRING_TOO_LONG, results read back', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      Name: `Item ${runId} ${i}`,
      External_Key__c: key(i),
      Quantity__c: i,
      Note__c: i % 1000 === 999 ? tooLong : 'inserted',
    }));
    const results = await conn.bulk2.loadAndWaitForResults({ object, operation: 'insert', input: rows, ...POLL });

    assert.equal(results.successfulResults.length, 9_990);
    assert.equal(results.failedResults.length, 10);
    assert.equal(results.unprocessedRecords.length, 0);
    for (const r of results.successfulResults) {
      assert.match(r.sf__Id, /^[a-zA-Z0-9]{18}$/);
      assert.equal(r.sf__Created, 'true');
    }
    const failedKeys = results.failedResults.map((r) => r.External_Key__c).sort();
    assert.deepEqual(failedKeys, [999, 1999, 2999, 3999, 4999, 5999, 6999, 7999, 8999, 9999].map(key).sort());
    for (const r of results.failedResults) assert.match(r.sf__Error, /STRING_TOO_LONG/);

    const { totalSize } = await conn.query(`SELECT COUNT() FROM ${object} WHERE External_Key__c LIKE 'K-${runId}-%'`);
    assert.equal(totalSize, 9_990);
  });

  it('accepts an empty upload (no bytes, or a header only) and completes the job with 0 records', async () => {
    for (const body of ['', 'Name,External_Key__c\n']) {
      const job = conn.bulk2.createJob({ object, operation: 'insert' });
      await job.open();
      await job.uploadData(body);
      await job.close();
      await job.poll(POLL.pollInterval, POLL.pollTimeout);
      const info = await job.check();
      assert.equal(info.state, 'JobComplete', `upload ${JSON.stringify(body)}`);
      assert.equal(Number(info.numberRecordsProcessed), 0);
      assert.equal(Number(info.numberRecordsFailed), 0);
    }
  });

  it('upserts on Id without an Id column by inserting every row', async () => {
    // jsforce's record input adds an empty Id column itself; a CSV upload (as Data Loader and ETL tools
    // send) has none.
    const job = conn.bulk2.createJob({ object, operation: 'upsert', externalIdFieldName: 'Id' });
    await job.open();
    await job.uploadData([1, 2, 3].map((i) => `Id upsert ${runId} ${i},ID-${runId}-${i}`).join('\n').replace(/^/, 'Name,External_Key__c\n'));
    await job.close();
    await job.poll(POLL.pollInterval, POLL.pollTimeout);
    const info = await job.check();
    assert.equal(info.state, 'JobComplete', info.errorMessage);
    const successful = await job.getSuccessfulResults();
    assert.equal(successful.length, 3);
    assert.ok(successful.every((r) => r.sf__Created === 'true'));
    const { totalSize } = await conn.query(`SELECT COUNT() FROM ${object} WHERE External_Key__c LIKE 'ID-${runId}-%'`);
    assert.equal(totalSize, 3);
  });

  it('upserts 10,000 records on the external id: updates existing, creates new, reports failures', async () => {
    // Keys 5,000..14,999: 5,000..9,999 mostly exist (the 5 that failed to insert are created now),
    // 10,000..14,999 are new. Every key ending in 500 fails (Note__c too long).
    const rows = Array.from({ length: 10_000 }, (_, n) => {
      const i = 5_000 + n;
      return { External_Key__c: key(i), Name: `Item ${runId} ${i}`, Quantity__c: i * 2, Note__c: i % 1000 === 500 ? tooLong : 'upserted' };
    });
    const results = await conn.bulk2.loadAndWaitForResults({
      object,
      operation: 'upsert',
      externalIdFieldName: 'External_Key__c',
      input: rows,
      ...POLL,
    });

    assert.equal(results.failedResults.length, 10);
    assert.equal(results.successfulResults.length, 9_990);
    const created = results.successfulResults.filter((r) => r.sf__Created === 'true');
    const updated = results.successfulResults.filter((r) => r.sf__Created === 'false');
    assert.equal(created.length, 5_000, 'keys 10,000..14,999 minus 5 failures, plus the 5 that failed to insert');
    assert.equal(updated.length, 4_990);

    const { totalSize } = await conn.query(`SELECT COUNT() FROM ${object} WHERE External_Key__c LIKE 'K-${runId}-%'`);
    assert.equal(totalSize, 9_990 + 5_000);
    const one = await conn.query(`SELECT Quantity__c, Note__c FROM ${object} WHERE External_Key__c = '${key(7_000)}'`);
    assert.equal(one.records[0].Quantity__c, 14_000);
    assert.equal(one.records[0].Note__c, 'upserted');
  });
});
