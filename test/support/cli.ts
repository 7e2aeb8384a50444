import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KOPROGO_BIN = join(ROOT, 'bin', 'koprogo');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `bin/koprogo` in a child process, as a user would. KOPROGO_HOME points at a
 * temp folder so that nothing reaches the real user-data folder; KOPROGO_DB/PG are unset.
 */
export function runCli(args: string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, KOPROGO_HOME: mkdtempSync(join(tmpdir(), 'koprogo-home-')), ...opts.env };
  if (!opts.env?.KOPROGO_DB) delete env.KOPROGO_DB;
  if (!opts.env?.KOPROGO_PG) delete env.KOPROGO_PG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KOPROGO_BIN, ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs a TypeScript file of the test suite in its own Node process, through tsx. */
export function spawnTs(file: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}
