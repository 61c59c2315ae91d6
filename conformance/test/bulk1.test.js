// Bulk API 1.0 (`/services/async/{version}/job`) as jsforce's `conn.bulk` drives it (issue 19):
// CSV jobs through `load` (insert, update, upsert on an external id, delete, hardDelete refused
// without the permission), `query` and `queryAll`; then raw requests for what jsforce does not
// expose: XML and JSON jobs and batches, PK chunking, and the API's own error shape.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSeededOrg, installConformancePackage } from './support/admin.js';
import { admin, baseUrl, passwordLogin, PASSWORD, runId } from './support/sf.js';

const NS = 'http://www.force.com/2009/06/asyncapi/dataload';
const object = 'Conformance_Item__c';
const key = (i) => `B1-${runId}-${i}`;
const tooLong = 'x'.repeat(30); // Note__c is Text(20)

async function collect(stream) {
  const records = [];
  for await (const record of stream) records.push(record);
  return records;
}

/** A raw Bulk API 1.0 call the way Data Loader makes it: the session in X-SFDC-Session. */
async function async(conn, method, path, { body, contentType = 'application/xml; charset=UTF-8', headers = {}, session } = {}) {
  const res = await fetch(`${baseUrl}/services/async/${conn.version}/${path}`, {
    method,
    headers: { 'X-SFDC-Session': session ?? conn.accessToken, 'Content-Type': contentType, ...headers },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

const tag = (xml, name) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

async function waitForBatches(conn, jobId, { json = false, until = (batches) => batches.every((b) => !['Queued', 'InProgress'].includes(b.state)) } = {}) {
  for (let i = 0; i < 200; i++) {
    const res = await async(conn, 'GET', `job/${jobId}/batch`, json ? { contentType: 'application/json' } : {});
    assert.equal(res.status, 200, res.text);
    const batches = json
      ? JSON.parse(res.text).batchInfo
      : res.text.split('<batchInfo>').slice(1).map((b) => ({ id: tag(b, 'id')[0], state: tag(b, 'state')[0], processed: Number(tag(b, 'numberRecordsProcessed')[0]) }));
    if (batches.length > 0 && until(batches)) return batches;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`batches of ${jobId} did not finish`);
}

describe('Bulk API 1.0 through jsforce conn.bulk', () => {
  let conn;
  let orgId;
  before(async () => {
    const org = await createSeededOrg('BulkV1', { accounts: 2_500 });
    orgId = org.orgId;
    await installConformancePackage(orgId, org.username);
    conn = await passwordLogin(org.username);
    conn.bulk.pollInterval = 200;
  });

  it('inserts from CSV: per-row Id/Success/Created, and errors in their row', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      Name: `Bulk1 ${runId} ${i}`,
      External_Key__c: key(i),
      Quantity__c: i,
      Note__c: i % 100 === 99 ? tooLong : 'inserted',
    }));
    const results = await conn.bulk.load(object, 'insert', rows);
    assert.equal(results.length, 300);
    const failed = results.map((r, i) => [r, i]).filter(([r]) => !r.success);
    assert.deepEqual(failed.map(([, i]) => i), [99, 199, 299], 'results are in input order');
    for (const [r] of failed) {
      assert.equal(r.id, null);
      assert.match(r.errors[0], /^STRING_TOO_LONG:.*:Note__c --$/);
    }
    for (const r of results.filter((x) => x.success)) {
      assert.match(r.id, /^[a-zA-Z0-9]{18}$/);
      assert.equal(r.created, true);
    }
    const { totalSize } = await conn.query(`SELECT COUNT() FROM ${object} WHERE External_Key__c LIKE 'B1-${runId}-%'`);
    assert.equal(totalSize, 297);
  });

  it('updates by Id, and upserts on the external id (created true for new keys, false for existing)', async () => {
    const existing = await conn.query(`SELECT Id, External_Key__c FROM ${object} WHERE External_Key__c LIKE 'B1-${runId}-%' ORDER BY Quantity__c LIMIT 5`);
    const updates = existing.records.map((r) => ({ Id: r.Id, Quantity__c: 1000 }));
    const updated = await conn.bulk.load(object, 'update', updates);
    assert.ok(updated.every((r) => r.success && r.created === false), JSON.stringify(updated));
    const { totalSize } = await conn.query(`SELECT COUNT() FROM ${object} WHERE Quantity__c = 1000`);
    assert.equal(totalSize, 5);

    const upserts = [key(0), key(1), `B1-${runId}-new-1`, `B1-${runId}-new-2`].map((k) => ({ External_Key__c: k, Name: `Upsert ${k}`, Note__c: 'upserted' }));
    const results = await conn.bulk.load(object, 'upsert', { extIdField: 'External_Key__c' }, upserts);
    assert.deepEqual(results.map((r) => [r.success, r.created]), [[true, false], [true, false], [true, true], [true, true]]);
    const after = await conn.query(`SELECT COUNT() FROM ${object} WHERE Note__c = 'upserted'`);
    assert.equal(after.totalSize, 4);
  });

  it('deletes by Id (queryAll still sees the rows), and refuses hardDelete without the permission', async () => {
    const victims = await conn.query(`SELECT Id FROM ${object} WHERE External_Key__c LIKE 'B1-${runId}-new-%'`);
    assert.equal(victims.records.length, 2);
    const results = await conn.bulk.load(object, 'delete', victims.records.map((r) => ({ Id: r.Id })));
    assert.ok(results.every((r) => r.success), JSON.stringify(results));
    const live = await conn.query(`SELECT COUNT() FROM ${object} WHERE External_Key__c LIKE 'B1-${runId}-new-%'`);
    assert.equal(live.totalSize, 0);

    const soql = `SELECT Id, IsDeleted FROM ${object} WHERE External_Key__c LIKE 'B1-${runId}-new-%'`;
    const [result] = await conn.bulk.load(object, 'queryAll', soql);
    const res = await async(conn, 'GET', `job/${result.jobId}/batch/${result.batchId}/result/${result.id}`);
    const lines = res.text.trim().split('\n');
    assert.equal(lines[0], '"Id","IsDeleted"');
    assert.equal(lines.length, 3);
    assert.ok(lines.slice(1).every((l) => l.endsWith(',"true"')), res.text);
    const live2 = await collect(await conn.bulk.query(soql));
    assert.equal(live2.length, 0, 'query does not return deleted rows ("Records not found for this query")');

    const rep = `rep-${runId}@bulkv1.example`;
    await admin('users', { org: orgId, username: rep, password: PASSWORD, profile: 'Standard User' });
    const repConn = await passwordLogin(rep);
    const err = await repConn.bulk.load('Account', 'hardDelete', [{ Id: victims.records[0].Id }]).then(() => null, (e) => e);
    assert.ok(err, 'hardDelete must be refused');
    assert.equal(err.errorCode, 'InvalidJob');
    assert.match(err.message, /Hard Delete/i);
  });

  it('queries with conn.bulk.query (CSV result), and queryAll sees a deleted Account that query does not', async () => {
    const records = await collect(await conn.bulk.query('SELECT Id, Name, Owner.Name FROM Account'));
    assert.equal(records.length, 2_500);
    assert.equal(new Set(records.map((r) => r.Id)).size, 2_500);
    assert.ok(records.every((r) => typeof r['Owner.Name'] === 'string' && r['Owner.Name'].length > 0));

    const gone = await conn.sobject('Account').create({ Name: `Bulk1 deleted ${runId}` });
    await conn.sobject('Account').destroy(gone.id);
    const soql = `SELECT Id, IsDeleted FROM Account WHERE Id = '${gone.id}'`;
    const live = await collect(await conn.bulk.query(soql));
    assert.equal(live.length, 0);
    const batch = await conn.bulk.load('Account', 'queryAll', soql);
    assert.equal(batch.length, 1, 'one result id');
    assert.match(batch[0].id, /^752/);
    const res = await async(conn, 'GET', `job/${batch[0].jobId}/batch/${batch[0].batchId}/result/${batch[0].id}`);
    assert.equal(res.status, 200);
    assert.match(res.type, /text\/csv/);
    assert.equal(res.text.trim(), `"Id","IsDeleted"\n"${gone.id}","true"`);
  });

  it('fails a query batch for bad SOQL with its stateMessage (createJob / createBatch / poll)', async () => {
    const job = conn.bulk.createJob('Account', 'query');
    const batch = job.createBatch();
    batch.on('queue', () => batch.poll(200, 20_000));
    const err = await batch.execute('SELECT Nope__c FROM Account').then(() => null, (e) => e);
    assert.ok(err, 'the batch must fail');
    assert.match(err.message, /^InvalidBatch : Failed to process query: INVALID_FIELD/);
    const info = await batch.check();
    assert.equal(info.state, 'Failed');
    assert.equal(info.numberRecordsProcessed, '0');
    assert.equal((await job.close()).state, 'Closed');
  });
});

