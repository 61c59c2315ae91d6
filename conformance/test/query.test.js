// SOQL over REST as jsforce runs it: paging with nextRecordsUrl, autoFetch, COUNT(), relationship
// fields and queryAll with the recycle bin.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_VERSION, baseUrl, passwordLogin, runId, users } from './support/sf.js';

let conn;
before(async () => {
  conn = await passwordLogin(users.integration);
});

describe('query', () => {
  it('auto-fetches all 5,000+ Leads: records.length equals totalSize, ids are distinct', async () => {
    const result = await conn.query('SELECT Id, Name, Email, Company FROM Lead', { autoFetch: true, maxFetch: 1_000_000 });
    assert.ok(result.totalSize >= 5000, `demo seed has 5,000 Leads, totalSize was ${result.totalSize}`);
    assert.equal(result.records.length, result.totalSize);
    assert.equal(result.done, true);
    assert.equal(new Set(result.records.map((r) => r.Id)).size, result.totalSize, 'no record served twice');
    const count = await conn.query('SELECT COUNT() FROM Lead');
    assert.equal(count.totalSize, result.totalSize, 'COUNT() agrees with the rows served');
    assert.deepEqual(count.records, []);
  });

  it('answers the first page with a relative nextRecordsUrl (locator-offset)', async () => {
    const res = await fetch(`${baseUrl}/services/data/v${API_VERSION}/query?q=${encodeURIComponent('SELECT Id FROM Account')}`, {
      headers: { authorization: `Bearer ${conn.accessToken}` },
    });
    const page = await res.json();
    assert.equal(page.done, false);
    assert.equal(page.records.length, 2000, 'default batch size is 2,000');
    assert.match(page.nextRecordsUrl, new RegExp(`^/services/data/v${API_VERSION.replace('.', '\\.')}/query/01g[0-9A-Za-z]+-2000$`));
  });

  it('pages by 2,000 with a nextRecordsUrl that queryMore follows', async () => {
    const first = await conn.query('SELECT Id FROM Account');
    assert.equal(first.done, false);
    assert.equal(first.records.length, 2000, 'default batch size is 2,000');
    const second = await conn.queryMore(first.nextRecordsUrl);
    assert.equal(second.totalSize, first.totalSize);
    assert.equal(second.records.length, Math.min(2000, first.totalSize - 2000));
    const firstIds = new Set(first.records.map((r) => r.Id));
    assert.ok(second.records.every((r) => !firstIds.has(r.Id)), 'the second page continues, no overlap');
  });

  it('honours Sforce-Query-Options: batchSize', async () => {
    const page = await conn.query('SELECT Id FROM Lead', { headers: { 'Sforce-Query-Options': 'batchSize=500' } });
    assert.equal(page.records.length, 500);
    assert.equal(page.done, false);
  });

  it('streams records with the record event and autoFetch', async () => {
    let n = 0;
    await new Promise((resolve, reject) => {
      conn
        .query('SELECT Id FROM Lead')
        .on('record', () => {
          n += 1;
        })
        .on('end', resolve)
        .on('error', reject)
        .run({ autoFetch: true, maxFetch: 1_000_000 });
    });
    const count = await conn.query('SELECT COUNT() FROM Lead');
    assert.equal(n, count.totalSize);
  });

  it('returns records with attributes and parent relationship fields', async () => {
    const { records } = await conn.query('SELECT Id, Name, Website, Owner.Name FROM Account LIMIT 5');
    assert.equal(records.length, 5);
    for (const r of records) {
      assert.equal(r.attributes.type, 'Account');
      assert.equal(r.attributes.url, `/services/data/v${API_VERSION}/sobjects/Account/${r.Id}`);
      assert.match(r.Id, /^001[0-9A-Za-z]{15}$/);
      assert.equal(r.Owner.attributes.type, 'User');
      assert.equal(typeof r.Owner.Name, 'string');
    }
  });

  it('supports the query builder (find) jsforce users write', async () => {
    const records = await conn.sobject('Lead').find({ Email: { $ne: null } }, ['Id', 'Email']).limit(10);
    assert.equal(records.length, 10);
    assert.ok(records.every((r) => typeof r.Email === 'string' && r.Email.includes('@')));
  });
});

describe('queryAll (jsforce: scanAll)', () => {
  it('sees a deleted record with IsDeleted = true, which query does not', async () => {
    const admin = await passwordLogin(users.admin);
    const created = await admin.sobject('Account').create({ Name: `Conformance Deleted ${runId}` });
    assert.equal(created.success, true);
    const deleted = await admin.sobject('Account').destroy(created.id);
    assert.equal(deleted.success, true);

    const soql = `SELECT Id, Name, IsDeleted FROM Account WHERE Id = '${created.id}'`;
    const live = await admin.query(soql);
    assert.equal(live.totalSize, 0, 'query does not return deleted records');

    const all = await admin.query(soql, { scanAll: true }); // jsforce sends this to /queryAll
    assert.equal(all.totalSize, 1);
    assert.equal(all.records[0].Id, created.id);
    assert.equal(all.records[0].IsDeleted, true);

    const builder = await admin.sobject('Account').find({ Id: created.id }, ['Id', 'IsDeleted']).scanAll(true);
    assert.equal(builder.length, 1, 'the query builder with scanAll(true) sees it too');
  });
});
