import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/orm.js';
import { OwnerSchema } from '../../src-main/db/entities/index.js';
import { ROOT, spawnTs } from '../support/cli.js';

const WRITER = join(ROOT, 'test/integration/fixtures/owner-writer.ts');

/**
 * Starts the writer on `file`, lets it commit at least `atLeast` owners, kills it with
 * SIGKILL (no cleanup, no checkpoint: like a crash), and returns the ids it reported.
 */
function writeThenKill(file: string, atLeast: number): Promise<{ reported: number[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(WRITER, [file]);
    let buffer = '';
    const reported: number[] = [];
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      buffer += d;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? ''; // a line cut by the kill was not reported
      for (const l of lines) reported.push(Number(l));
      if (reported.length >= atLeast && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => (signal === 'SIGKILL' ? resolve({ reported, signal }) : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

describe('durability of committed changes (SQLite, WAL, synchronous=FULL)', () => {
  it('every change reported as committed survives a SIGKILL, and the file stays sound', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'koprogo-durability-')), 'koprogo.sqlite');
    const all: number[] = [];
    // Three crashes in a row: each reopening recovers the write-ahead log left by the previous one.
    for (let round = 0; round < 3; round++) {
      const { reported } = await writeThenKill(file, 30);
      expect(reported.length).toBeGreaterThanOrEqual(30);
      all.push(...reported);
      expect(existsSync(`${file}-wal`)).toBe(true); // killed before any clean close

      const db = await openDatabase({ driver: 'sqlite', path: file });
      try {
        const em = db.em();
        const present = new Set((await em.find(OwnerSchema, { id: { $in: all } }, { fields: ['id'] })).map((o) => o.id));
        expect(all.filter((id) => !present.has(id))).toEqual([]);
        const check = await em.getConnection().execute<{ integrity_check: string }[]>('PRAGMA integrity_check');
        expect(check.map((r) => r.integrity_check)).toEqual(['ok']);
        const fk = await em.getConnection().execute('PRAGMA foreign_key_check');
        expect(fk).toEqual([]);
      } finally {
        await db.close();
      }
    }
    expect(new Set(all).size).toBe(all.length);
  });
});
