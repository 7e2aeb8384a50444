import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyBackup, integrityCheck, listBackups, pruneBackups } from './backup.js';
import { openDatabase, type Database } from './orm.js';

const DAY = 86_400_000;
/** A file whose modification time is `at`, as left by an old backup. */
function fileAt(dir: string, name: string, at: Date): string {
  const f = join(dir, name);
  writeFileSync(f, 'x');
  utimesSync(f, at, at);
  return f;
}

describe('pruneBackups', () => {
  it('removes backups older than 30 days and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koprogo-prune-'));
    const now = new Date();
    const old = fileAt(dir, 'koprogo-old-daily.sqlite', new Date(now.getTime() - 31 * DAY));
    const oldMigration = fileAt(dir, 'koprogo-old-before-0002-ledger.sqlite', new Date(now.getTime() - 45 * DAY));
    const recent = fileAt(dir, 'koprogo-recent-daily.sqlite', new Date(now.getTime() - 29 * DAY));
    const notOurs = fileAt(dir, 'notes.sqlite', new Date(now.getTime() - 400 * DAY));
    const damaged = fileAt(dir, 'koprogo-x-before-restore.sqlite.damaged', new Date(now.getTime() - 400 * DAY));

    expect(pruneBackups(dir, 30, now).sort()).toEqual([old, oldMigration].sort());
    expect(readdirSync(dir).sort()).toEqual([recent, notOurs, damaged].map((f) => f.slice(dir.length + 1)).sort());
  });

  it('does nothing when the folder does not exist', () => {
    expect(pruneBackups(join(tmpdir(), 'koprogo-no-such-folder'), 30)).toEqual([]);
  });
});

describe('dailyBackup', () => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'koprogo-daily-'));
    db = await openDatabase({ driver: 'sqlite', path: join(base, 'koprogo.sqlite') });
    dir = join(base, 'backups');
  });
  afterAll(async () => db?.close());

  it('makes one backup per day, a sound one, and prunes those past 30 days', async () => {
    const morning = new Date(Math.floor(Date.now() / DAY) * DAY + 8 * 3_600_000);
    mkdirSync(dir, { recursive: true });
    const ancient = fileAt(dir, 'koprogo-2000-01-01T08-00-00-000Z-daily.sqlite', new Date(morning.getTime() - 40 * DAY));

    const first = await dailyBackup(db, dir, morning);
    expect(first).toMatch(/koprogo-\d{4}-\d{2}-\d{2}T08-00-00-000Z-daily\.sqlite$/);
    expect(await integrityCheck(first as string)).toBe('ok');
    expect(existsSync(ancient)).toBe(false);

    expect(await dailyBackup(db, dir, new Date(morning.getTime() + 9 * 3_600_000))).toBeNull(); // same day, 17:00
    const nextDay = await dailyBackup(db, dir, new Date(morning.getTime() + DAY));
    expect(nextDay).not.toBeNull();
    expect(nextDay).not.toBe(first);
    expect(listBackups(dir).map((b) => b.file).sort()).toEqual([first, nextDay].sort());
  });

  it('a manual backup the same day does not count as the daily one', async () => {
    const dir2 = `${dir}-2`;
    const noon = new Date(Math.floor(Date.now() / DAY) * DAY + 12 * 3_600_000);
    mkdirSync(dir2, { recursive: true });
    fileAt(dir2, `koprogo-${noon.toISOString().slice(0, 10)}T07-00-00-000Z-manual.sqlite`, noon);
    expect(await dailyBackup(db, dir2, noon)).not.toBeNull();
  });
});
