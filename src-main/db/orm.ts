import { existsSync, statSync } from 'node:fs';
import { MikroORM, type Options } from '@mikro-orm/core';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { EntityManager } from '@mikro-orm/knex';
import { allEntities } from './entities/index.js';
import { sqliteMigrations } from '../../migrations/sqlite/index.js';
import { pgMigrations } from '../../migrations/pg/index.js';
import { DatabaseNewerError } from './errors.js';
import { backupDirFor } from './paths.js';
import { backupSqlite } from './backup.js';

export type DbTarget = { driver: 'sqlite'; path: string } | { driver: 'postgresql'; url: string };

export interface Database {
  orm: MikroORM;
  target: DbTarget;
  /** A fresh EntityManager for one unit of work. */
  em(): EntityManager;
  /** Where it is, for people: a file path, or the URL without its password. */
  location: string;
  /** What opening did: migrations it ran, and the backup made before them (SQLite). */
  opened: { applied: string[]; backup: string | null };
  close(): Promise<void>;
}

export const MIGRATIONS_TABLE = 'koprogo_migrations';

/**
 * SQLite: WAL for concurrent readers, synchronous=FULL so that a committed transaction
 * survives a power cut, foreign keys on, and a busy timeout instead of SQLITE_BUSY.
 */
const SQLITE_PRAGMAS = 'PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;';

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgresql://(invalid url)';
  }
}

function ormOptions(target: DbTarget): Options {
  const migrations = {
    tableName: MIGRATIONS_TABLE,
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    emit: 'ts' as const,
    migrationsList: target.driver === 'sqlite' ? sqliteMigrations : pgMigrations,
  };
  const common = {
    entities: allEntities,
    extensions: [Migrator],
    migrations,
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
    // Logs must never carry personal data: queries (with their parameters) are not logged.
    logger: () => undefined,
  };
  if (target.driver === 'sqlite') {
    return {
      ...common,
      driver: SqliteDriver,
      dbName: target.path,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: { exec: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) => {
          conn.exec(SQLITE_PRAGMAS, (err) => done(err, conn));
        },
      },
    } as Options;
  }
  return { ...common, driver: PostgreSqlDriver, clientUrl: target.url, pool: { min: 0, max: 8 } } as Options;
}

export interface OpenOptions {
  /** Run pending migrations (default true). */
  migrate?: boolean;
  /** Called before migrations that change an existing SQLite file; defaults to an online backup. */
  onBeforeMigrate?: (pending: string[]) => Promise<void>;
}

/** Opens the database, refusing one written by a newer version, and migrates it. */
export async function openDatabase(target: DbTarget, opts: OpenOptions = {}): Promise<Database> {
  const existed = target.driver === 'sqlite' && existsSync(target.path) && statSync(target.path).size > 0;
  const orm = await MikroORM.init(ormOptions(target));
  const db: Database = {
    orm,
    target,
    em: () => orm.em.fork() as EntityManager,
    location: target.driver === 'sqlite' ? target.path : redactUrl(target.url),
    opened: { applied: [], backup: null },
    close: () => orm.close(true),
  };
  try {
    const migrator = orm.getMigrator();
    const known = new Set((target.driver === 'sqlite' ? sqliteMigrations : pgMigrations).map((m) => m.name));
    const executed = await migrator.getExecutedMigrations();
    const unknown = executed.map((m) => m.name).filter((n) => !known.has(n));
    if (unknown.length > 0) throw new DatabaseNewerError(unknown);
    if (opts.migrate !== false) {
      const pending = (await migrator.getPendingMigrations()).map((m) => m.name);
      if (pending.length > 0) {
        if (opts.onBeforeMigrate) await opts.onBeforeMigrate(pending);
        else if (target.driver === 'sqlite' && existed && executed.length > 0) {
          db.opened.backup = await backupSqlite(db, backupDirFor(target.path), `before-${pending[0]}`);
        }
        await migrator.up();
        db.opened.applied = pending;
      }
    }
  } catch (e) {
    await orm.close(true);
    throw e;
  }
  return db;
}

export function appliedMigrations(db: Database): Promise<string[]> {
  return db.orm.getMigrator().getExecutedMigrations().then((rows) => rows.map((r) => r.name));
}
