/**
 * Restoring the local SQLite database from a backup file (docs/adr/0002-backups-and-restore.md).
 *
 * Order matters, so that a refused or failed restore changes nothing:
 *   1. inspect the backup: a SQLite file, PRAGMA integrity_check ok, a KoproGo database whose
 *      migrations this version knows — before anything is touched;
 *   2. take an exclusive lock on the current database (refused when another program has it
 *      open) and back it up through that same connection;
 *   3. copy the backup beside the target, fsync it, remove stale -wal/-shm/-journal files,
 *      rename over the target (atomic on one file system), fsync the folder.
 */
import { closeSync, copyFileSync, constants as fsConstants, existsSync, fsyncSync, mkdirSync, openSync, readSync, rmSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { sqliteMigrations } from '../../migrations/sqlite/index.js';
import { backupFileName, immutableUri, integrityCheck, onlineBackup, type RawSqlite } from './backup.js';
import { BackupIntegrityError, BackupRefusedError, DatabaseInUseError } from './errors.js';
import { MIGRATIONS_TABLE } from './orm.js';
import { backupDirFor } from './paths.js';

const SQLITE_HEADER = 'SQLite format 3\0';
/** Files SQLite keeps beside a database; left over from the old database they would corrupt the new one. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const;

export interface BackupInspection {
  file: string;
  size: number;
  /** Migrations the backup has run, oldest first. */
  migrations: string[];
  /** Migrations this version will run when it next opens the restored database. */
  pending: string[];
}

export interface RestoreReport extends BackupInspection {
  target: string;
  /** Where the database that was replaced was saved (null when there was none). */
  previous: string | null;
}

const knownMigrations = (): string[] => sqliteMigrations.map((m) => m.name);

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function all<T>(db: sqlite3.Database, sql: string): Promise<T[]> {
  return new Promise((res, rej) => db.all(sql, (err, rows) => (err ? rej(err) : res(rows as T[]))));
}
function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((res, rej) => db.exec(sql, (err) => (err ? rej(err) : res())));
}
function close(db: sqlite3.Database): Promise<void> {
  return new Promise((res, rej) => db.close((err) => (err ? rej(err) : res())));
}
function open(uri: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((res, rej) => {
    const db = new sqlite3.Database(uri, mode, (err) => (err ? rej(err) : res(db)));
  });
}

/**
 * Checks that `file` can be restored: refuses a damaged file, another program's database,
 * or a backup written by a newer version. Reads the file only; changes nothing anywhere.
 */
export async function inspectBackup(file: string, known: string[] = knownMigrations()): Promise<BackupInspection> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new BackupRefusedError(file, 'missing', `${file} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof BackupRefusedError) throw e;
    throw new BackupRefusedError(file, 'missing', `There is no backup file at ${file}`);
  }
  if (size < 512 || readHeader(file) !== SQLITE_HEADER) throw new BackupIntegrityError(file, 'it is not a SQLite database file');
  // A byte copy takes the file alone: committed changes still in a -wal beside it would be lost.
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new BackupRefusedError(file, 'wal_beside', `${basename(file)} has a write-ahead log beside it (${basename(wal)}): it is open in a program or was not closed cleanly. Close that program, or back it up with \`koprogo db backup\`, and restore that copy.`);
  }
  const verdict = await integrityCheck(file);
  if (verdict !== 'ok') throw new BackupIntegrityError(file, `integrity check: ${verdict.slice(0, 300)}`);

  const db = await open(immutableUri(file), sqlite3.OPEN_READONLY | sqlite3.OPEN_URI);
  let migrations: string[];
  try {
    const table = await all(db, `select name from sqlite_master where type = 'table' and name = '${MIGRATIONS_TABLE}'`);
    migrations = table.length ? (await all<{ name: string }>(db, `select name from ${MIGRATIONS_TABLE} order by id`)).map((r) => r.name) : [];
  } finally {
    await close(db);
  }
  if (migrations.length === 0) throw new BackupRefusedError(file, 'not_koprogo', `${basename(file)} is a SQLite database but not a KoproGo database (no ${MIGRATIONS_TABLE}); nothing was replaced.`);
  const unknown = migrations.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new BackupRefusedError(file, 'newer', `The backup ${basename(file)} was written by a newer version of KoproGo (it knows migrations ${unknown.join(', ')}). Update KoproGo to restore it; nothing was replaced.`);
  }
  return { file, size, migrations, pending: known.filter((m) => !migrations.includes(m)) };
}

