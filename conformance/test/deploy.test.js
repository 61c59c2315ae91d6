// Metadata API deploys as the Salesforce CLI and jsforce make them: `sf project deploy start`
// of the real salesforce-package (SOAP deploy + checkDeployStatus, and the REST deployRequest
// path), a broken copy that fails naming its files and changes nothing, a dry run, and jsforce's
// metadata.deploy / checkDeployStatus; jsforce then describes the new object.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_VERSION, baseUrl, passwordLogin } from './support/sf.js';
import { conformanceDir } from './support/emulator.js';
import { createSeededOrg } from './support/admin.js';
import { zip } from './support/zip.js';
import { describeRun, runSf, sfBin } from './support/cli.js';

const packageDir = path.join(conformanceDir, '..', 'salesforce-package');
let home;
let work;
let conn;
const ALIAS = 'deploy-target';

function sf(args, cwd, env = {}) {
  return runSf(args, { home, cwd, env });
}

const show = describeRun;

/** A copy of salesforce-package under the run's temp folder (tests may break files in it). */
function copyPackage(name) {
  const dir = path.join(work, name);
  fs.cpSync(packageDir, dir, { recursive: true });
  return dir;
}

/** A fresh org with one System Administrator, logged in to the CLI under `alias`; returns the jsforce connection. */
async function orgWithAlias(label, alias) {
  const { username } = await createSeededOrg(label);
  const conn = await passwordLogin(username);
  const login = await sf(['org', 'login', 'access-token', '--instance-url', baseUrl, '--alias', alias, '--no-prompt'], work, {
    SF_ACCESS_TOKEN: conn.accessToken,
  });
  assert.equal(login.code, 0, show(login));
  return conn;
}

async function describeOrNull(conn, object) {
  try {
    return await conn.sobject(object).describe();
  } catch (e) {
    if (e.errorCode === 'NOT_FOUND') return null;
    throw e;
  }
}

