import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOwnerAccounts } from '../../src-main/app/finance/bookkeeping-setup.js';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const BUILDING = {
  name: 'Résidence Les Érables', address: { street: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000,
  bankAccounts: [{ iban: 'BE68 5390 0754 7034', label: 'Courant', purpose: 'working' as const }, { iban: 'BE71 0961 2345 6769', label: 'Réserve', purpose: 'reserve' as const }],
};
const owner = (name: string) => ({ kind: 'person' as const, name, firstName: 'Anne', bce: null, language: 'fr' as const, address: { street: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: null, emailConsent: false, phone: null });
const l = (accountCode: string, debitCents: number, creditCents = 0, label?: string) => ({ accountCode, debitCents, creditCents, ...(label ? { label } : {}) });

/** A CSV export back to rows: BOM, CRLF, `;`, quotes doubled. */
function parseCsv(base64: string): string[][] {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = [];
  for (const line of text.slice(1).split('\r\n').filter((x) => x !== '')) {
    const cells: string[] = [];
    let cur = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = !quoted;
      else if (ch === ';' && !quoted) { cells.push(cur); cur = ''; }
      else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}
const cents = (decimal: string) => {
  expect(decimal).toMatch(/^-?\d+,\d{2}$/);
  return Number(decimal.replace(',', ''));
};

describe.each(DRIVERS)('ledger reports on %s', (driver) => {
  let app: TestApp;
  let b: number, fy: number, anne: number, bert: number;
  beforeAll(async () => {
    app = await testApp(driver, () => NOW);
    b = (await app.admin('buildings.create', BUILDING)).id;
    fy = (await app.admin('ledger.fiscalYears', { buildingId: b }))[0]!.id;
    anne = (await app.admin('owners.create', owner('Dupont'))).id;
    bert = (await app.admin('owners.create', owner('Peeters'))).id;
    const em = app.db.em().fork();
    await ensureOwnerAccounts(em as never, b, anne);
    await ensureOwnerAccounts(em as never, b, bert);
    const post = (journalCode: string, date: string, description: string, lines: ReturnType<typeof l>[]) => app.admin('ledger.post', { buildingId: b, journalCode, date, description, lines });
    await post('OUV', '2026-01-01', 'Ouverture fonds de roulement', [l('551-01', 500000), l('100', 0, 500000)]);
    await post('OUV', '2026-01-01', 'Ouverture fonds de réserve', [l('550-01', 200000), l('160', 0, 200000)]);
    await post('APF', '2026-01-10', 'Provisions T1', [l(`4101-${anne}`, 123456), l(`4101-${bert}`, 50000), l('701', 0, 173456)]);
    await post('APF', '2026-01-10', 'Fonds de réserve 2026', [l(`4100-${anne}`, 30000), l('700', 0, 30000)]);
    await post('FIN1', '2026-02-01', 'Paiement Dupont', [l('551-01', 100000), l(`4101-${anne}`, 0, 100000)]);
    await post('FIN1', '2026-02-02', 'Paiement Peeters; "avance"', [l('551-01', 80000), l(`4101-${bert}`, 0, 80000)]);
    await post('ACH', '2026-03-01', 'Ascenseur', [l('6101', 12100), l('440', 0, 12100)]);
    await post('OD', '2026-03-02', '=SUM(A1) électricité', [l('6121', 5000), l('499', 0, 5000)]);
    // Enough lines for a general ledger over several pages.
    await app.admin('ledger.import', { buildingId: b, entries: Array.from({ length: 90 }, (_, i) => ({ journalCode: 'OD', date: '2026-04-01', description: `Nettoyage ${i + 1}`, lines: [l('6105', 1000 + i), l('499', 0, 1000 + i)] })) });
  });
  afterAll(async () => app?.close());

  it('the general ledger: every account of the trial balance, its lines with a running balance, the same totals', async () => {
    const tb = await app.admin('ledger.trialBalance', { buildingId: b, fiscalYearId: fy });
    const gl = await app.admin('ledger.generalLedger', { buildingId: b, fiscalYearId: fy });
    expect(gl.building).toMatchObject({ id: b, name: 'Résidence Les Érables', city: 'Bruxelles' });
    expect(gl.accounts.map((a) => a.code).sort()).toEqual(tb.rows.map((r) => r.code).sort());
    expect([gl.totalDebitCents, gl.totalCreditCents]).toEqual([tb.totalDebitCents, tb.totalCreditCents]);
    for (const a of gl.accounts) {
      const row = tb.rows.find((r) => r.code === a.code)!;
      expect([a.totalDebitCents, a.totalCreditCents, a.closingCents]).toEqual([row.debitCents, row.creditCents, row.balanceCents]);
      expect(a.openingCents).toBe(0);
      let balance = 0;
      for (const line of a.lines) {
        balance += line.debitCents - line.creditCents;
        expect(line.balanceCents).toBe(balance);
      }
      expect(balance).toBe(a.closingCents);
    }
    // Accounts in chart order, sub-accounts by number.
    const codes = gl.accounts.map((a) => a.code);
    expect(codes.indexOf('100')).toBeLessThan(codes.indexOf('160'));
    expect(codes.indexOf('4101-' + anne)).toBeLessThan(codes.indexOf('440'));
    expect(gl.accounts.find((a) => a.code === '6105')?.lines).toHaveLength(90);
    expect(gl.accounts.find((a) => a.code === '551-01')?.lines[0]).toMatchObject({ reference: 'OUV-2026-0001', journalCode: 'OUV', date: '2026-01-01', debitCents: 500000 });
  });

  it('the general ledger of a range of accounts: 6 to 6 is all of class 6', async () => {
    const gl = await app.admin('ledger.generalLedger', { buildingId: b, fiscalYearId: fy, fromCode: '6', toCode: '6' });
    expect(gl.accounts.map((a) => a.code)).toEqual(['6101', '6105', '6121']);
    const owners = await app.admin('ledger.generalLedger', { buildingId: b, fiscalYearId: fy, fromCode: '4100', toCode: '4101' });
    expect(owners.accounts.map((a) => a.code)).toEqual([`4100-${anne}`, `4101-${anne}`, `4101-${bert}`]);
  });

  it("an owner's individual account: reserve and working capital apart and together, with what is due", async () => {
    const s = await app.admin('ledger.ownerStatement', { buildingId: b, fiscalYearId: fy, ownerId: anne });
    expect(s.owner).toEqual({ id: anne, displayName: 'Anne Dupont' });
    expect(s.reserve).toMatchObject({ accountCode: `4100-${anne}`, totalDebitCents: 30000, totalCreditCents: 0, balanceCents: 30000 });
    expect(s.working).toMatchObject({ accountCode: `4101-${anne}`, totalDebitCents: 123456, totalCreditCents: 100000, balanceCents: 23456 });
    expect(s.working.lines.map((x) => x.balanceCents)).toEqual([123456, 23456]);
    expect(s.combined.lines.map((x) => [x.fund, x.date, x.balanceCents])).toEqual([
      ['working', '2026-01-10', 123456], ['reserve', '2026-01-10', 153456], ['working', '2026-02-01', 53456],
    ]);
    expect(s.dueCents).toBe(53456);
    const other = await app.admin('ledger.ownerStatement', { buildingId: b, fiscalYearId: fy, ownerId: bert });
    expect(other.dueCents).toBe(-30000); // paid more than called: in credit
    expect(other.reserve.lines).toEqual([]);
  });

  it('the balance sheet: assets = working capital + reserve fund + result + debts', async () => {
    const s = await app.admin('ledger.balanceSheet', { buildingId: b, fiscalYearId: fy });
    expect(s.workingCapital).toMatchObject({ code: '100', labelFr: 'Fonds de roulement', amountCents: 500000 });
    expect(s.reserveFund).toMatchObject({ code: '160', labelNl: 'Reservefonds', amountCents: 200000 });
    expect(s.totalAssetsCents).toBe(s.workingCapital.amountCents + s.reserveFund.amountCents + s.resultCents + s.liabilities.totalCents);
    expect(s.totalLiabilitiesAndFundsCents).toBe(s.totalAssetsCents);
    // Banks 550/551 and what Anne owes are assets; Peeters' advance, the supplier and the suspense account are debts.
    expect(s.assets.rows.find((r) => r.code === '551')?.amountCents).toBe(680000);
    expect(s.assets.rows.find((r) => r.code === '4101')?.amountCents).toBe(23456);
    expect(s.liabilities.rows.find((r) => r.code === '4101')?.amountCents).toBe(30000);
    expect(s.liabilities.rows.find((r) => r.code === '440')?.amountCents).toBe(12100);
    expect(s.assets.rows[0]).toMatchObject({ depth: 0, parentCode: null });
  });

  it('the income statement: result = classes 7 − 6 of the trial balance, grouped class → group → account', async () => {
    const tb = await app.admin('ledger.trialBalance', { buildingId: b, fiscalYearId: fy });
    const s = await app.admin('ledger.incomeStatement', { buildingId: b, fiscalYearId: fy });
    const sum = (cls: string) => tb.rows.filter((r) => r.code.startsWith(cls)).reduce((n, r) => n + r.balanceCents, 0);
    expect(s.expenses.totalCents).toBe(sum('6'));
    expect(s.income.totalCents).toBe(-sum('7'));
    expect(s.resultCents).toBe(-sum('7') - sum('6'));
    expect(s.income.rows.map((r) => [r.code, r.depth])).toEqual([['7', 0], ['70', 1], ['700', 2], ['701', 2]]);
    expect(s.expenses.rows.slice(0, 3).map((r) => [r.code, r.depth, r.labelFr])).toEqual([['6', 0, 'Charges'], ['61', 1, 'Services et biens divers'], ['610', 2, 'Entretien et petites réparations bâtiment, jardin et environs']]);
    expect((await app.admin('ledger.balanceSheet', { buildingId: b, fiscalYearId: fy })).resultCents).toBe(s.resultCents);
  });

  it('an owner reads their own account and its export, not another owner\'s, nor the books', async () => {
    const token = await app.signedIn('owner', { ownerId: anne });
    const own = await app.as(token, 'ledger.ownerStatement', { buildingId: b, fiscalYearId: fy, ownerId: anne });
    expect(own.ok && own.value.dueCents).toBe(53456);
    const other = await app.as(token, 'ledger.ownerStatement', { buildingId: b, fiscalYearId: fy, ownerId: bert });
    expect(other.ok || other.error.code).toBe('FORBIDDEN');
    const otherExport = await app.as(token, 'reports.export', { kind: 'ownerStatement', format: 'csv', language: 'fr', buildingId: b, fiscalYearId: fy, ownerId: bert });
    expect(otherExport.ok || otherExport.error.code).toBe('FORBIDDEN');
    const ownExport = await app.as(token, 'reports.export', { kind: 'ownerStatement', format: 'csv', language: 'fr', buildingId: b, fiscalYearId: fy, ownerId: anne });
    expect(ownExport.ok).toBe(true);
    for (const kind of ['trialBalance', 'balanceSheet'] as const) {
      const r = await app.as(token, 'reports.export', { kind, format: 'csv', language: 'fr', buildingId: b, fiscalYearId: fy });
      expect(r.ok || r.error.code).toBe('FORBIDDEN');
    }
    expect((await app.as(token, 'ledger.balanceSheet', { buildingId: b, fiscalYearId: fy })).ok).toBe(false);
    const council = await app.signedIn('council', { buildingId: b });
    expect((await app.as(council, 'ledger.ownerStatement', { buildingId: b, fiscalYearId: fy, ownerId: bert })).ok).toBe(true);
    const missing = await app.as(council, 'reports.export', { kind: 'ownerStatement', format: 'csv', buildingId: b, fiscalYearId: fy });
    expect(missing.ok || missing.error).toMatchObject({ code: 'VALIDATION', details: { problems: [{ path: ['ownerId'] }] } });
  });

  it('exports the trial balance as CSV for Excel: BOM, header, ;, decimal comma, totals that add up', async () => {
    const tb = await app.admin('ledger.trialBalance', { buildingId: b, fiscalYearId: fy });
    const file = await app.admin('reports.export', { kind: 'trialBalance', format: 'csv', language: 'fr', buildingId: b, fiscalYearId: fy });
    expect(file).toMatchObject({ fileName: 'balance-2026-residence-les-erables.csv', mimeType: 'text/csv; charset=utf-8' });
    const [header, ...rows] = parseCsv(file.contentBase64);
    expect(header).toEqual(['Compte', 'Libellé', 'Débit', 'Crédit', 'Solde']);
    const total = rows.pop()!;
    expect(rows).toHaveLength(tb.rows.length);
    for (const r of rows) expect(r).toHaveLength(5);
    expect(rows.find((r) => r[0] === `4101-${anne}`)?.slice(1)).toEqual(['Anne Dupont', '1234,56', '1000,00', '234,56']);
    expect(total.slice(0, 2)).toEqual(['', 'Total']);
    expect(cents(total[2]!)).toBe(rows.reduce((n, r) => n + cents(r[2]!), 0));
    expect(cents(total[2]!)).toBe(tb.totalDebitCents);
    expect(cents(total[3]!)).toBe(tb.totalCreditCents);
    expect(total[4]).toBe('0,00');
  });

  it('exports the general ledger and the annual accounts as CSV in Dutch; free text is quoted and defused', async () => {
    const gl = parseCsv((await app.admin('reports.export', { kind: 'generalLedger', format: 'csv', language: 'nl', buildingId: b, fiscalYearId: fy })).contentBase64);
    expect(gl[0]).toEqual(['Rekening', 'Benaming van de rekening', 'Datum', 'Stuk', 'Omschrijving', 'Debet', 'Credit', 'Saldo']);
    expect(gl.find((r) => r[4] === 'Paiement Peeters; "avance"')).toBeDefined(); // the ; and " survived quoting
    expect(gl.find((r) => r[4]?.includes('SUM(A1)'))?.[4]).toBe("'=SUM(A1) électricité");
    expect(gl.at(-1)?.[4]).toBe('Algemeen totaal');
    const bs = parseCsv((await app.admin('reports.export', { kind: 'balanceSheet', format: 'csv', language: 'nl', buildingId: b, fiscalYearId: fy })).contentBase64);
    expect(bs[0]).toEqual(['Rubriek', 'Niveau', 'Rekening', 'Benaming', 'Bedrag']);
    const sheet = await app.admin('ledger.balanceSheet', { buildingId: b, fiscalYearId: fy });
    expect(cents(bs.find((r) => r[3] === 'Totaal activa')![4]!)).toBe(sheet.totalAssetsCents);
    expect(cents(bs.find((r) => r[3] === 'Totaal passiva')![4]!)).toBe(sheet.totalAssetsCents);
    expect(bs.find((r) => r[2] === '160')).toEqual(['Fondsen van de vereniging van mede-eigenaars', '0', '160', 'Reservefonds', '2000,00']);
  });

  it('exports a PDF: A4, building, title, Belgian amounts, page X / Y on every page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koprogo-pdf-'));
    const text = (kind: 'trialBalance' | 'generalLedger', language: 'fr' | 'nl') => app.admin('reports.export', { kind, format: 'pdf', language, buildingId: b, fiscalYearId: fy }).then((f) => {
      const file = join(dir, f.fileName);
      writeFileSync(file, Buffer.from(f.contentBase64, 'base64'));
      expect(f.mimeType).toBe('application/pdf');
      return { name: f.fileName, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }) };
    });
    const tb = await text('trialBalance', 'fr');
    expect(tb.text).toContain('Balance générale des comptes');
    expect(tb.text).toContain('Résidence Les Érables');
    expect(tb.text).toContain('Rue de la Loi 16, 1000 Bruxelles');
    expect(tb.text).toContain('Exercice du 01/01/2026 au 31/12/2026');
    expect(tb.text).toMatch(/1\.234,56\s€/);
    expect(tb.text).toContain('page 1 / 1');
    expect(tb.info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(tb.info).toMatch(/Title:\s+Balance générale des comptes — Résidence Les Érables/);
    const gl = await text('generalLedger', 'nl');
    expect(gl.name).toBe('grootboek-2026-residence-les-erables.pdf');
    expect(gl.text).toContain('Grootboek');
    const pages = Number(/Pages:\s+(\d+)/.exec(gl.info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) expect(gl.text).toContain(`pagina ${p} / ${pages}`);
    expect(gl.text).toContain('Algemeen totaal');
  });
});
