// State across restarts (issue 3): with --data-dir the emulator saves its state on shutdown and
// loads it on start, so a connection an app made before the restart keeps working after it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from './support/emulator.js';
import { connectionFromTokens, runId, webServerLogin } from './support/sf.js';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

describe('state across restarts (--data-dir)', () => {
  it('keeps records and refresh tokens, and does not seed twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-state-'));
    const port = await freePort();
    const options = { port, extraArgs: ['--data-dir', dir] };
    try {
      let emulator = await startEmulator(options);
      let tokens;
      let accountId;
      let leads;
      try {
        ({ tokens } = await webServerLogin({ loginUrl: emulator.url }));
        const conn = connectionFromTokens(tokens, emulator.url);
        leads = (await conn.query('SELECT COUNT() FROM Lead')).totalSize;
        const admin = await webServerLogin({ loginUrl: emulator.url, username: 'admin@acme.example' });
        accountId = (await connectionFromTokens(admin.tokens, emulator.url).sobject('Account').create({ Name: `Before restart ${runId}` })).id;
      } finally {
        await emulator.stop();
      }

      emulator = await startEmulator(options);
      try {
        const conn = connectionFromTokens(tokens, emulator.url);
        await conn.oauth2.refreshToken(tokens.refresh_token); // the refresh token survived
        const account = await conn.sobject('Account').retrieve(accountId);
        assert.equal(account.Name, `Before restart ${runId}`);
        assert.equal((await conn.query('SELECT COUNT() FROM Lead')).totalSize, leads, 'the demo seed was not applied again');
      } finally {
        await emulator.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