/**
 * Opens `file` with SQLite's exclusive locking mode and runs `fn` while holding the lock.
 * Every open connection to a WAL database keeps a shared lock on the file, even when idle,
 * so the lock is refused (SQLITE_BUSY) while the desktop app, the browser mode, another
 * CLI or a SQLite browser has it open. Closing the connection checkpoints the WAL and
 * removes the -wal/-shm files, as the last connection to a database does.
 */
export async function withExclusiveLock<T>(file: string, fn: (conn: sqlite3.Database) => Promise<T>): Promise<T> {
  const db = await open(file, sqlite3.OPEN_READWRITE);
  db.configure('busyTimeout', 250);
  try {
    try {
      await exec(db, 'PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;');
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_BUSY' || (e as { code?: string }).code === 'SQLITE_LOCKED') throw new DatabaseInUseError(file);
      throw e;
    }
    return await fn(db);
  } finally {
    await close(db).catch(() => undefined);
  }
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const isDamaged = (e: unknown) => ['SQLITE_NOTADB', 'SQLITE_CORRUPT'].includes((e as { code?: string }).code ?? '');

/**
 * Saves the current database before it is replaced: an online backup through the locked
 * connection; when the current file is itself damaged (the usual reason to restore), its
 * bytes are copied as they are, with its -wal, so that nothing is ever thrown away.
 */
async function saveCurrent(target: string, backupDir: string, now: Date): Promise<string> {
  mkdirSync(backupDir, { recursive: true });
  const file = backupFileName(backupDir, 'before-restore', now);
  try {
    await withExclusiveLock(target, (conn) => onlineBackup(conn as unknown as RawSqlite, file));
    return file;
  } catch (e) {
    if (!isDamaged(e)) throw e;
    rmSync(file, { force: true });
    // Kept out of listBackups (not *.sqlite): it cannot be restored as it is.
    const raw = `${file}.damaged`;
    copyFileSync(target, raw, fsConstants.COPYFILE_EXCL);
    if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${raw}-wal`, fsConstants.COPYFILE_EXCL);
    return raw;
  }
}

export interface RestoreOptions {
  /** The backup file to restore. */
  backupFile: string;
  /** The SQLite database file to replace (it may not exist yet). */
  target: string;
  /** Where the replaced database is saved; defaults to the backups folder beside the target. */
  backupDir?: string;
  now?: Date;
}

/** Replaces the database at `target` with a verified copy of `backupFile`; see the file comment. */
export async function restoreSqlite(opts: RestoreOptions): Promise<RestoreReport> {
  const { backupFile, target } = opts;
  const now = opts.now ?? new Date();
  if (resolve(backupFile) === resolve(target)) throw new BackupRefusedError(backupFile, 'same_file', 'The backup is the database itself; choose a backup file.');
  const inspection = await inspectBackup(backupFile);

  mkdirSync(dirname(target), { recursive: true });
  const previous = existsSync(target) ? await saveCurrent(target, opts.backupDir ?? backupDirFor(target), now) : null;

  const tmp = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
  try {
    copyFileSync(backupFile, tmp, fsConstants.COPYFILE_EXCL);
    fsyncPath(tmp, 'r+');
    if (statSync(tmp).size !== inspection.size) throw new Error('The copy of the backup has the wrong size; nothing was replaced.');
    for (const s of SIDECARS) rmSync(`${target}${s}`, { force: true });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  // The rename is durable once the folder's entry is on disk (not possible on Windows).
  if (process.platform !== 'win32') fsyncPath(dirname(target), 'r');
  return { ...inspection, target, previous };
}
