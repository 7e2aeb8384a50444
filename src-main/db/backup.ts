import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';
import type { Database } from './orm.js';

/** The node-sqlite3 connection under the knex pool (or one opened directly). */
export interface RawSqlite {
  backup(filename: string, cb: (err: Error | null) => void): RawBackup;
}
interface RawBackup {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb?: (err: Error | null) => void): void;
  completed: boolean;
  failed: boolean;
}

export const BACKUP_PREFIX = 'koprogo-';
const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

/** koprogo-2026-03-01T08-00-00-000Z-daily.sqlite: sortable, and the day is in the name. */
export const backupFileName = (dir: string, reason: string, now: Date): string => join(dir, `${BACKUP_PREFIX}${stamp(now)}-${reason}.sqlite`);

/** Runs SQLite's online backup of `conn`'s main database into `file`, all pages in one step. */
export function onlineBackup(conn: RawSqlite, file: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const b = conn.backup(file, (err) => {
      if (err) return reject(err);
      b.step(-1, (stepErr) => {
        if (stepErr) return reject(stepErr);
        b.finish((finishErr) => (finishErr ? reject(finishErr) : resolve()));
      });
    });
  });
}

/**
 * Copies the live SQLite database with SQLite's online backup API: a consistent copy
 * even while the app writes, unlike copying the file.
 */
export async function backupSqlite(db: Database, dir: string, reason = 'manual', now = new Date()): Promise<string> {
  if (db.target.driver !== 'sqlite') throw new Error('Backups of the cloud PostgreSQL are made by the cloud service.');
  mkdirSync(dir, { recursive: true });
  const file = backupFileName(dir, reason, now);
  const knex = db.em().getConnection().getKnex();
  const pool = knex.client as { acquireConnection(): Promise<RawSqlite>; releaseConnection(c: RawSqlite): Promise<void> };
  const conn = await pool.acquireConnection();
  try {
    await onlineBackup(conn, file);
  } finally {
    await pool.releaseConnection(conn);
  }
  return file;
}

export interface BackupInfo { file: string; size: number; at: string }

export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(BACKUP_PREFIX) && n.endsWith('.sqlite'))
    .map((n) => {
      const s = statSync(join(dir, n));
      return { file: join(dir, n), size: s.size, at: s.mtime.toISOString() };
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Daily backups are kept 30 days; backups made before a migration too. */
export function pruneBackups(dir: string, keepDays = 30, now = new Date()): string[] {
  const limit = now.getTime() - keepDays * 86_400_000;
  const removed: string[] = [];
  for (const b of listBackups(dir)) {
    if (new Date(b.at).getTime() < limit) {
      rmSync(b.file, { force: true });
      removed.push(b.file);
    }
  }
  return removed;
}

/** Makes today's backup unless one already exists; prunes old ones. */
export async function dailyBackup(db: Database, dir: string, now = new Date()): Promise<string | null> {
  const today = now.toISOString().slice(0, 10);
  const hasToday = listBackups(dir).some((b) => b.file.includes(`${BACKUP_PREFIX}${today}`) && b.file.endsWith('-daily.sqlite'));
  const file = hasToday ? null : await backupSqlite(db, dir, 'daily', now);
  pruneBackups(dir, 30, now);
  return file;
}

/** The read-only, lock-free URI of a file nobody writes (a backup): SQLite reads its bytes only. */
export const immutableUri = (file: string): string => `${pathToFileURL(file).href}?immutable=1`;

/**
 * Runs PRAGMA integrity_check on a backup file; returns "ok" or what is wrong.
 * The file is opened read-only and immutable: SQLite checks exactly the bytes of the file
 * (a -wal beside it is ignored) and creates no -wal/-shm next to it.
 */
export function integrityCheck(file: string): Promise<string> {
  return new Promise((resolve) => {
    const raw = new sqlite3.Database(immutableUri(file), sqlite3.OPEN_READONLY | sqlite3.OPEN_URI, (openErr) => {
      if (openErr) return resolve(openErr.message);
      raw.all('PRAGMA integrity_check', (err, rows: { integrity_check: string }[]) => {
        raw.close();
        if (err) return resolve(err.message);
        resolve(rows.map((r) => r.integrity_check).join('; '));
      });
    });
  });
}
