// The emulator's admin API (`/_emulator/…`, documented in salesforce-emulator/README.md) for the
// set-up that no Salesforce client can do: bulk seeding and installing SFDX metadata.
import path from 'node:path';
import { admin } from './sf.js';
import { conformanceDir } from './emulator.js';

export const conformancePackageDir = path.join(conformanceDir, 'fixtures', 'conformance-package');

/** Adds `count` generated Accounts to the org of `username`. */
export async function seedAccounts(username, count) {
  return admin('seed', { username, accounts: count, leads: 0 });
}

/** Installs fixtures/conformance-package into the org of `username` and assigns its permission set to that user. */
export async function installConformancePackage(username, permissionSet) {
  await admin('packages/install', { username, path: conformancePackageDir });
  await admin('permission-sets/assign', { username, permissionSet });
}
