import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createTestPki, SOFTHSM_MODULE } from '../support/softhsm.js';

/**
 * Starts browser mode on a fresh demo database and shares its address with the tests
 * through the environment (KOPROGO_E2E_URL: the launch link with its token). The server
 * sees two SoftHSM2 test eID cards (Jean Dupont RSA, Marie Martin-Lefèvre EC) through
 * $KOPROGO_PKCS11_MODULE, as a syndic's laptop sees the eID middleware; their PIN is
 * KOPROGO_E2E_CARD_PIN. Returns the teardown that stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync('dist/renderer/index.html')) throw new Error('Build the renderer first: npm run build:renderer');
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-e2e-'));
  const db = join(dir, 'e2e.sqlite');
  const pki = createTestPki();
  process.env.KOPROGO_E2E_CARD_PIN = pki.rsa.pin;
  const child = spawn('npx', ['tsx', 'src-main/browser-mode.ts', '--db', db, '--seed-demo', '--json'], {
    // KOPROGO_HOME: the settings, lock and backups of this run stay in its folder, never in
    // the user-data folder of the person running the tests.
    env: { ...process.env, ...pki.env, KOPROGO_PKCS11_MODULE: SOFTHSM_MODULE, KOPROGO_HOME: join(dir, 'home') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npx → tsx → node stop together
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));

  const info = await new Promise<{ url: string; port: number; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start within 90 s\n${stderr}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code})\n${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { url: string; port: number; token: string });
    });
  });
  process.env.KOPROGO_E2E_URL = info.url;
  process.env.KOPROGO_E2E_ORIGIN = `http://127.0.0.1:${info.port}`;

  return async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
    pki.cleanup();
  };
}
