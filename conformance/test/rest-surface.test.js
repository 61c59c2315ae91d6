// The rest of the REST surface jsforce exposes: the resources list, SOSL search, the query plan
// (explain), list views, recent items, tabs and theme, getUpdated / getDeleted windows.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_VERSION, passwordLogin, rejectsWith, runId, users } from './support/sf.js';

let conn;
let accountId;
before(async () => {
  conn = await passwordLogin(users.admin);
  accountId = (await conn.sobject('Account').create({ Name: `Zyxwv Searchable ${runId}`, Phone: '+1 555 0100' })).id;
  await conn.sobject('Contact').create({ LastName: `Zyxwv ${runId}`, Email: `zyxwv.${runId}@example.com`, AccountId: accountId });
});

describe('resources of a version', () => {
  it('lists only resources that answer', async () => {
    const resources = await conn.request(`/services/data/v${API_VERSION}/`);
    for (const [key, url] of Object.entries(resources)) {
      if (key === 'identity') continue;
      const res = await conn.request(url).then(() => 'ok', (e) => e.errorCode ?? e.name);
      assert.notEqual(res, 'NOT_FOUND', `${key} (${url}) is listed but answers NOT_FOUND`);
    }
    for (const key of ['search', 'recent', 'tabs', 'theme', 'sobjects', 'query']) assert.ok(resources[key], key);
  });
});

describe('SOSL search', () => {
  it('finds records in all fields, RETURNING objects with fields, WHERE and LIMIT', async () => {
    const { searchRecords } = await conn.search(
      `FIND {Zyxwv* ${runId}} IN ALL FIELDS RETURNING Account(Id, Name WHERE Phone != null), Contact(Id, LastName, Email LIMIT 5)`,
    );
    assert.deepEqual(searchRecords.map((r) => r.attributes.type).sort(), ['Account', 'Contact']);
    const account = searchRecords.find((r) => r.attributes.type === 'Account');
    assert.equal(account.Id, accountId);
    assert.equal(account.Name, `Zyxwv Searchable ${runId}`);
  });

  it('limits the scope (IN EMAIL FIELDS) and refuses a one-character term and a missing brace', async () => {
    const byEmail = await conn.search(`FIND {zyxwv.${runId}} IN EMAIL FIELDS RETURNING Account(Id), Contact(Id)`);
    assert.deepEqual(byEmail.searchRecords.map((r) => r.attributes.type), ['Contact']);
    await rejectsWith(conn.search('FIND {a} RETURNING Account'), 'INVALID_SEARCH');
    await rejectsWith(conn.search('FIND Zyxwv RETURNING Account'), 'MALFORMED_SEARCH');
  });
});

describe('query plan (explain)', () => {
  it('explains a query with its cardinality', async () => {
    const { plans } = await conn.query(`SELECT Id FROM Account WHERE Name = 'Zyxwv Searchable ${runId}'`).explain();
    assert.equal(plans[0].sobjectType, 'Account');
    assert.equal(plans[0].cardinality, 1);
    assert.equal(plans[0].leadingOperationType, 'TableScan');
    assert.ok(plans[0].sobjectCardinality >= 5000);
  });
});

describe('list views', () => {
  it('lists, describes and runs the All Accounts list view', async () => {
    const { listviews, sobjectType } = await conn.sobject('Account').listviews();
    assert.equal(sobjectType, 'Account');
    const all = listviews.find((v) => v.developerName === 'AllAccounts');
    assert.ok(all, JSON.stringify(listviews));
    assert.match(all.id, /^00B/);
    const view = conn.sobject('Account').listview(all.id);
    const described = await view.describe();
    assert.match(described.query, /^SELECT Name, Id, .* FROM Account ORDER BY Name ASC NULLS FIRST, Id ASC NULLS FIRST$/);
    assert.equal(described.scope, 'everything');
    const results = await view.results();
    assert.equal(results.records.length, 25, 'limit defaults to 25');
    assert.ok(results.size >= 5000);
    assert.equal(results.done, false);
    const name = results.records[0].columns.find((c) => c.fieldNameOrPath === 'Name');
    assert.equal(typeof name.value, 'string');
  });
});

