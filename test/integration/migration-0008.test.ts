import { afterEach, describe, expect, it } from 'vitest';
import type { MigrationObject } from '@mikro-orm/core';
import { pgMigrations } from '../../migrations/pg/index.js';
import { sqliteMigrations } from '../../migrations/sqlite/index.js';
import { startApp } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import { DRIVERS, freshTarget } from '../support/drivers.js';

/**
 * 0008 (banking) on a database of the previous version with data in it (written with the
 * columns that version had): the building and the owner read back, their new fields are empty, and the banking
 * operations work at once. The previous version is played by taking 0008 out of the list
 * openDatabase reads (vitest isolates modules per file), as migration-0006.test.ts does.
 */
describe.each(DRIVERS)('migration 0008-banking on %s', (driver) => {
  const list = driver === 'sqlite' ? sqliteMigrations : pgMigrations;
  let removed: MigrationObject[] = [];
  afterEach(() => {
    for (const m of removed) if (!list.includes(m)) list.push(m);
    removed = [];
  });

  it('migrates a database with a building, an owner and a call in it', async () => {
    const i = list.findIndex((m) => m.name === '0008-banking');
    expect(i).toBeGreaterThan(0);
    removed = list.splice(i);
    const target = await freshTarget(driver);
    const before = await startApp({ target, door: 'test', localSettings: memorySettings() });
    const admin = async (name: string, input: unknown) => {
      const r = await before.dispatcher.call(name, input, { cli: true });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as never;
    };
    const today = new Date().toISOString().slice(0, 10);
    const { id: buildingId } = await admin('buildings.create', { name: 'Avant 0008', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 100, bankAccounts: [{ iban: 'BE68539007547034', label: 'Courant', purpose: 'working' }] });
    const { id: lotId } = await admin('lots.create', { buildingId, data: { number: '1', kind: 'apartment', floor: 0, shares: 100 } });
    const { id: ownerId } = await admin('owners.create', { kind: 'person', name: 'Dupont', firstName: 'Jean', bce: null, language: 'fr', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: null, emailConsent: false, phone: null });
    await admin('lots.transfer', { lotId, date: '2020-01-01', newOwners: [{ ownerId, fractionNum: 1, fractionDen: 1 }] });
    await admin('calls.issue', { buildingId, kind: 'working', label: 'T1', callDate: today, dueDate: today, totalCents: 10000, keyId: null });
    await before.close();

    list.push(...removed);
    const after = await startApp({ target, door: 'test', localSettings: memorySettings() });
    try {
      expect(after.db.opened.applied).toEqual(removed.map((m) => m.name));
      const call = async (name: string, input: unknown) => {
        const r = await after.dispatcher.call(name, input, { cli: true });
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value as never;
      };
      expect(await call('buildings.get', { id: buildingId })).toMatchObject({ name: 'Avant 0008', bankAccounts: [{ iban: 'BE68539007547034' }], lots: [{ number: '1' }] });
      expect(await call('owners.bankDetails', { ownerId })).toEqual({ ownerId, iban: null, mandate: null });
      expect(await call('sepa.settings', { buildingId })).toEqual({ creditorId: null, mandates: 0 });
      expect(await call('bank.statements', { buildingId })).toEqual([]);
      expect((await call('bank.openItems', { buildingId }) as { callLines: unknown[] }).callLines).toHaveLength(1);
      expect(await call('reminders.policy', { buildingId })).toMatchObject({ interestApplies: false });
    } finally {
      await after.close();
    }
  });
});
