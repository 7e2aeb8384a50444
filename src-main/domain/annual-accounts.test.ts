import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PCMN_ACP_ROWS } from './chart/pcmn-acp.data.js';
import { balanceSheet, compareAccountCodes, incomeStatement, type AccountType, type ChartAccount, type Movement } from './annual-accounts.js';

const CHART: ChartAccount[] = PCMN_ACP_ROWS.map(([code, labelFr, labelNl, type, parentCode]) => ({ code, labelFr, labelNl: labelNl || labelFr, type: type as AccountType, parentCode, fromChart: true }));
const sub = (code: string, parentCode: string, type: AccountType): ChartAccount => ({ code, labelFr: code, labelNl: code, type, parentCode, fromChart: false });
const ACCOUNTS = [...CHART, sub('4100-1', '4100', 'asset'), sub('4101-1', '4101', 'asset'), sub('4101-2', '4101', 'asset'), sub('440-7', '440', 'liability'), sub('551-01', '551', 'asset'), sub('550-01', '550', 'asset')];
const POSTABLE = ACCOUNTS.filter((a) => a.code.replace(/-.*/, '').length >= 3).map((a) => a.code);

/** Movements of a list of balanced entries (debit account, credit account, cents). */
function movementsOf(entries: [string, string, number][]): Map<string, Movement> {
  const m = new Map<string, Movement>();
  const add = (code: string, d: number, c: number) => {
    const x = m.get(code) ?? { debitCents: 0, creditCents: 0 };
    m.set(code, { debitCents: x.debitCents + d, creditCents: x.creditCents + c });
  };
  for (const [dr, cr, cents] of entries) {
    add(dr, cents, 0);
    add(cr, 0, cents);
  }
  return m;
}

describe('order of account codes', () => {
  it('follows the chart, then sub-accounts by number', () => {
    const codes = ['17', '4101-10', '100', '4101', '4101-2', '1', '160', '4100-1', '4101-A', '6100'];
    expect([...codes].sort(compareAccountCodes)).toEqual(['1', '100', '160', '17', '4100-1', '4101', '4101-2', '4101-10', '4101-A', '6100']);
  });
});

describe('annual accounts from the balance', () => {
  // Opening: 5 000 € working capital in the bank; calls of 1 200 € (working) and 300 € (reserve);
  // an owner pays 900 €; an invoice of 121 € for the lift, paid; another of 50 € unpaid.
  const movements = movementsOf([
    ['551-01', '100', 500000],
    ['4101-1', '701', 120000],
    ['4100-1', '700', 30000],
    ['551-01', '4101-1', 90000],
    ['6101', '440-7', 12100],
    ['440-7', '551-01', 12100],
    ['6120', '440-7', 5000],
  ]);

  it('the income statement groups charges and income by the chart and gives the result 7 − 6', () => {
    const s = incomeStatement(ACCOUNTS, movements);
    expect(s.expenses.rows.map((r) => [r.code, r.depth, r.amountCents])).toEqual([
      ['6', 0, 17100], ['61', 1, 17100], ['610', 2, 12100], ['6101', 3, 12100], ['612', 2, 5000], ['6120', 3, 5000],
    ]);
    expect(s.income.rows.map((r) => [r.code, r.depth, r.amountCents])).toEqual([['7', 0, 150000], ['70', 1, 150000], ['700', 2, 30000], ['701', 2, 120000]]);
    expect(s.income.rows[0]).toMatchObject({ labelFr: 'Produits', labelNl: 'Opbrengsten', parentCode: null });
    expect(s.resultCents).toBe(150000 - 17100);
  });

  it('the balance sheet rolls owners, suppliers and banks into their chart accounts and shows the two funds apart', () => {
    const b = balanceSheet(ACCOUNTS, movements);
    expect(b.assets.rows.map((r) => [r.code, r.amountCents])).toEqual([
      ['4', 60000], ['41', 60000], ['410', 60000], ['4100', 30000], ['4101', 30000],
      ['5', 577900], ['55', 577900], ['551', 577900],
    ]);
    expect(b.liabilities.rows.map((r) => [r.code, r.amountCents])).toEqual([['4', 5000], ['44', 5000], ['440', 5000]]);
    expect(b.workingCapital).toMatchObject({ code: '100', labelFr: 'Fonds de roulement', amountCents: 500000 });
    expect(b.reserveFund).toMatchObject({ code: '160', labelNl: 'Reservefonds', amountCents: 0 });
    expect(b.resultCents).toBe(132900);
    expect(b.totalAssetsCents).toBe(637900);
    expect(b.totalLiabilitiesAndFundsCents).toBe(637900);
  });

  it('does not offset individual accounts: an owner in credit is a debt, a supplier paid in advance a receivable', () => {
    const b = balanceSheet(ACCOUNTS, movementsOf([
      ['4101-1', '701', 10000], ['4101-2', '701', 10000], ['551-01', '4101-2', 25000], ['440-7', '551-01', 3000],
    ]));
    expect(b.assets.rows.map((r) => [r.code, r.amountCents])).toEqual([
      ['4', 13000], ['41', 10000], ['410', 10000], ['4101', 10000], ['44', 3000], ['440', 3000], ['5', 22000], ['55', 22000], ['551', 22000],
    ]);
    expect(b.liabilities.rows.map((r) => [r.code, r.amountCents])).toEqual([['4', 15000], ['41', 15000], ['410', 15000], ['4101', 15000]]);
    expect(b.resultCents).toBe(20000);
    expect(b.totalAssetsCents).toBe(b.totalLiabilitiesAndFundsCents);
  });

  it('a contra-asset stays on the assets side, negative', () => {
    const b = balanceSheet(ACCOUNTS, movementsOf([['4101-1', '701', 10000], ['634', '419', 4000]]));
    expect(b.assets.rows.find((r) => r.code === '419')?.amountCents).toBe(-4000);
    expect(b.assets.rows.find((r) => r.code === '41')?.amountCents).toBe(6000);
    expect(b.liabilities.rows).toEqual([]);
  });

  it('for any balanced entries: assets = funds + result + debts, and the result is classes 7 − 6', () => {
    const entry = fc.tuple(fc.constantFrom(...POSTABLE), fc.constantFrom(...POSTABLE), fc.integer({ min: 1, max: 10_000_000 }));
    fc.assert(fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
      const m = movementsOf(entries.filter(([a, b]) => a !== b));
      const b = balanceSheet(ACCOUNTS, m);
      const s = incomeStatement(ACCOUNTS, m);
      let sixMinusSeven = 0;
      for (const [code, x] of m) if (code.startsWith('6') || code.startsWith('7')) sixMinusSeven += x.debitCents - x.creditCents;
      expect(b.totalAssetsCents).toBe(b.totalLiabilitiesAndFundsCents);
      expect(s.resultCents).toBe(0 - sixMinusSeven);
      expect(b.resultCents).toBe(s.resultCents);
      for (const sec of [b.assets, b.liabilities, s.expenses, s.income]) {
        expect(sec.rows.filter((r) => r.depth === 0).reduce((n, r) => n + r.amountCents, 0)).toBe(sec.totalCents);
      }
    }), { numRuns: 300 });
  });
});
