#!/usr/bin/env node
// Maven runs this before `npm test` so that `./mvnw verify` works on a fresh clone: installs the
// locked dependencies (`npm ci`) only when they are missing, so repeated builds stay fast.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const marker = path.join(dir, 'node_modules', 'jsforce', 'package.json');
if (fs.existsSync(marker)) process.exit(0);

console.log(`conformance: node_modules missing, running npm ci in ${dir}`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
process.exit(result.status ?? 1);
