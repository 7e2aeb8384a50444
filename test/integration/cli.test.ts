import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import { runCli } from '../support/cli.js';
import { freshTarget } from '../support/drivers.js';

interface BuildingRow { id: number; name: string; lotCount: number; ownerCount: number }

const HEADER = 'lot;kind;floor;shares;name;first_name;street;postal_code;city;email;fraction;since';
/** Three lots, joint owners on one, a cellar; Windows-1252 accents as Excel writes them. */
const GOOD_CSV = [
  HEADER,
  'X1;appartement;1;400;Durand;Élise;Rue de l’Église 4;1000;Bruxelles;;1;2020-01-01',
  'X2;appartement;2;350;Smet;Ann;Rue de l’Église 4;1000;Bruxelles;ann@example.be;1/2;01/03/2021',
  'X2;appartement;2;350;Smet;Bert;Rue de l’Église 4;1000;Bruxelles;;1/2;01/03/2021',
  'XC1;cave;-1;50;Durand;Élise;Rue de l’Église 4;1000;Bruxelles;;1;',
].join('\r\n');
/** Line 3 has quote-parts "abc" (column 4, `shares`). */
const BAD_CSV = [
  HEADER,
  'Y1;appartement;1;400;Durand;Paul;Rue Haute 1;1000;Bruxelles;;1;2020-01-01',
  'Y2;appartement;2;abc;Smet;Ann;Rue Haute 1;1000;Bruxelles;;1;2020-01-01',
].join('\n');

const windows1252 = (text: string) => Buffer.from(text.replace(/’/g, "'"), 'latin1');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function listJson(dbArgs: string[]): Promise<BuildingRow[]> {
  const r = await runCli(['buildings', 'list', '--json', ...dbArgs]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as BuildingRow[];
}
const lotsOf = (rows: BuildingRow[], name: string) => rows.find((b) => b.name === name)?.lotCount;

describe('koprogo, the command line', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['db', 'seed-demo', 'buildings', 'import', 'Exit codes']) expect(r.stdout).toContain(c);
  });

  it('an unknown command, an unknown option or a bad argument exits 2', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect((await runCli(['buildings', 'list', '--colour'])).code).toBe(2);
    expect((await runCli(['import', 'owners', 'x.csv', '--building', 'abc'])).code).toBe(2);
    expect((await runCli(['import', 'owners', 'x.csv'])).code).toBe(2); // --building is required
    expect((await runCli([])).code).toBe(2);
  });
});

