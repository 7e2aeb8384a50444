import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Migration } from '@mikro-orm/migrations';
import { sqliteMigrations } from '../../migrations/sqlite/index.js';
import { pgMigrations } from '../../migrations/pg/index.js';
import { DatabaseNewerError } from '../../src-main/db/errors.js';
import { MIGRATIONS_TABLE, openDatabase, type Database, type DbTarget } from '../../src-main/db/orm.js';
import { backupDirFor } from '../../src-main/db/paths.js';
import { listBackups } from '../../src-main/db/backup.js';
import { inspectBackup } from '../../src-main/db/restore.js';
import { runCli } from '../support/cli.js';
import { DRIVERS, freshTarget } from '../support/drivers.js';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const rows = <T>(db: Database, sql: string) => db.em().getConnection().execute<T[]>(sql);
const tablesOf = async (db: Database) =>
  (db.target.driver === 'sqlite'
    ? await rows<{ name: string }>(db, "select name from sqlite_master where type = 'table' order by name")
    : await rows<{ name: string }>(db, "select table_name as name from information_schema.tables where table_schema = 'public' order by table_name")
  ).map((r) => r.name);

describe.each(DRIVERS)('migrations on %s', (driver) => {
  it('after the migrations the schema is exactly what the entities describe', async () => {
    const db = await openDatabase(await freshTarget(driver));
    try {
      // The SQL MikroORM would run to bring the database to the entities: none.
      expect(await db.orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
      const list = driver === 'sqlite' ? sqliteMigrations : pgMigrations;
      expect(db.opened.applied).toEqual(list.map((m) => m.name));
    } finally {
      await db.close();
    }
  });

  it('refuses a database written by a newer version, with a clear message, and changes nothing', async () => {
    const target = await freshTarget(driver);
    const db = await openDatabase(target);
    await rows(db, `insert into ${MIGRATIONS_TABLE} (name, executed_at) values ('9001-from-the-future', ${driver === 'sqlite' ? 'current_timestamp' : 'now()'})`);
    const tables = await tablesOf(db);
    await db.close();
    const before = target.driver === 'sqlite' ? sha256(target.path) : null;

    const err = await openDatabase(target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseNewerError);
    expect((err as Error).message).toBe('This database was written by a newer version of KoproGo (it knows migrations 9001-from-the-future). Update KoproGo to open it; nothing was changed.');

    if (target.driver === 'sqlite') {
      expect(sha256(target.path)).toBe(before);
      expect(readdirSync(dirname(target.path)).sort()).toEqual(['test.sqlite']); // no backup, no -wal left
    }
    const check = await openDatabase(target, { migrate: false }).catch((e: unknown) => e);
    expect(check).toBeInstanceOf(DatabaseNewerError); // still refused: the row is still there

    // The command line says the same and exits 1.
    const cli = await runCli(['buildings', 'list', ...(target.driver === 'sqlite' ? ['--db', target.path] : ['--pg', target.url])]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('This database was written by a newer version of KoproGo (it knows migrations 9001-from-the-future)');
    expect(cli.stdout).toBe('');
    if (target.driver === 'sqlite') expect(sha256(target.path)).toBe(before);
    else {
      // Reading the tables needs a connection that skips the version check: plain pg.
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      const now = (await client.query("select table_name as name from information_schema.tables where table_schema = 'public' order by table_name")).rows.map((r: { name: string }) => r.name);
      await client.end();
      expect(now).toEqual(tables);
    }
  });
});

/**
 * A database of the previous version, opened by this one. Only the migrations of this
 * version exist in the repository, so the test plays "the next version": it appends a
 * migration to the very list openDatabase reads (vitest isolates modules per file) and
 * opens a database made without it. That is the production path, unchanged: the file
 * exists, it has run migrations, one is pending, so openDatabase backs it up first.
 */
describe('opening an existing SQLite file with pending migrations', () => {
  class MigrationProbe extends Migration {
    override async up(): Promise<void> {
      this.addSql('create table `migration_probe` (`id` integer not null primary key)');
    }
  }
  const PROBE = '9000-test-probe';
  afterEach(() => {
    const i = sqliteMigrations.findIndex((m) => m.name === PROBE);
    if (i >= 0) sqliteMigrations.splice(i, 1);
  });

  it('backs the database up before migrating, and the backup is the database as it was', async () => {
    const target = (await freshTarget('sqlite')) as Extract<DbTarget, { driver: 'sqlite' }>;
    const first = await openDatabase(target);
    expect(first.opened.backup).toBeNull(); // a new file has nothing to lose
    await rows(first, "insert into building (name, street, postal_code, city, country, total_shares, created_at, updated_at) values ('Before migrating', 'Rue 1', '1000', 'Bruxelles', 'BE', 1000, current_timestamp, current_timestamp)");
    await first.close();
    expect(existsSync(backupDirFor(target.path))).toBe(false);

    sqliteMigrations.push({ name: PROBE, class: MigrationProbe });
    const next = await openDatabase(target);
    try {
      expect(next.opened.applied).toEqual([PROBE]);
      const backup = next.opened.backup as string;
      expect(backup).toMatch(new RegExp(`before-${PROBE}\\.sqlite$`));
      expect(listBackups(backupDirFor(target.path)).map((b) => b.file)).toEqual([backup]);
      expect(await tablesOf(next)).toContain('migration_probe');

      // The backup: sound, the data in it, the migration not yet run.
      const inspected = await inspectBackup(backup);
      expect(inspected.migrations).toEqual(sqliteMigrations.map((m) => m.name).filter((n) => n !== PROBE));
      expect(inspected.pending).toEqual([PROBE]);
      const old = await openDatabase({ driver: 'sqlite', path: backup }, { migrate: false });
      try {
        expect(await rows(old, 'select name from building')).toEqual([{ name: 'Before migrating' }]);
        expect(await tablesOf(old)).not.toContain('migration_probe');
      } finally {
        await old.close();
      }
    } finally {
      await next.close();
    }
  });
});
