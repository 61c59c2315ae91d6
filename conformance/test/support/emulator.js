// Starts the emulator exactly as a user would (`java -jar … --port 0 --seed demo`) and waits for
// its one-line readiness contract on stdout. Shared by the suite runner (one emulator for the
// whole run) and by test files run on their own (one emulator per file).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const conformanceDir = path.resolve(here, '..', '..');
export const repoRoot = path.resolve(conformanceDir, '..');
export const defaultJar = path.join(repoRoot, 'salesforce-emulator', 'target', 'salesforce-emulator.jar');

// With --tls the URL is https and the certificate's SHA-256 fingerprint and PEM file follow.
const READY = /^SALESFORCE_EMULATOR_READY url=(https?:\/\/127\.0\.0\.1:\d+)(?: tls=self-signed sha256=([0-9A-F:]+) cert=(\S+))?$/;

/**
 * @returns {Promise<{url: string, tls?: {sha256: string, cert: string}, stdoutLines: string[], stop: () => Promise<void>}>}
 */
export async function startEmulator({
  jar = process.env.SF_EMULATOR_JAR || defaultJar,
  seed = 'demo',
  port = 0,
  extraArgs = [],
  timeoutMs = 120_000,
  logFile = path.join(conformanceDir, 'target', 'emulator.log'),
} = {}) {
  if (!fs.existsSync(jar)) {
    throw new Error(
      `Emulator jar not found at ${jar}. Build it first: ./mvnw -B -pl salesforce-emulator -am package -DskipTests`,
    );
  }
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const args = ['-jar', jar, '--port', String(port), '--seed', seed, ...extraArgs];
  log.write(`\n==== ${new Date().toISOString()} starting java ${args.join(' ')}\n`);

  const child = spawn('java', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log, { end: false });

  // Never leave an emulator behind, whatever way this process ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stdoutLines = [];
  let tls;
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Emulator did not print SALESFORCE_EMULATOR_READY within ${timeoutMs} ms (log: ${logFile})`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout });
    let ready = false;
    lines.on('line', (line) => {
      log.write(`[stdout] ${line}\n`);
      stdoutLines.push(line);
      const m = READY.exec(line);
      if (m && !ready) {
        ready = true;
        clearTimeout(timer);
        if (m[2]) tls = { sha256: m[2], cert: m[3] };
        resolve(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`Emulator exited before it was ready (code ${code}, signal ${signal}); log: ${logFile}`));
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });

  async function stop() {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    log.end();
  }

  return { url, tls, stdoutLines, stop, pid: child.pid };
}
