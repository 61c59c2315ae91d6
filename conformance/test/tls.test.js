// The optional TLS listener (`--tls`): a self-signed certificate generated at start and written next
// to the state, its fingerprint on the ready line, and jsforce working unchanged against the https
// URL once the certificate is trusted the ordinary Node way (NODE_EXTRA_CA_CERTS).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { conformanceDir, startEmulator } from './support/emulator.js';

const run = promisify(execFile);

// Runs in a child Node so the certificate can be trusted at start-up, as a user would.
const CLIENT = `
import jsforce from 'jsforce';
const conn = new jsforce.Connection({ loginUrl: process.env.SF_URL, version: '62.0',
  oauth2: { loginUrl: process.env.SF_URL, clientId: 'crosswalk-local', clientSecret: 'crosswalk-local-secret', redirectUri: 'http://127.0.0.1:53682/cb' } });
const info = await conn.login('admin@acme.example', 'Passw0rd!');
const { totalSize } = await conn.query('SELECT COUNT() FROM Account');
const identity = await conn.identity();
console.log(JSON.stringify({ instanceUrl: conn.instanceUrl, totalSize, userId: info.id, identityUrl: identity.urls && identity.urls.rest }));
`;

describe('TLS listener (--tls)', () => {
  it('serves https with a generated self-signed certificate that jsforce accepts once trusted', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-emulator-tls-'));
    const emulator = await startEmulator({ extraArgs: ['--tls', '--data-dir', dataDir], logFile: path.join(conformanceDir, 'target', 'emulator-tls.log') });
    try {
      assert.match(emulator.url, /^https:\/\/127\.0\.0\.1:\d+$/, 'the ready line says https');
      assert.equal(emulator.stdoutLines.length, 1);
      assert.ok(emulator.tls, emulator.stdoutLines[0]);
      assert.equal(path.dirname(emulator.tls.cert), fs.realpathSync(dataDir), 'the certificate is written next to the state');
      const cert = new X509Certificate(fs.readFileSync(emulator.tls.cert));
      assert.equal(cert.fingerprint256, emulator.tls.sha256, 'the printed fingerprint is the certificate\'s');
      assert.ok(cert.checkIP('127.0.0.1'));

      const untrusted = await fetch(`${emulator.url}/services/data`).then(() => 'ok', (e) => e.cause?.code ?? e.message);
      assert.notEqual(untrusted, 'ok', 'an untrusted self-signed certificate is refused');

      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CLIENT], {
        cwd: conformanceDir,
        env: { ...process.env, SF_URL: emulator.url, NODE_EXTRA_CA_CERTS: emulator.tls.cert },
      });
      const result = JSON.parse(stdout.trim().split('\n').pop());
      assert.equal(result.instanceUrl, emulator.url);
      assert.equal(result.totalSize, 5000);
    } finally {
      await emulator.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
