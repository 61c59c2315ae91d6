// Discovery as jsforce does it: versions, resources, describeGlobal, describe, limits.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_VERSION, baseUrl, jsforce, passwordLogin, users } from './support/sf.js';

let conn;
before(async () => {
  conn = await passwordLogin(users.integration);
});

describe('versions and resources', () => {
  it('lists API versions including the one jsforce is pinned to', async () => {
    const versions = await conn.request('/services/data/');
    assert.ok(Array.isArray(versions));
    const v = versions.find((x) => x.version === API_VERSION);
    assert.ok(v, `versions list contains ${API_VERSION}`);
    assert.equal(v.url, `/services/data/v${API_VERSION}`);
    assert.equal(typeof v.label, 'string');
  });

  it("serves jsforce's default API version (50.0) when none is configured", async () => {
    const plain = new jsforce.Connection({ instanceUrl: baseUrl, accessToken: conn.accessToken });
    assert.equal(plain.version, '50.0');
    const result = await plain.query('SELECT Id FROM Account LIMIT 1');
    assert.equal(result.records[0].attributes.url.startsWith('/services/data/v50.0/sobjects/Account/'), true);
  });

  it('lists the resources of a version, with the identity URL', async () => {
    const resources = await conn.request(`/services/data/v${API_VERSION}/`);
    for (const key of ['sobjects', 'query', 'queryAll', 'composite', 'limits']) {
      assert.equal(resources[key], `/services/data/v${API_VERSION}/${key}`, `resource ${key}`);
    }
    assert.ok(resources.identity.startsWith(`${baseUrl}/id/00D`));
  });
});

describe('describeGlobal', () => {
  it('lists the standard objects with their key prefixes', async () => {
    const global = await conn.describeGlobal();
    assert.equal(typeof global.maxBatchSize, 'number');
    const byName = new Map(global.sobjects.map((s) => [s.name, s]));
    for (const [name, prefix] of [['Account', '001'], ['Contact', '003'], ['Lead', '00Q'], ['Opportunity', '006'], ['User', '005']]) {
      const s = byName.get(name);
      assert.ok(s, `${name} is listed`);
      assert.equal(s.keyPrefix, prefix);
      assert.equal(s.queryable, true);
      assert.equal(s.custom, false);
      assert.equal(typeof s.label, 'string');
      assert.equal(s.urls.describe, `/services/data/v${API_VERSION}/sobjects/${name}/describe`);
    }
  });

  it('is filtered by the caller: a user without read on Lead does not see Lead', async () => {
    const noLeads = await passwordLogin(users.noLeads);
    const names = (await noLeads.describeGlobal()).sobjects.map((s) => s.name);
    assert.ok(names.includes('Account'));
    assert.ok(!names.includes('Lead'));
  });
});

describe('describe', () => {
  it('describes Account with typed fields', async () => {
    const d = await conn.describe('Account');
    assert.equal(d.name, 'Account');
    assert.equal(d.keyPrefix, '001');
    assert.equal(d.queryable, true);
    const fields = new Map(d.fields.map((f) => [f.name, f]));
    assert.equal(fields.get('Id').type, 'id');
    assert.equal(fields.get('Name').type, 'string');
    assert.equal(fields.get('Website').type, 'url');
    assert.equal(fields.get('IsDeleted').type, 'boolean');
    assert.equal(fields.get('SystemModstamp').type, 'datetime');
    assert.equal(fields.get('OwnerId').type, 'reference');
    assert.deepEqual(fields.get('OwnerId').referenceTo, ['User']);
    assert.equal(fields.get('OwnerId').relationshipName, 'Owner');
  });

  it('describes Lead, and jsforce caches describe per connection', async () => {
    const d = await conn.sobject('Lead').describe();
    assert.equal(d.name, 'Lead');
    assert.equal(d.keyPrefix, '00Q');
    assert.equal(d.fields.find((f) => f.name === 'Email').type, 'email');
    const again = await conn.sobject('Lead').describe$();
    assert.equal(again.name, 'Lead');
  });
});

describe('limits', () => {
  it('returns the org limits as {Max, Remaining} numbers', async () => {
    // /limits needs "View Setup and Configuration", which the integration user lacks.
    const admin = await passwordLogin(users.admin);
    const limits = await admin.limits();
    const daily = limits.DailyApiRequests;
    assert.equal(typeof daily.Max, 'number');
    assert.equal(typeof daily.Remaining, 'number');
    assert.ok(daily.Remaining <= daily.Max && daily.Remaining >= 0);
    for (const [name, v] of Object.entries(limits)) {
      assert.equal(typeof v.Max, 'number', `${name}.Max`);
      assert.equal(typeof v.Remaining, 'number', `${name}.Remaining`);
    }
  });

  it('reports API usage in Sforce-Limit-Info, which jsforce exposes as limitInfo', async () => {
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const { used, limit } = conn.limitInfo.apiUsage ?? {};
    assert.ok(Number.isInteger(used) && used > 0, `api usage used = ${used}`);
    assert.ok(Number.isInteger(limit) && limit >= used, `api usage limit = ${limit}`);
  });
});

describe('layouts (describe/layouts, describe/compactLayouts)', () => {
  it('answers GET /sobjects/Account/describe/layouts with the layout, never a record lookup', async () => {
    const admin = await passwordLogin(users.admin);
    const described = await admin.sobject('Account').layouts();
    assert.equal(described.layouts.length, 1);
    const layout = described.layouts[0];
    assert.match(layout.id, /^00h[0-9A-Za-z]{15}$/);
    const items = layout.detailLayoutSections.flatMap((s) => s.layoutRows.flatMap((r) => r.layoutItems));
    const name = items.find((i) => i.layoutComponents[0].value === 'Name');
    assert.equal(name.required, true);
    assert.equal(name.layoutComponents[0].details.type, 'string');
    assert.ok(layout.relatedLists.some((r) => r.name === 'Contacts' && r.sobject === 'Contact'));
    assert.equal(described.recordTypeMappings[0].layoutId, layout.id);
    assert.deepEqual(described.recordTypeSelectorRequired, [false]);

    const compact = await admin.sobject('Account').compactLayouts();
    assert.equal(compact.compactLayouts[0].name, 'SYSTEM');
    assert.ok(compact.compactLayouts[0].fieldItems.some((i) => i.layoutComponents[0].value === 'Name'));
  });

  it('answers an unknown sub-resource and an unknown named layout with NOT_FOUND, not an external-id error', async () => {
    const admin = await passwordLogin(users.admin);
    const err = await admin.request(`/services/data/v${API_VERSION}/sobjects/Account/describe/nope`).then(() => null, (e) => e);
    assert.equal(err.errorCode, 'NOT_FOUND');
    assert.doesNotMatch(err.message, /external ID/i);
    const named = await admin.sobject('Account').layouts('NoSuchLayout').then(() => null, (e) => e);
    assert.equal(named.errorCode, 'NOT_FOUND');
  });
});
