// The standalone contract tools rely on: `java -jar … --port 0` prints exactly one stdout line,
// `SALESFORCE_EMULATOR_READY url=http://127.0.0.1:PORT`, serves at once, and stops on SIGTERM.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from './support/emulator.js';

describe('standalone start', () => {
  it('prints only the ready line, serves on loopback at once, and stops on SIGTERM', async () => {
    const started = Date.now();
    const emulator = await startEmulator({ seed: 'none' });
    try {
      assert.ok(Date.now() - started < 30_000, 'starts in seconds');
      assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${emulator.url}/services/data`);
      assert.equal(res.status, 200);
      assert.ok(Array.isArray(await res.json()));
      await sleep(300); // anything printed right after the ready line would show up here
      assert.deepEqual(emulator.stdoutLines, [`SALESFORCE_EMULATOR_READY url=${emulator.url}`]);
    } finally {
      await emulator.stop();
    }
    await assert.rejects(fetch(`${emulator.url}/services/data`), 'nothing listens after SIGTERM');
  });
});
