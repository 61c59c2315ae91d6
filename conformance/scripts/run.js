#!/usr/bin/env node
// `npm test`: starts ONE fresh emulator, runs every test file against it (one file at a time, so
// fault injection in one file never races another), then stops the emulator.
//
//   npm test                         all checks
//   npm test -- test/oauth.test.js   only the named files
//   npm test -- --test-name-pattern=refresh
//   SF_EMULATOR_URL=http://127.0.0.1:8080 npm test   use an already running emulator (must be
//                                                    freshly seeded with `--seed demo`)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startEmulator, conformanceDir } from '../test/support/emulator.js';

const args = process.argv.slice(2);
const fileArgs = args.filter((a) => a.endsWith('.js'));
const otherArgs = args.filter((a) => !a.endsWith('.js'));
const testDir = path.join(conformanceDir, 'test');
const files = fileArgs.length
  ? fileArgs.map((f) => path.resolve(f))
  : fs.readdirSync(testDir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(testDir, f));

let emulator;
let url = process.env.SF_EMULATOR_URL;
if (!url) {
  fs.rmSync(path.join(conformanceDir, 'target', 'emulator.log'), { force: true });
  const started = Date.now();
  try {
    emulator = await startEmulator();
  } catch (err) {
    console.error(`conformance: ${err.message}`);
    process.exit(1);
  }
  url = emulator.url;
  console.log(`conformance: emulator ready at ${url} after ${Date.now() - started} ms (pid ${emulator.pid})`);
}

const child = spawn(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=600000', ...otherArgs, ...files],
  { stdio: 'inherit', env: { ...process.env, SF_EMULATOR_URL: url } },
);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => child.kill(sig));
}
const code = await new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
if (emulator) await emulator.stop();
const logFile = path.join(conformanceDir, 'target', 'emulator.log');
if (code !== 0 && emulator && fs.existsSync(logFile)) {
  const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
  console.error(`conformance: last lines of ${logFile}:\n${tail}`);
}
process.exit(code);