describe('Bulk API 1.0 raw: XML and JSON jobs, PK chunking, errors', () => {
  let conn;
  before(async () => {
    const org = await createSeededOrg('BulkV1Raw', { accounts: 2_500 });
    await installConformancePackage(org.orgId, org.username);
    conn = await passwordLogin(org.username);
  });

  it('runs an XML job: jobInfo, sObjects batch, batchInfo, results, request, close', async () => {
    const created = await async(conn, 'POST', 'job', {
      body: `<?xml version="1.0" encoding="UTF-8"?><jobInfo xmlns="${NS}"><operation>insert</operation><object>${object}</object><contentType>XML</contentType></jobInfo>`,
    });
    assert.equal(created.status, 201, created.text);
    assert.match(created.text, new RegExp(`^<\\?xml[^>]*\\?><jobInfo xmlns="${NS}"`));
    const [jobId] = tag(created.text, 'id');
    assert.match(jobId, /^750/);
    assert.deepEqual([tag(created.text, 'state')[0], tag(created.text, 'contentType')[0], tag(created.text, 'concurrencyMode')[0]], ['Open', 'XML', 'Parallel']);

    const batchXml = `<?xml version="1.0" encoding="UTF-8"?><sObjects xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
      + `<sObject><Name>Xml ${runId} 1</Name><External_Key__c>X-${runId}-1</External_Key__c><Note__c xsi:nil="true"/></sObject>`
      + `<sObject><External_Key__c>X-${runId}-2</External_Key__c></sObject></sObjects>`;
    const added = await async(conn, 'POST', `job/${jobId}/batch`, { body: batchXml });
    assert.equal(added.status, 201, added.text);
    const [batchId] = tag(added.text, 'id');
    assert.match(batchId, /^751/);
    assert.equal(tag(added.text, 'jobId')[0], jobId);

    await waitForBatches(conn, jobId);
    const info = await async(conn, 'GET', `job/${jobId}/batch/${batchId}`);
    assert.deepEqual([tag(info.text, 'state')[0], tag(info.text, 'numberRecordsProcessed')[0], tag(info.text, 'numberRecordsFailed')[0]], ['Completed', '2', '1']);

    const results = await async(conn, 'GET', `job/${jobId}/batch/${batchId}/result`);
    assert.match(results.text, new RegExp(`<results xmlns="${NS}"`));
    assert.deepEqual(tag(results.text, 'success'), ['true', 'false']);
    assert.deepEqual(tag(results.text, 'statusCode'), ['REQUIRED_FIELD_MISSING']);
    assert.deepEqual(tag(results.text, 'fields'), ['Name']);

    const request = await async(conn, 'GET', `job/${jobId}/batch/${batchId}/request`);
    assert.equal(request.text, batchXml);

    const closed = await async(conn, 'POST', `job/${jobId}`, { body: `<jobInfo xmlns="${NS}"><state>Closed</state></jobInfo>` });
    assert.equal(tag(closed.text, 'state')[0], 'Closed');
    assert.equal(tag(closed.text, 'numberBatchesCompleted')[0], '1');
    assert.equal(tag(closed.text, 'numberRecordsProcessed')[0], '2');
    assert.equal(tag(closed.text, 'numberRecordsFailed')[0], '1');

    const late = await async(conn, 'POST', `job/${jobId}/batch`, { body: batchXml });
    assert.equal(late.status, 400);
    assert.equal(tag(late.text, 'exceptionCode')[0], 'InvalidJobState', 'no batch can be added to a closed job');
  });

  it('runs a JSON job: JSON jobInfo, a JSON batch, JSON results and a JSON query result', async () => {
    const created = await async(conn, 'POST', 'job', {
      contentType: 'application/json',
      body: JSON.stringify({ operation: 'upsert', object, externalIdFieldName: 'External_Key__c', contentType: 'JSON' }),
    });
    assert.equal(created.status, 201, created.text);
    const job = JSON.parse(created.text);
    assert.equal(job.state, 'Open');
    assert.equal(job.externalIdFieldName, 'External_Key__c');
    assert.equal(typeof job.apiVersion, 'number');

    const rows = [{ External_Key__c: `J-${runId}-1`, Name: 'Json one', Quantity__c: 1 }, { External_Key__c: `J-${runId}-2`, Name: 'Json two', Quantity__c: 2 }];
    const added = await async(conn, 'POST', `job/${job.id}/batch`, { contentType: 'application/json', body: JSON.stringify(rows) });
    assert.equal(added.status, 201, added.text);
    const batch = JSON.parse(added.text);
    await waitForBatches(conn, job.id, { json: true });
    const results = JSON.parse((await async(conn, 'GET', `job/${job.id}/batch/${batch.id}/result`, { contentType: 'application/json' })).text);
    assert.deepEqual(results.map((r) => [r.success, r.created, r.errors]), [[true, true, []], [true, true, []]]);

    const query = JSON.parse((await async(conn, 'POST', 'job', {
      contentType: 'application/json',
      body: JSON.stringify({ operation: 'query', object, contentType: 'JSON' }),
    })).text);
    const qb = JSON.parse((await async(conn, 'POST', `job/${query.id}/batch`, {
      contentType: 'application/json',
      body: `SELECT Id, Name, Quantity__c, CreatedDate FROM ${object} WHERE External_Key__c LIKE 'J-${runId}-%' ORDER BY Quantity__c`,
    })).text);
    await waitForBatches(conn, query.id, { json: true });
    const list = JSON.parse((await async(conn, 'GET', `job/${query.id}/batch/${qb.id}/result`, { contentType: 'application/json' })).text);
    assert.equal(list.length, 1);
    const records = JSON.parse((await async(conn, 'GET', `job/${query.id}/batch/${qb.id}/result/${list[0]}`, { contentType: 'application/json' })).text);
    assert.deepEqual(records.map((r) => [r.attributes.type, r.Name, r.Quantity__c]), [[object, 'Json one', 1], [object, 'Json two', 2]]);
    assert.equal(typeof records[0].CreatedDate, 'number', 'Bulk API 1.0 JSON gives datetimes as epoch milliseconds');
  });

  it('splits a query by Id ranges with Sforce-Enable-PKChunking: the original batch NotProcessed, chunks cover every row once', async () => {
    const created = await async(conn, 'POST', 'job', {
      headers: { 'Sforce-Enable-PKChunking': 'chunkSize=1000' },
      body: `<jobInfo xmlns="${NS}"><operation>query</operation><object>Account</object><contentType>CSV</contentType></jobInfo>`,
    });
    assert.equal(created.status, 201, created.text);
    const [jobId] = tag(created.text, 'id');
    const added = await async(conn, 'POST', `job/${jobId}/batch`, { contentType: 'text/csv', body: 'SELECT Id, Name FROM Account' });
    const [original] = tag(added.text, 'id');
    const batches = await waitForBatches(conn, jobId, { until: (b) => b.length > 1 && b.every((x) => !['Queued', 'InProgress'].includes(x.state)) });
    assert.equal(batches[0].id, original);
    assert.equal(batches[0].state, 'NotProcessed');
    const chunks = batches.slice(1);
    assert.equal(chunks.length, 3, '2,500 Accounts in chunks of 1,000');
    assert.ok(chunks.every((c) => c.state === 'Completed'));
    assert.deepEqual(chunks.map((c) => c.processed), [1000, 1000, 500]);
    const chunkRequest = await async(conn, 'GET', `job/${jobId}/batch/${chunks[0].id}/request`);
    assert.match(chunkRequest.text, /^SELECT Id, Name FROM Account WHERE Id >= '001[0-9A-Za-z]{12}' AND Id < '001[0-9A-Za-z]{12}'$/);
    const ids = new Set();
    for (const c of chunks) {
      const list = await async(conn, 'GET', `job/${jobId}/batch/${c.id}/result`);
      const [resultId] = tag(list.text, 'result');
      const csv = await async(conn, 'GET', `job/${jobId}/batch/${c.id}/result/${resultId}`);
      csv.text.trim().split('\n').slice(1).forEach((line) => ids.add(line.split(',')[0]));
    }
    assert.equal(ids.size, 2_500);
    const originalResults = await async(conn, 'GET', `job/${jobId}/batch/${original}/result`);
    assert.equal(originalResults.status, 400);
    assert.equal(tag(originalResults.text, 'exceptionMessage')[0], 'Batch not completed');
  });

  it('answers errors in its own shape: InvalidSessionId, InvalidJob, InvalidBatch, aborted jobs', async () => {
    const bad = await async(conn, 'GET', 'job/750000000000000AAA', { session: 'not-a-session' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, new RegExp(`<error xmlns="${NS}"`));
    assert.equal(tag(bad.text, 'exceptionCode')[0], 'InvalidSessionId');

    const unknownJob = await async(conn, 'GET', 'job/750000000000000AAA');
    assert.equal(unknownJob.status, 400);
    assert.equal(tag(unknownJob.text, 'exceptionCode')[0], 'InvalidJob');

    const unknownObject = await async(conn, 'POST', 'job', { body: `<jobInfo xmlns="${NS}"><operation>insert</operation><object>Nope__c</object></jobInfo>` });
    assert.equal(tag(unknownObject.text, 'exceptionCode')[0], 'InvalidJob');
    assert.match(tag(unknownObject.text, 'exceptionMessage')[0], /Unable to find object: Nope__c/);

    const job = conn.bulk.createJob(object, 'insert');
    const info = await job.open();
    const unknownBatch = await async(conn, 'GET', `job/${info.id}/batch/751000000000000AAA`);
    assert.equal(tag(unknownBatch.text, 'exceptionCode')[0], 'InvalidBatch');
    const wrongType = await async(conn, 'POST', `job/${info.id}/batch`, { contentType: 'application/json', body: '[]' });
    assert.equal(tag(wrongType.text, 'exceptionCode')[0], 'InvalidBatch');
    const badHeader = await async(conn, 'POST', `job/${info.id}/batch`, { contentType: 'text/csv', body: 'Name,Nope__c\nx,y\n' });
    const [badBatch] = tag(badHeader.text, 'id');
    await waitForBatches(conn, info.id);
    const failed = await async(conn, 'GET', `job/${info.id}/batch/${badBatch}`);
    assert.equal(tag(failed.text, 'state')[0], 'Failed');
    assert.equal(tag(failed.text, 'stateMessage')[0], 'InvalidBatch : Field name not found : Nope__c');

    const aborted = await job.abort();
    assert.equal(aborted.state, 'Aborted');
    const again = await async(conn, 'POST', `job/${info.id}`, { body: `<jobInfo xmlns="${NS}"><state>Closed</state></jobInfo>` });
    assert.equal(tag(again.text, 'exceptionCode')[0], 'InvalidJobState');
  });
});
