import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JournalEntrySchema, JournalLineSchema } from '../../src-main/db/entities/index.js';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const building = (name: string) => ({
  name, address: { street: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000,
  bankAccounts: [{ iban: `BE68 5390 0754 7034`, label: 'Courant', purpose: 'working' as const }, { iban: 'BE71 0961 2345 6769', label: 'Réserve', purpose: 'reserve' as const }],
});
const l = (accountCode: string, debitCents: number, creditCents = 0) => ({ accountCode, debitCents, creditCents });

describe.each(DRIVERS)('ledger on %s', (driver) => {
  let app: TestApp;
  let b: number;
  let fy: number;
  beforeAll(async () => {
    app = await testApp(driver, () => NOW);
    b = (await app.admin('buildings.create', building('Compta'))).id;
    fy = (await app.admin('ledger.fiscalYears', { buildingId: b }))[0]!.id;
  });
  afterAll(async () => app?.close());

  it('a new building has the ACP chart, its journals, bank sub-accounts and an open fiscal year', async () => {
    const accounts = await app.admin('ledger.accounts', { buildingId: b });
    const codes = accounts.map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['100', '160', '4100', '4101', '440', '499', '550', '551', '6110', '700', '701', '551-01', '550-01']));
    expect(accounts.find((a) => a.code === '701')).toMatchObject({ labelFr: 'Acomptes fonds de roulement', labelNl: 'Voorschotten werkkapitaal', type: 'income' });
    expect((await app.admin('ledger.journals', { buildingId: b })).map((j) => j.code)).toEqual(['ACH', 'APF', 'FIN1', 'FIN2', 'OD', 'OUV']);
    expect(await app.admin('ledger.fiscalYears', { buildingId: b })).toEqual([{ id: fy, startDate: '2026-01-01', endDate: '2026-12-31', status: 'open' }]);
  });

  it('posts balanced entries numbered per journal and year without gaps', async () => {
    const e1 = await app.admin('ledger.post', { buildingId: b, journalCode: 'OD', date: '2026-02-01', description: 'Reclassement', lines: [l('6110', 12100), l('440', 0, 12100)] });
    const e2 = await app.admin('ledger.post', { buildingId: b, journalCode: 'OD', date: '2026-02-02', description: 'Second', lines: [l('6120', 500), l('499', 0, 500)] });
    expect([e1.reference, e2.reference]).toEqual(['OD-2026-0001', 'OD-2026-0002']);
    expect(e1).toMatchObject({ totalCents: 12100, lines: [{ accountCode: '6110', debitCents: 12100 }, { accountCode: '440', creditCents: 12100 }] });
  });

  it('refuses an unbalanced entry and writes nothing', async () => {
    const before = await app.db.em().count(JournalLineSchema, {});
    const r = await app.dispatcher.call('ledger.post', { buildingId: b, journalCode: 'OD', date: '2026-03-01', description: 'Faux', lines: [l('6110', 100), l('440', 0, 99)] }, { cli: true });
    expect(r.ok || r.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'unbalanced_entry', debitCents: 100, creditCents: 99 } });
    const unknown = await app.dispatcher.call('ledger.post', { buildingId: b, journalCode: 'OD', date: '2026-03-01', description: 'Faux', lines: [l('6110', 100), l('4409', 0, 100)] }, { cli: true });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'unknown_account', path: ['lines', 1, 'accountCode'] } });
    const heading = await app.dispatcher.call('ledger.post', { buildingId: b, journalCode: 'OD', date: '2026-03-01', description: 'Faux', lines: [l('61', 100), l('440', 0, 100)] }, { cli: true });
    expect(heading.ok || heading.error).toMatchObject({ details: { rule: 'heading_account' } });
    expect(await app.db.em().count(JournalLineSchema, {})).toBe(before);
  });

  it('a posted entry is corrected by a reversing entry, once', async () => {
    const e = await app.admin('ledger.post', { buildingId: b, journalCode: 'OD', date: '2026-04-01', description: 'Erreur', lines: [l('6130', 7000), l('440', 0, 7000)] });
    const r = await app.admin('ledger.reverse', { entryId: e.id, date: '2026-04-02' });
    expect(r).toMatchObject({ reversalOfId: e.id, lines: [{ accountCode: '6130', creditCents: 7000 }, { accountCode: '440', debitCents: 7000 }] });
    expect((await app.admin('ledger.entry', { entryId: e.id })).reversedById).toBe(r.id);
    const again = await app.dispatcher.call('ledger.reverse', { entryId: e.id, date: '2026-04-03' }, { cli: true });
    expect(again.ok || again.error).toMatchObject({ details: { rule: 'already_reversed' } });
    const accounts = await app.admin('ledger.accounts', { buildingId: b, fiscalYearId: fy });
    expect(accounts.find((a) => a.code === '6130')?.balanceCents).toBe(0);
  });

  it('the trial balance sums to zero and rolls sub-accounts up in the chart', async () => {
    const tb = await app.admin('ledger.trialBalance', { buildingId: b, fiscalYearId: fy });
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
    expect(tb.rows.reduce((s, r) => s + r.balanceCents, 0)).toBe(0);
    const accounts = await app.admin('ledger.accounts', { buildingId: b, fiscalYearId: fy });
    const six = accounts.find((a) => a.code === '6')!;
    const expenses = tb.rows.filter((r) => r.code.startsWith('6')).reduce((s, r) => s + r.balanceCents, 0);
    expect(six.balanceCents).toBe(expenses);
  });

  it('pages an account ledger by keyset with a running balance', async () => {
    const entries = Array.from({ length: 230 }, (_, i) => ({ journalCode: 'OD', date: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`, description: `Ligne ${i}`, lines: [l('614', 100 + i), l('499', 0, 100 + i)] }));
    await app.admin('ledger.import', { buildingId: b, entries });
    const seen: number[] = [];
    let cursor: string | null = null;
    let balance = 0;
    do {
      const page: { lines: { lineId: number; debitCents: number; balanceCents: number; date: string }[]; nextCursor: string | null; openingCents: number } = await app.admin('ledger.accountLines', { buildingId: b, fiscalYearId: fy, accountCode: '614', cursor, limit: 100 });
      expect(page.openingCents).toBe(balance);
      for (const line of page.lines) {
        balance += line.debitCents;
        expect(line.balanceCents).toBe(balance);
        seen.push(line.lineId);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(230);
    expect(new Set(seen).size).toBe(230);
    const tb = await app.admin('ledger.trialBalance', { buildingId: b, fiscalYearId: fy });
    expect(tb.rows.find((r) => r.code === '614')?.balanceCents).toBe(balance);
  });

  it('an import with one bad entry is rejected whole, naming the entry and line', async () => {
    const before = await app.db.em().count(JournalEntrySchema, {});
    const r = await app.dispatcher.call('ledger.import', { buildingId: b, entries: [
      { journalCode: 'OUV', date: '2026-01-01', description: 'Ouverture', lines: [l('551-01', 500000), l('100', 0, 500000)] },
      { journalCode: 'OUV', date: '2026-01-01', description: 'Ouverture', lines: [l('550-01', 200000), l('1600', 0, 200000)] },
    ] }, { cli: true });
    expect(r.ok || r.error).toMatchObject({ code: 'IMPORT_INVALID', details: { problems: [{ path: ['entries', 1, 'lines', 1, 'accountCode'], code: 'unknown_account' }] } });
    expect(await app.db.em().count(JournalEntrySchema, {})).toBe(before);
  });

  it('nothing posts into a closed year; years follow each other', async () => {
    const gap = await app.dispatcher.call('ledger.openYear', { buildingId: b, startDate: '2027-02-01', endDate: '2027-12-31' }, { cli: true });
    expect(gap.ok || gap.error).toMatchObject({ details: { rule: 'year_not_contiguous' } });
    const next = await app.admin('ledger.openYear', { buildingId: b, startDate: '2027-01-01', endDate: '2027-12-31' });
    const early = await app.dispatcher.call('ledger.closeYear', { fiscalYearId: next.id }, { cli: true });
    expect(early.ok || early.error).toMatchObject({ details: { rule: 'earlier_year_open' } });
    await app.admin('ledger.closeYear', { fiscalYearId: fy });
    const r = await app.dispatcher.call('ledger.post', { buildingId: b, journalCode: 'OD', date: '2026-12-31', description: 'Trop tard', lines: [l('6110', 1), l('440', 0, 1)] }, { cli: true });
    expect(r.ok || r.error).toMatchObject({ details: { rule: 'fiscal_year_closed' } });
    const outside = await app.dispatcher.call('ledger.post', { buildingId: b, journalCode: 'OD', date: '2030-01-01', description: 'Hors', lines: [l('6110', 1), l('440', 0, 1)] }, { cli: true });
    expect(outside.ok || outside.error).toMatchObject({ details: { rule: 'no_fiscal_year' } });
  });

  it('council members read the books of their building; owners do not; accountants cannot close a year', async () => {
    const council = await app.signedIn('council', { buildingId: b });
    expect((await app.as(council, 'ledger.trialBalance', { buildingId: b, fiscalYearId: fy })).ok).toBe(true);
    const post = await app.as(council, 'ledger.post', { buildingId: b, journalCode: 'OD', date: '2027-01-05', description: 'x', lines: [l('6110', 1), l('440', 0, 1)] });
    expect(post.ok || post.error.code).toBe('FORBIDDEN');
    const ownerTok = await app.signedIn('owner', { ownerId: (await app.admin('owners.create', { kind: 'person', name: 'X', firstName: null, bce: null, language: 'fr', address: { street: 'R', postalCode: '1000', city: 'B', country: 'BE' }, email: null, emailConsent: false, phone: null })).id });
    expect((await app.as(ownerTok, 'ledger.trialBalance', { buildingId: b, fiscalYearId: fy })).ok).toBe(false);
    const acc = await app.signedIn('accountant');
    const years = await app.admin('ledger.fiscalYears', { buildingId: b });
    const r = await app.as(acc, 'ledger.closeYear', { fiscalYearId: years.find((y) => y.status === 'open')!.id });
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
  });
});

describe('ledger invariants through the handlers (SQLite)', () => {
  it('after any sequence of postings and reversals the trial balance sums to zero; reversing restores balances', async () => {
    const app = await testApp('sqlite', () => NOW);
    const b = (await app.admin('buildings.create', building('Propriétés'))).id;
    const fy = (await app.admin('ledger.fiscalYears', { buildingId: b }))[0]!.id;
    const codes = ['6110', '6120', '440', '499', '551-01', '701', '4101'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('post' as const), from: fc.constantFrom(...codes), to: fc.constantFrom(...codes), cents: fc.integer({ min: 1, max: 1_000_000 }) }),
      fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
    );
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
      const posted: number[] = [];
      for (const o of ops) {
        if (o.kind === 'post') {
          if (o.from === o.to) continue;
          posted.push((await app.admin('ledger.post', { buildingId: b, journalCode: 'OD', date: '2026-06-01', description: 'p', lines: [l(o.from, o.cents), l(o.to, 0, o.cents)] })).id);
        } else if (posted.length) {
          const id = posted.splice(o.pick % posted.length, 1)[0]!;
          const before = await app.admin('ledger.accounts', { buildingId: b, fiscalYearId: fy });
          const rev = await app.admin('ledger.reverse', { entryId: id, date: '2026-06-02' });
          const entry = await app.admin('ledger.entry', { entryId: id });
          const after = await app.admin('ledger.accounts', { buildingId: b, fiscalYearId: fy });
          for (const line of entry.lines) {
            const delta = (after.find((a) => a.code === line.accountCode)?.balanceCents ?? 0) - (before.find((a) => a.code === line.accountCode)?.balanceCents ?? 0);
            expect(delta).toBe(line.creditCents - line.debitCents);
          }
          // Reversing the reversal restores the balances as they were before the first reversal.
          await app.admin('ledger.reverse', { entryId: rev.id, date: '2026-06-03' });
          const restored = await app.admin('ledger.accounts', { buildingId: b, fiscalYearId: fy });
          expect(restored.map((a) => a.balanceCents)).toEqual(before.map((a) => a.balanceCents));
        }
        const tb = await app.admin('ledger.trialBalance', { buildingId: b, fiscalYearId: fy });
        expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
      }
    }), { numRuns: 15 });
    await app.close();
  });
});
