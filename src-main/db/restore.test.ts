import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sqlite3 from 'sqlite3';
import { backupSqlite, immutableUri } from './backup.js';
import { BackupRefusedError } from './errors.js';
import { MIGRATIONS_TABLE, openDatabase, type Database } from './orm.js';
import { inspectBackup, restoreSqlite } from './restore.js';

const sql = <T = unknown>(db: Database, q: string) => db.em().getConnection().execute<T[]>(q);
const addBuilding = (db: Database, name: string) =>
  sql(db, `insert into building (name, street, postal_code, city, country, total_shares, created_at, updated_at) values ('${name}', 'Rue 1', '1000', 'Bruxelles', 'BE', 1000, current_timestamp, current_timestamp)`);
async function buildingNames(path: string): Promise<string[]> {
  const db = await openDatabase({ driver: 'sqlite', path }, { migrate: false });
  try {
    return (await sql<{ name: string }>(db, 'select name from building order by id')).map((r) => r.name);
  } finally {
    await db.close();
  }
}

/** What the main file holds by itself, without its -wal. */
function namesInFileAlone(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const raw = new sqlite3.Database(immutableUri(path), sqlite3.OPEN_READONLY | sqlite3.OPEN_URI, (e) => {
      if (e) return reject(e);
      raw.all('select name from building', (err, rows: { name: string }[]) => {
        raw.close();
        if (err && !/no such table/.test(err.message)) reject(err);
        else resolve((rows ?? []).map((r) => r.name)); // even the tables may be in the -wal only
      });
    });
  });
}

/** A database with one building, and a backup of it. */
async function withBackup(names: string[] = ['Backed up']) {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-restore-'));
  const db = await openDatabase({ driver: 'sqlite', path: join(dir, 'source.sqlite') });
  for (const n of names) await addBuilding(db, n);
  const backup = await backupSqlite(db, join(dir, 'saved'));
  return { dir, db, backup };
}

describe('restoreSqlite', () => {
  it('creates the database when there was none', async () => {
    const { dir, db, backup } = await withBackup();
    await db.close();
    const target = join(dir, 'new', 'koprogo.sqlite');
    const r = await restoreSqlite({ backupFile: backup, target });
    expect(r.previous).toBeNull();
    expect(await buildingNames(target)).toEqual(['Backed up']);
  });

  it('keeps the changes a crash left in the -wal of the replaced database, and leaves no stale -wal/-shm', async () => {
    const { dir, db, backup } = await withBackup();
    await db.close();
    // A crashed app: its database file and its -wal, with a committed change only in the -wal.
    const live = await openDatabase({ driver: 'sqlite', path: join(dir, 'live.sqlite') });
    await addBuilding(live, 'Only in the WAL');
    const target = join(dir, 'crashed.sqlite');
    copyFileSync(join(dir, 'live.sqlite'), target);
    copyFileSync(join(dir, 'live.sqlite-wal'), `${target}-wal`);
    writeFileSync(`${target}-shm`, Buffer.alloc(32768, 7)); // garbage shared memory
    await live.close();
    expect(await namesInFileAlone(target)).toEqual([]); // the change really is in the -wal only

    const r = await restoreSqlite({ backupFile: backup, target });
    expect(readdirSync(dir).filter((f) => f.startsWith('crashed.sqlite'))).toEqual(['crashed.sqlite']);
    expect(await buildingNames(target)).toEqual(['Backed up']);
    expect(await buildingNames(r.previous as string)).toEqual(['Only in the WAL']);
  });

  it('refuses a backup from a newer version, a backup with a -wal beside it, and the database itself', async () => {
    const { dir, db, backup } = await withBackup();
    const target = join(dir, 'target.sqlite');
    await restoreSqlite({ backupFile: backup, target });

    await sql(db, `insert into ${MIGRATIONS_TABLE} (name, executed_at) values ('9001-future', current_timestamp)`);
    const newer = await backupSqlite(db, join(dir, 'newer'));
    await expect(restoreSqlite({ backupFile: newer, target })).rejects.toMatchObject({ reason: 'newer', message: expect.stringContaining('9001-future') });

    // The source database is open: its -wal holds committed pages the file alone lacks.
    await addBuilding(db, 'Not yet checkpointed');
    await expect(inspectBackup(join(dir, 'source.sqlite'))).rejects.toMatchObject({ reason: 'wal_beside' });
    await db.close();

    await expect(restoreSqlite({ backupFile: target, target })).rejects.toBeInstanceOf(BackupRefusedError);
    expect(await buildingNames(target)).toEqual(['Backed up']);
    expect(existsSync(join(dir, 'backups'))).toBe(false); // nothing was refused after a backup was made
  });
});
