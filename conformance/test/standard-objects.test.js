// Salesforce's standard objects with their documented fields (generated from the emulator's
// standard-objects.json): what clients send and sort by, compound address fields, Task and Event,
// Case, Campaign and CampaignMember, Product2 and Pricebook2.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { passwordLogin, rejectsWith, runId, users } from './support/sf.js';

let conn;
before(async () => {
  conn = await passwordLogin(users.admin);
});

describe('standard objects', () => {
  it('describes Account with its documented fields and the compound BillingAddress / ShippingAddress', async () => {
    const d = await conn.sobject('Account').describe();
    const fields = new Map(d.fields.map((f) => [f.name, f]));
    for (const name of ['Fax', 'Sic', 'SicDesc', 'Ownership', 'TickerSymbol', 'Rating', 'Site', 'AccountSource', 'Jigsaw',
      'LastActivityDate', 'ShippingStreet', 'ShippingCity', 'ShippingState', 'ShippingPostalCode', 'ShippingCountry']) {
      assert.ok(fields.has(name), `Account.${name}`);
    }
    assert.equal(fields.get('BillingAddress').type, 'address');
    assert.equal(fields.get('BillingAddress').createable, false);
    assert.equal(fields.get('BillingCity').compoundFieldName, 'BillingAddress');
    assert.equal(fields.get('Sic').length, 20);
    assert.equal(fields.get('LastActivityDate').updateable, false);
    assert.ok(fields.get('Rating').picklistValues.some((v) => v.value === 'Hot'));
  });

  it('reads Contact.MailingAddress as an address object, sorts by a new field, and lists the other objects', async () => {
    const account = (await conn.sobject('Account').create({ Name: `Std ${runId}`, Sic: '7372', Rating: 'Warm', ShippingCity: 'Lyon' })).id;
    const contact = (await conn.sobject('Contact').create({
      LastName: `Std ${runId}`, AccountId: account, MailingStreet: '1 Main St', MailingCity: 'Springfield', MailingPostalCode: '12345',
    })).id;
    const c = await conn.sobject('Contact').retrieve(contact);
    assert.deepEqual(c.MailingAddress, {
      city: 'Springfield', country: null, geocodeAccuracy: null, latitude: null, longitude: null, postalCode: '12345', state: null, street: '1 Main St',
    });
    assert.equal(c.OtherAddress, null, 'no components: null');
    const sorted = await conn.query(`SELECT Id, Sic, ShippingAddress FROM Account WHERE Name LIKE 'Std ${runId}%' ORDER BY Sic, Rating DESC`);
    assert.equal(sorted.records[0].Sic, '7372');
    assert.equal(sorted.records[0].ShippingAddress.city, 'Lyon');

    const global = await conn.describeGlobal();
    const names = new Set(global.sobjects.map((s) => s.name));
    for (const name of ['Case', 'Task', 'Event', 'Campaign', 'CampaignMember', 'Product2', 'Pricebook2', 'User']) {
      assert.ok(names.has(name), name);
    }
  });

  it('creates Tasks and Events on an Account and reads them back through Tasks / Events subqueries', async () => {
    const account = (await conn.sobject('Account').create({ Name: `Activities ${runId}` })).id;
    const task = await conn.sobject('Task').create({ Subject: 'Call', WhatId: account, Status: 'Not Started', Priority: 'Normal', ActivityDate: '2026-12-24' });
    assert.equal(task.success, true, JSON.stringify(task));
    assert.match(task.id, /^00T/);
    const event = await conn.sobject('Event').create({
      Subject: 'Meeting', WhatId: account, StartDateTime: '2026-12-24T10:00:00.000+0000', EndDateTime: '2026-12-24T11:00:00.000+0000', DurationInMinutes: 60,
    });
    assert.equal(event.success, true, JSON.stringify(event));
    const result = await conn.query(
      `SELECT Name, (SELECT Subject, What.Name FROM Tasks), (SELECT Subject FROM Events) FROM Account WHERE Id = '${account}'`,
    );
    const [row] = result.records;
    assert.equal(row.Tasks.records[0].Subject, 'Call');
    assert.equal(row.Tasks.records[0].What.Name, `Activities ${runId}`);
    assert.equal(row.Events.records[0].Subject, 'Meeting');
    const caseRecord = await conn.sobject('Case').create({ Subject: 'Broken', AccountId: account, Origin: 'Web' });
    assert.equal(caseRecord.success, true, JSON.stringify(caseRecord));
  });
  it('keeps createable-only fields (CampaignMember.CampaignId, ContactId) out of updates with INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
    const described = await conn.sobject('CampaignMember').describe();
    const field = (name) => described.fields.find((f) => f.name === name);
    for (const name of ['CampaignId', 'ContactId', 'LeadId']) {
      assert.equal(field(name).createable, true, `${name} createable`);
      assert.equal(field(name).updateable, false, `${name} not updateable`);
    }
    assert.equal(field('Status').updateable, true);

    const campaign = (await conn.sobject('Campaign').create({ Name: `Create-only ${runId}` })).id;
    const [first, second] = await conn.sobject('Contact').create([{ LastName: `Member A ${runId}` }, { LastName: `Member B ${runId}` }]);
    const member = await conn.sobject('CampaignMember').create({ CampaignId: campaign, ContactId: first.id, Status: 'Sent' });
    assert.equal(member.success, true, JSON.stringify(member));
    await rejectsWith(conn.sobject('CampaignMember').update({ Id: member.id, ContactId: second.id }), 'INVALID_FIELD_FOR_INSERT_UPDATE', /Unable to create\/update fields: ContactId/);
    const updated = await conn.sobject('CampaignMember').update({ Id: member.id, Status: 'Responded' });
    assert.equal(updated.success, true, JSON.stringify(updated));
    const row = await conn.sobject('CampaignMember').retrieve(member.id);
    assert.equal(row.ContactId, first.id);
    assert.equal(row.Status, 'Responded');
  });
});
