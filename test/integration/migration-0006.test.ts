import { afterEach, describe, expect, it } from 'vitest';
import type { MigrationObject } from '@mikro-orm/core';
import { pgMigrations } from '../../migrations/pg/index.js';
import { startApp } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import { freshTarget } from '../support/drivers.js';

/**
 * 0006 (PostgreSQL only) indexes foreign keys that handlers read by. A database of the
 * previous version, with entries in it, is migrated and reads the same afterwards. The
 * test plays the previous version by taking 0006 out of the list openDatabase reads
 * (vitest isolates modules per file), as migrations.test.ts does with its probe.
 */
describe('migration 0006-foreign-key-indexes on PostgreSQL', () => {
  let removed: MigrationObject[] = [];
  afterEach(() => {
    for (const m of removed) if (!pgMigrations.includes(m)) pgMigrations.push(m);
    removed = [];
  });

  it('migrates a database with an entry in it: the indexes exist and the entry reads the same', async () => {
    const i = pgMigrations.findIndex((m) => m.name === '0006-foreign-key-indexes');
    expect(i).toBeGreaterThan(0);
    removed = pgMigrations.splice(i); // 0006 and whatever came after it
    const target = await freshTarget('postgresql');

    const before = await startApp({ target, door: 'test', localSettings: memorySettings() });
    const admin = async (name: string, input: unknown) => {
      const r = await before.dispatcher.call(name, input, { cli: true });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as never;
    };
    const today = new Date().toISOString().slice(0, 10);
    const { id: buildingId } = await admin('buildings.create', { name: 'Avant 0006', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000, bankAccounts: [] });
    const entry = (await admin('ledger.post', { buildingId, journalCode: 'OD', date: today, description: 'Before 0006', lines: [{ accountCode: '6105', debitCents: 1234 }, { accountCode: '440', creditCents: 1234 }] })) as { id: number; lines: unknown[] };
    await before.close();

    pgMigrations.push(...removed);
    const after = await startApp({ target, door: 'test', localSettings: memorySettings() });
    try {
      expect(after.db.opened.applied).toEqual(removed.map((m) => m.name));
      const indexes = (await after.db.em().getConnection().execute<{ indexname: string }[]>("select indexname from pg_indexes where schemaname = 'public' and indexname in ('journal_line_entry_id_index', 'invoice_event_invoice_id_index', 'invoice_document_id_index', 'fund_call_line_call_id_index') order by indexname")).map((r) => r.indexname);
      expect(indexes).toEqual(['fund_call_line_call_id_index', 'invoice_document_id_index', 'invoice_event_invoice_id_index', 'journal_line_entry_id_index']);
      const r = await after.dispatcher.call('ledger.entry', { entryId: entry.id }, { cli: true });
      expect(r.ok && (r.value as { lines: unknown[] }).lines).toEqual(entry.lines);
    } finally {
      await after.close();
    }
  });
});
