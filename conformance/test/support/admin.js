// The emulator's admin API (`/_emulator/…`, see the emulator module's README) for the set-up no
// Salesforce client can do: new orgs and users, bulk seeding, installing SFDX metadata.
import path from 'node:path';
import { admin, PASSWORD, runId } from './sf.js';
import { conformanceDir } from './emulator.js';

export const conformancePackageDir = path.join(conformanceDir, 'fixtures', 'conformance-package');

/**
 * A new org of its own (so counts are exact and the demo orgs stay untouched) with one System
 * Administrator, seeded with `accounts` generated Accounts. Returns {orgId, username}.
 */
export async function createSeededOrg(label, { accounts = 0, leads = 0 } = {}) {
  const org = await admin('orgs', { name: `Conformance ${label} ${runId}` });
  const username = `${label.toLowerCase()}-${runId}@conformance.example`;
  await admin('users', { org: org.id, username, password: PASSWORD, profile: 'System Administrator' });
  if (accounts || leads) await admin('seed', { seed: 7, overlap: 0, orgs: [{ org: org.id, accounts, leads }] });
  return { orgId: org.id, username };
}

/** Installs fixtures/conformance-package into an org and assigns its permission set to a user. */
export async function installConformancePackage(orgId, username, permissionSet = 'Conformance_Item_Access') {
  const report = await admin('packages/install', { org: orgId, path: conformancePackageDir });
  await admin('permission-sets/assign', { username, permissionSet });
  return report;
}
