import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importYearOfStatements } from '../../src-main/app/banking/statement-generator.js';
import { testApp, type TestApp } from '../support/app.js';

/** The benchmark's hook imports a year of statements paying a building's calls; nine payments in ten carry the OGM. */
describe('importYearOfStatements (benchmark hook)', () => {
  let app: TestApp;
  let b: number;
  beforeAll(async () => {
    app = await testApp('sqlite', () => new Date('2026-01-02T09:00:00Z'));
    b = (await app.admin('buildings.create', { name: 'Bench', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000, bankAccounts: [{ iban: 'BE68539007547034', label: 'Courant', purpose: 'working' }] })).id;
    for (let i = 0; i < 10; i++) {
      const lot = (await app.admin('lots.create', { buildingId: b, data: { number: String(i + 1), kind: 'apartment', floor: i, shares: 100 } })).id;
      const owner = (await app.admin('owners.create', { kind: 'person', name: `Owner${i}`, firstName: 'X', bce: null, language: 'fr', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: null, emailConsent: false, phone: null })).id;
      await app.admin('lots.transfer', { lotId: lot, date: '2020-01-01', newOwners: [{ ownerId: owner, fractionNum: 1, fractionDen: 1 }] });
    }
    for (const [q, due] of [[1, '2026-01-31'], [2, '2026-04-30'], [3, '2026-07-31'], [4, '2026-10-31']] as const) {
      await app.admin('calls.issue', { buildingId: b, kind: 'working', label: `2026 T${q}`, callDate: '2026-01-01', dueDate: due, totalCents: 300000, keyId: null });
    }
  });
  afterAll(async () => app?.close());

  it('writes and imports the statements in order, continuing the balances, and matches the payments', async () => {
    const r = await importYearOfStatements(app.dispatcher, [b], { year: 2026, statementsPerYear: 12 });
    expect(r).toMatchObject({ statements: 12, movements: 40 });
    expect(r.matched / r.movements).toBeGreaterThanOrEqual(0.9);
    const statements = await app.admin('bank.statements', { buildingId: b });
    expect(statements).toHaveLength(12);
    expect(statements[0]!.closingBalanceCents).toBe(1_200_000);
    // The next year continues where this one ended: the next sequence numbers, no balance gap.
    const next = await importYearOfStatements(app.dispatcher, [b], { year: 2027, statementsPerYear: 2 });
    expect(next).toEqual({ statements: 2, movements: 0, matched: 0 });
    expect((await app.admin('bank.statements', { buildingId: b })).slice(0, 2).map((s) => [s.sequence, s.openingBalanceCents])).toEqual([['014', 1_200_000], ['013', 1_200_000]]);
  });
});
