import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import type { Database } from './orm.js';

interface RawSqlite {
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

/**
 * Copies the live SQLite database with SQLite's online backup API: a consistent copy
 * even while the app writes, unlike copying the file.
 */
export async function backupSqlite(db: Database, dir: string, reason = 'manual', now = new Date()): Promise<string> {
  if (db.target.driver !== 'sqlite') throw new Error('Backups of the cloud PostgreSQL are made by the cloud service.');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${BACKUP_PREFIX}${stamp(now)}-${reason}.sqlite`);
  const knex = db.em().getConnection().getKnex();
  const pool = knex.client as { acquireConnection(): Promise<RawSqlite>; releaseConnection(c: RawSqlite): Promise<void> };
  const conn = await pool.acquireConnection();
  try {
    await new Promise<void>((resolve, reject) => {
      const b = conn.backup(file, (err) => {
        if (err) return reject(err);
        b.step(-1, (stepErr) => {
          if (stepErr) return reject(stepErr);
          b.finish((finishErr) => (finishErr ? reject(finishErr) : resolve()));
        });
      });
    });
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

/** Opens a file read-only and runs PRAGMA integrity_check; returns "ok" or what is wrong. */
export function integrityCheck(file: string): Promise<string> {
  return new Promise((resolve) => {
    const raw = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openErr) => {
      if (openErr) return resolve(openErr.message);
      raw.all('PRAGMA integrity_check', (err, rows: { integrity_check: string }[]) => {
        raw.close();
        if (err) return resolve(err.message);
        resolve(rows.map((r) => r.integrity_check).join('; '));
      });
    });
  });
}