describe('Metadata deploys of salesforce-package', { skip: !fs.existsSync(sfBin) && 'the @salesforce/cli dev dependency is not installed' }, () => {
  // One fresh org, logged in once (each CLI start costs seconds); the checks run in this order:
  // a broken deploy and a dry run leave it untouched, then the SOAP and the REST deploys succeed.
  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-home-'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-deploy-'));
    conn = await orgWithAlias('Deploy', ALIAS);
  });

  after(() => {
    for (const dir of [home, work]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });




  it('a broken copy fails naming each bad file and line, and changes nothing', async () => {
    const dir = copyPackage('broken');
    const fields = path.join(dir, 'force-app', 'main', 'default', 'objects', 'Ecosystem_Overlap__c', 'fields');
    const edit = (file, from, to) => {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(text.includes(from), `${file} holds ${from}`);
      fs.writeFileSync(file, text.replace(from, to));
    };
    edit(path.join(fields, 'Population__c.field-meta.xml'), '<type>Text</type>', '<type>Textish</type>');
    edit(path.join(fields, 'Lead__c.field-meta.xml'), '<referenceTo>Lead</referenceTo>', '<referenceTo>Nothing__c</referenceTo>');
    edit(path.join(dir, 'force-app', 'main', 'default', 'permissionsets', 'Crosswalk_Viewer.permissionset-meta.xml'),
      'Ecosystem_Overlap__c.Partner_Name__c', 'Ecosystem_Overlap__c.Gone__c');

    const r = await sf(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', ALIAS], dir);
    assert.equal(r.code, 1, show(r));
    assert.equal(r.json.result.status, 'Failed', show(r));
    const failed = r.json.result.files.filter((f) => f.state === 'Failed');
    const failure = (name) => failed.find((f) => f.fullName === name);
    assert.match(failure('Ecosystem_Overlap__c.Population__c').filePath, /fields[/\\]Population__c\.field-meta\.xml$/);
    assert.match(failure('Ecosystem_Overlap__c.Population__c').error, /'Textish' is not a valid value for the enum 'FieldType'/);
    assert.ok(failure('Ecosystem_Overlap__c.Population__c').lineNumber > 0);
    assert.match(failure('Ecosystem_Overlap__c.Lead__c').error, /referenceTo value of 'Nothing__c' does not resolve to a valid sObject type/);
    assert.match(failure('Crosswalk_Viewer').filePath, /Crosswalk_Viewer\.permissionset-meta\.xml$/);
    // The permission set also names the field that failed to parse: every problem is listed, as Salesforce does.
    assert.ok(failed.some((f) => f.fullName === 'Crosswalk_Viewer' && /no CustomField named Ecosystem_Overlap__c\.Gone__c found/.test(f.error)),
      show(r));
    assert.ok(r.json.result.files.every((f) => f.state === 'Failed' || f.state === undefined || f.state !== 'Created'));

    assert.equal(await describeOrNull(conn, 'Ecosystem_Overlap__c'), null, 'all or nothing: the object was not created');
    const account = await conn.sobject('Account').describe();
    assert.ok(!account.fields.some((f) => f.name === 'Crosswalk_Partners__c'), 'all or nothing: no Account field either');
  });

  it('--dry-run validates without changing the org', async () => {
    const dry = await sf(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', ALIAS, '--dry-run'], copyPackage('dry'));
    assert.equal(dry.code, 0, show(dry));
    assert.equal(dry.json.result.checkOnly, true);
    assert.equal(await describeOrNull(conn, 'Ecosystem_Overlap__c'), null);
  });

  it('sf project deploy start deploys the package (SOAP) and jsforce describes the new object', async () => {
    const r = await sf(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', ALIAS], copyPackage('ok'));
    assert.equal(r.code, 0, show(r));
    assert.equal(r.json.result.status, 'Succeeded');
    assert.equal(r.json.result.success, true);
    const files = r.json.result.files;
    const created = (type, name) => files.some((f) => f.type === type && f.fullName === name && f.state === 'Created');
    assert.ok(created('CustomObject', 'Ecosystem_Overlap__c'), show(r));
    assert.ok(created('CustomField', 'Ecosystem_Overlap__c.Crosswalk_Key__c'));
    assert.ok(created('CustomField', 'Account.Crosswalk_Partners__c'));
    assert.ok(created('PermissionSet', 'Crosswalk_Setup_User'));
    assert.ok(created('ApexPage', 'CrosswalkSetup'));
    assert.ok(created('NamedCredential', 'Crosswalk'));
    assert.ok(created('LightningComponentBundle', 'crosswalkOverlaps'));
    assert.ok(files.every((f) => f.state !== 'Failed'));

    const d = await conn.sobject('Ecosystem_Overlap__c').describe();
    assert.equal(d.label, 'Crosswalk Ecosystem Overlap');
    assert.equal(d.custom, true);
    const field = (n) => d.fields.find((f) => f.name === n);
    assert.equal(field('Crosswalk_Key__c').externalId, true);
    assert.equal(field('Crosswalk_Key__c').unique, true);
    assert.equal(field('Crosswalk_Key__c').caseSensitive, true);
    assert.equal(field('Crosswalk_Key__c').length, 255);
    assert.deepEqual(field('Account__c').referenceTo, ['Account']);
    assert.deepEqual(field('Lead__c').referenceTo, ['Lead']);
    assert.equal(field('Match_Evidence__c').type, 'picklist');
    assert.deepEqual(field('Match_Evidence__c').picklistValues.map((v) => v.value), ['Domain', 'Name']);
    assert.equal(field('Partner_Owner_Email__c').type, 'email');
    assert.equal(field('Last_Confirmed__c').type, 'datetime');
    const account = await conn.sobject('Account').describe();
    assert.ok(account.fields.some((f) => f.name === 'Crosswalk_Partner_Count__c'));
  });

  it('the REST deployRequest path (SF_ORG_METADATA_REST_DEPLOY) deploys the package again as an upgrade', async () => {
    const rest = await sf(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', ALIAS], copyPackage('rest'),
      { SF_ORG_METADATA_REST_DEPLOY: 'true' });
    assert.equal(rest.code, 0, show(rest));
    assert.equal(rest.json.result.status, 'Succeeded');
    assert.ok(rest.json.result.files.some((f) => f.fullName === 'Ecosystem_Overlap__c' && f.state === 'Changed'), show(rest));
  });

  it('jsforce metadata.deploy and checkDeployStatus report component successes and failures', async () => {
    const { username } = await createSeededOrg('JsforceDeploy');
    const conn = await passwordLogin(username);
    conn.metadata.pollTimeout = 60_000;
    const field = (type) => `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <fields><fullName>Jsforce_Note__c</fullName><label>Jsforce Note</label><length>40</length><type>${type}</type></fields>
</CustomObject>`;
    const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata"><types><members>Account.Jsforce_Note__c</members><name>CustomField</name></types><version>${API_VERSION}</version></Package>`;

    const ok = await conn.metadata.deploy(zip({ 'package.xml': manifest, 'objects/Account.object': field('Text') }),
      { rollbackOnError: true, singlePackage: true }).complete(true);
    assert.equal(ok.success, true, JSON.stringify(ok));
    assert.equal(ok.status, 'Succeeded');
    const successes = [].concat(ok.details.componentSuccesses);
    assert.ok(successes.some((m) => m.fullName === 'Account.Jsforce_Note__c' && m.componentType === 'CustomField' && m.created === true));
    assert.ok((await conn.sobject('Account').describe()).fields.some((f) => f.name === 'Jsforce_Note__c'));

    const started = await conn.metadata.deploy(zip({ 'package.xml': manifest, 'objects/Account.object': field('Nonsense') }),
      { rollbackOnError: true, singlePackage: true });
    assert.match(started.id, /^0Af/);
    let status;
    for (let i = 0; i < 50; i++) {
      status = await conn.metadata.checkDeployStatus(started.id, true);
      if (status.done) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(status.done, true);
    assert.equal(status.status, 'Failed');
    const failure = [].concat(status.details.componentFailures)[0];
    assert.equal(failure.componentType, 'CustomField');
    assert.equal(failure.fullName, 'Account.Jsforce_Note__c');
    assert.equal(failure.fileName, 'objects/Account.object');
    assert.equal(Number(failure.lineNumber), 3);
    assert.match(failure.problem, /'Nonsense' is not a valid value for the enum 'FieldType'/);
  });
});