describe('recent items, tabs and theme', () => {
  it('lists the records the user changed last, the tabs and the theme', async () => {
    const recent = await conn.recent(5);
    assert.ok(recent.length >= 2 && recent.length <= 5);
    assert.ok(recent.some((r) => r.Id === accountId), 'the Account just created is recent');
    const tabs = await conn.tabs();
    assert.ok(tabs.some((t) => t.sobjectName === 'Account' && t.label === 'Accounts'));
    const theme = await conn.theme();
    assert.ok(theme.themeItems.some((t) => t.name === 'Account' && t.colors.length > 0));
  });
});

describe('getUpdated / getDeleted windows', () => {
  it('returns ids changed in a window and refuses windows outside Salesforce limits', async () => {
    const now = new Date();
    const start = new Date(now.getTime() - 60 * 60 * 1000);
    const end = new Date(now.getTime() + 2 * 60 * 1000);
    const updated = await conn.sobject('Account').updated(start.toISOString(), end.toISOString());
    assert.ok(updated.ids.includes(accountId));
    const longAgo = new Date(now.getTime() - 40 * 24 * 60 * 60 * 1000);
    await rejectsWith(conn.sobject('Account').updated(longAgo.toISOString(), end.toISOString()), 'INVALID_REPLICATION_DATE');
    await rejectsWith(conn.sobject('Account').deleted(end.toISOString(), start.toISOString()), 'INVALID_REPLICATION_DATE');

    const gone = (await conn.sobject('Account').create({ Name: `Deleted window ${runId}` })).id;
    await conn.sobject('Account').destroy(gone);
    const deleted = await conn.sobject('Account').deleted(start.toISOString(), end.toISOString());
    const entry = deleted.deletedRecords.find((r) => r.id === gone);
    assert.ok(entry, 'the Account just deleted is in the window');
    assert.match(entry.deletedDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    assert.ok(deleted.earliestDateAvailable && deleted.latestDateCovered);
  });
});

describe('quick actions', () => {
  it('lists global actions, describes one, and gives its default values', async () => {
    const actions = await conn.quickActions();
    const names = actions.map((a) => a.name);
    for (const name of ['NewTask', 'LogACall', 'NewContact', 'NewCase']) assert.ok(names.includes(name), name);
    const described = await conn.quickAction('NewTask').describe();
    assert.equal(described.targetSobjectType, 'Task');
    assert.equal(described.type, 'Create');
    assert.ok(described.layout.layoutRows.some((r) => r.layoutItems[0].layoutComponents[0].value === 'Subject'));
    const defaults = await conn.quickAction('LogACall').defaultValues();
    assert.equal(defaults.attributes.type, 'Task');
    assert.equal(defaults.Status, 'Completed');
  });

  it('invokes an object action in the context of an Account: the new Contact points at it', async () => {
    const list = await conn.sobject('Account').quickActions();
    assert.ok(list.some((a) => a.name === 'Account.NewContact'), JSON.stringify(list.map((a) => a.name)));
    const action = conn.sobject('Account').quickAction('NewContact');
    const described = await action.describe();
    assert.equal(described.targetParentField, 'AccountId');
    assert.equal(described.contextSobjectType, 'Account');
    const defaults = await action.defaultValues(accountId);
    assert.equal(defaults.AccountId, accountId);
    const result = await action.execute(accountId, { LastName: `Quick ${runId}` });
    assert.equal(result.success, true);
    assert.equal(result.created, true);
    const contact = await conn.sobject('Contact').retrieve(result.id);
    assert.equal(contact.AccountId, accountId);
    assert.equal(contact.LastName, `Quick ${runId}`);
    await rejectsWith(conn.quickAction('NoSuchAction').describe(), 'NOT_FOUND');
    await rejectsWith(action.execute(accountId, {}), 'REQUIRED_FIELD_MISSING');
  });
});
