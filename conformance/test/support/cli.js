// Runs the Salesforce CLI (`sf`, the @salesforce/cli dev dependency) with `--json` under a
// throw-away HOME, so checks never touch a developer's real org list.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { conformanceDir } from './emulator.js';

export const sfBin = path.join(conformanceDir, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');

/** Resolves {code, json, stdout, stderr}; never rejects. */
export function runSf(args, { home, cwd = undefined, env = {} }) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [sfBin, ...args, '--json'],
      {
        cwd,
        timeout: 300_000,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          // The CLI spawns `sf` itself for some checks; let it find this copy.
          PATH: `${path.join(conformanceDir, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
          HOME: home,
          SF_DISABLE_TELEMETRY: 'true',
          SF_AUTOUPDATE_DISABLE: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
          SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
          SF_DISABLE_LOG_FILE: 'true',
          NO_COLOR: '1',
          ...env,
        },
      },
      (error, stdout, stderr) => {
        let json;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolve({ code: error ? (error.code ?? 1) : 0, json, stdout, stderr });
      },
    );
  });
}

export function describeRun(r) {
  return `exit ${r.code}\nstdout: ${r.stdout.slice(0, 3000)}\nstderr: ${r.stderr.slice(0, 1500)}`;
}
