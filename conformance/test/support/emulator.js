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

const READY = /^SALESFORCE_EMULATOR_READY url=(http:\/\/127\.0\.0\.1:\d+)$/;

/**
 * @returns {Promise<{url: string, stdoutLines: string[], stop: () => Promise<void>}>}
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

  return { url, stdoutLines, stop, pid: child.pid };
}