describe('koprogo on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-cli-'));
  const dbFile = join(dir, 'koprogo.sqlite');
  const db = ['--db', dbFile];
  const csv = (name: string, bytes: Buffer | string) => {
    const f = join(dir, name);
    writeFileSync(f, bytes);
    return f;
  };
  let tilleuls: number;

  beforeAll(async () => {
    const r = await runCli(['seed-demo', ...db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('seed-demo then buildings list --json prints the two demo buildings', async () => {
    const rows = await listJson(db);
    expect(rows.map((b) => b.name).sort()).toEqual(['Residentie Leie', 'Résidence Les Tilleuls']);
    expect(lotsOf(rows, 'Résidence Les Tilleuls')).toBe(25);
    tilleuls = rows.find((b) => b.name === 'Résidence Les Tilleuls')?.id as number;
    const again = await runCli(['seed-demo', ...db]);
    expect(again.code).toBe(0);
    expect(await listJson(db)).toHaveLength(2); // idempotent
    const table = await runCli(['buildings', 'list', ...db]);
    expect(table.stdout).toMatch(/Résidence Les Tilleuls\s+1050\s+Ixelles\s+25/);
  });

  it('imports a good Windows-1252 CSV: exit 0, the lots appear', async () => {
    const r = await runCli(['import', 'owners', csv('good.csv', windows1252(GOOD_CSV)), '--building', String(tilleuls), ...db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 lot(s), 3 new owner(s)');
    expect(lotsOf(await listJson(db), 'Résidence Les Tilleuls')).toBe(28);
  });

  it('rejects a CSV with a bad row on line 3: exit 2, FILE:3:COLUMN on stderr, nothing written', async () => {
    const file = csv('bad.csv', BAD_CSV);
    const before = sha256(dbFile);
    const r = await runCli(['import', 'owners', file, '--building', String(tilleuls), ...db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:4: shares: Quote-parts must be a whole number`);
    expect(r.stderr).toContain('nothing was imported');
    expect(r.stdout).toBe('');
    expect(lotsOf(await listJson(db), 'Résidence Les Tilleuls')).toBe(28);
    expect(before).toBe(sha256(dbFile));
  });

  it('an unknown building or a missing file exits 2', async () => {
    const r = await runCli(['import', 'owners', csv('g2.csv', GOOD_CSV), '--building', '999', ...db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Building 999 does not exist');
    const missing = await runCli(['import', 'owners', join(dir, 'nope.csv'), '--building', String(tilleuls), ...db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  it('db backup then db restore brings the data back as it was at the backup', async () => {
    const backup = await runCli(['db', 'backup', '--out', join(dir, 'saved'), ...db]);
    expect(backup.code).toBe(0);
    const file = backup.stdout.trim();
    expect(existsSync(file)).toBe(true);
    const atBackup = await listJson(db);

    const later = GOOD_CSV.replace(/X(C?\d)/g, 'Z$1');
    expect((await runCli(['import', 'owners', csv('later.csv', later), '--building', String(tilleuls), ...db])).code).toBe(0);
    expect(lotsOf(await listJson(db), 'Résidence Les Tilleuls')).toBe(31);

    const r = await runCli(['db', 'restore', file, '--yes', ...db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await listJson(db)).toEqual(atBackup);
    // The database it replaced was kept, with the later import in it.
    const previous = /saved as (.+)$/m.exec(r.stdout)?.[1] as string;
    expect(lotsOf(await listJson(['--db', previous]), 'Résidence Les Tilleuls')).toBe(31);
    expect(readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('refuses a damaged backup with exit 2 and leaves the live database as it was', async () => {
    const good = (await runCli(['db', 'backup', '--out', join(dir, 'saved'), ...db])).stdout.trim();
    const overwritten = join(dir, 'overwritten.sqlite');
    copyFileSync(good, overwritten);
    const bytes = readFileSync(overwritten);
    bytes.fill(0x5a, 4096, 4096 * 3); // pages 2 and 3: tables and indexes
    writeFileSync(overwritten, bytes);
    const truncated = join(dir, 'truncated.sqlite');
    copyFileSync(good, truncated);
    truncateSync(truncated, 4096 * 5);
    const notSqlite = csv('notes.sqlite', 'just some text, not a database\n'.repeat(40));

    const before = sha256(dbFile);
    const rows = await listJson(db);
    for (const damaged of [overwritten, truncated, notSqlite]) {
      const r = await runCli(['db', 'restore', damaged, '--yes', ...db]);
      expect(r.code, damaged).toBe(2);
      expect(r.stderr).toContain('is damaged');
      expect(r.stderr).toContain('nothing was replaced');
    }
    expect(sha256(dbFile)).toBe(before);
    expect(await listJson(db)).toEqual(rows);
    expect(readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('refuses to restore without --yes when not run from a terminal, and while the database is open', async () => {
    const good = (await runCli(['db', 'backup', '--out', join(dir, 'saved'), ...db])).stdout.trim();
    const before = sha256(dbFile);
    const noYes = await runCli(['db', 'restore', good, ...db]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('--yes');

    // The desktop app holds the file open (here: the same application, in this process).
    const app = await startApp({ target: { driver: 'sqlite', path: dbFile }, door: 'test', localSettings: memorySettings() });
    try {
      const r = await runCli(['db', 'restore', good, '--yes', ...db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('is in use by another program');
    } finally {
      await app.close();
    }
    expect(sha256(dbFile)).toBe(before);
  });

  it('refuses a SQLite file that is not a KoproGo database (exit 2)', async () => {
    const other = join(dir, 'other.sqlite');
    const app = await startApp({ target: { driver: 'sqlite', path: other }, door: 'test', localSettings: memorySettings() });
    await app.db.em().getConnection().execute('drop table koprogo_migrations');
    await app.close();
    const r = await runCli(['db', 'restore', other, '--yes', ...db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a KoproGo database');
  });

  it('db status reports the migrations and the backups, db migrate has nothing to do', async () => {
    const status = await runCli(['db', 'status', '--json', ...db]);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as { migrations: string[]; pending: string[]; backups: unknown[] };
    expect(s.migrations[0]).toBe('0001-initial');
    expect(s.pending).toEqual([]);
    expect(s.backups.length).toBeGreaterThan(0); // the one made before the restore
    const migrate = await runCli(['db', 'migrate', '--json', ...db]);
    expect(JSON.parse(migrate.stdout)).toMatchObject({ applied: [], backup: null });
  });
});

describe('koprogo on PostgreSQL (--pg)', () => {
  let pg: string[];
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-cli-pg-'));

  beforeAll(async () => {
    const target = await freshTarget('postgresql');
    if (target.driver !== 'postgresql') throw new Error('expected PostgreSQL');
    pg = ['--pg', target.url];
    const r = await runCli(['seed-demo', ...pg]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('lists the demo buildings, imports a good CSV and rejects a bad one without writing', async () => {
    const rows = await listJson(pg);
    expect(rows.map((b) => b.name).sort()).toEqual(['Residentie Leie', 'Résidence Les Tilleuls']);
    const leie = rows.find((b) => b.name === 'Residentie Leie') as BuildingRow;

    const good = join(dir, 'good.csv');
    writeFileSync(good, GOOD_CSV); // UTF-8 this time
    const ok = await runCli(['import', 'owners', good, '--building', String(leie.id), ...pg]);
    expect(ok.code).toBe(0);
    expect(lotsOf(await listJson(pg), 'Residentie Leie')).toBe(leie.lotCount + 3);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, BAD_CSV);
    const ko = await runCli(['import', 'owners', bad, '--building', String(leie.id), ...pg]);
    expect(ko.code).toBe(2);
    expect(ko.stderr).toContain(`${bad}:3:4: shares:`);
    expect(lotsOf(await listJson(pg), 'Residentie Leie')).toBe(leie.lotCount + 3);
  });

  it('does not print the password of the URL, and refuses backup/restore of PostgreSQL with exit 2', async () => {
    const status = await runCli(['db', 'status', ...pg]);
    expect(status.code).toBe(0);
    expect(status.stdout).not.toContain('koprogo-test');
    expect((await runCli(['db', 'backup', ...pg])).code).toBe(2);
    expect((await runCli(['db', 'restore', join(dir, 'x.sqlite'), '--yes', ...pg])).code).toBe(2);
  });

  it('an unreachable server exits 1 with a message that hides the password', async () => {
    const r = await runCli(['buildings', 'list', '--pg', 'postgresql://someone:s3cret@127.0.0.1:1/none']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot open the database postgresql://someone:***@127.0.0.1:1/none');
    expect(r.stderr).not.toContain('s3cret');
  });
});
