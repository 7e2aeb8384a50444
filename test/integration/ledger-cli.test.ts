import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import { runCli } from '../support/cli.js';

interface TrialBalanceJson {
  buildingId: number;
  fiscalYear: { id: number; startDate: string; endDate: string; status: string };
  rows: { code: string; labelFr: string; labelNl: string; type: string; debitCents: number; creditCents: number; balanceCents: number }[];
  totalDebitCents: number;
  totalCreditCents: number;
}
interface InvoiceJson { id: number; buildingId: number; status: string; amountCents: number; dueDate: string }

describe('koprogo ledger and invoices commands on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-ledger-cli-'));
  const db = ['--db', join(dir, 'koprogo.sqlite')];
  // seed-demo opens the calendar year of today in every building.
  const year = new Date().getFullYear();
  const LEIE = 2;
  const file = (name: string, value: unknown) => {
    const f = join(dir, name);
    writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    return f;
  };
  const trialBalance = async (): Promise<TrialBalanceJson> => {
    const r = await runCli(['ledger', 'trial-balance', '--building', String(LEIE), '--year', String(year), '--json', ...db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as TrialBalanceJson;
  };
  const opening = (cents: number, date = `${year}-01-01`) => ({
    journalCode: 'OUV', date, description: 'Reprise du fonds de roulement',
    lines: [{ accountCode: '551-01', debitCents: cents }, { accountCode: '100', creditCents: cents }],
  });

  beforeAll(async () => {
    const r = await runCli(['seed-demo', ...db]);
    expect(r.code).toBe(0);
  });

  it('ledger trial-balance --json prints the trial balance of the year, in cents, balanced', async () => {
    const tb = await trialBalance();
    expect(tb.buildingId).toBe(LEIE);
    expect(tb.fiscalYear).toMatchObject({ startDate: `${year}-01-01`, endDate: `${year}-12-31`, status: 'open' });
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
    expect(tb.rows.length).toBeGreaterThan(0);
    for (const row of tb.rows) expect(row.balanceCents).toBe(row.debitCents - row.creditCents);
    const table = await runCli(['ledger', 'trial-balance', '--building', String(LEIE), '--year', String(year), ...db]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Account\s+Label\s+Debit\s+Credit\s+Balance/);
    const none = await runCli(['ledger', 'trial-balance', '--building', String(LEIE), '--year', '1999', ...db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no fiscal year starting in 1999 (fiscal years start in: ${year})`);
  });

  it('ledger import posts a good file (exit 0); one unbalanced entry rejects the whole file, naming it (exit 2)', async () => {
    const before = await trialBalance();
    const good = file('good.json', { entries: [opening(500000), { ...opening(1234), description: 'Solde' }] });
    const ok = await runCli(['ledger', 'import', good, '--building', String(LEIE), ...db]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`Imported good.json into building ${LEIE}: 2 entries, 4 line(s).\n`);
    const after = await trialBalance();
    expect(after.totalDebitCents - before.totalDebitCents).toBe(501234);
    expect(after.rows.find((r) => r.code === '100')?.creditCents).toBe((before.rows.find((r) => r.code === '100')?.creditCents ?? 0) + 501234);

    const unbalanced = { ...opening(100), lines: [{ accountCode: '551-01', debitCents: 100 }, { accountCode: '100', creditCents: 99 }] };
    const bad = file('bad.json', { entries: [opening(700), unbalanced] });
    const ko = await runCli(['ledger', 'import', bad, '--building', String(LEIE), ...db]);
    expect(ko.code).toBe(2);
    expect(ko.stdout).toBe('');
    expect(ko.stderr).toContain(`${bad}: entries[1].lines: The entry does not balance: debits 100 ≠ credits 99 (cents)`);
    expect(ko.stderr).toContain('nothing was posted');
    expect(await trialBalance()).toEqual(after); // not even the good first entry
  });

  it('ledger import names the field of every refused entry: unknown account, bad amount, closed or missing year', async () => {
    const before = await trialBalance();
    const f = file('fields.json', {
      entries: [
        { ...opening(100), lines: [{ accountCode: '551-01', debitCents: 100 }, { accountCode: '4409', creditCents: 100 }] },
        opening(100, '1999-01-01'),
        { ...opening(100), lines: [{ accountCode: '551-01', debitCents: -5 }, { accountCode: '100', creditCents: 100 }] },
      ],
    });
    const ko = await runCli(['ledger', 'import', f, '--building', String(LEIE), ...db]);
    expect(ko.code).toBe(2);
    // Field validation runs first (a negative amount), then the books' rules.
    expect(ko.stderr).toContain(`${f}: entries[2].lines[0].debitCents: `);
    const ko2 = await runCli(['ledger', 'import', file('fields2.json', { entries: [
      { ...opening(100), lines: [{ accountCode: '551-01', debitCents: 100 }, { accountCode: '4409', creditCents: 100 }] },
      opening(100, '1999-01-01'),
    ] }), '--building', String(LEIE), ...db]);
    expect(ko2.code).toBe(2);
    expect(ko2.stderr).toMatch(/fields2\.json: entries\[0\]\.lines\[1\]\.accountCode: Line 2: account 4409 does not exist/);
    expect(ko2.stderr).toMatch(/fields2\.json: entries\[1\]\.date: No fiscal year of this building contains 1999-01-01/);
    const notJson = await runCli(['ledger', 'import', file('broken.json', '{"entries": ['), '--building', String(LEIE), ...db]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('invalid JSON');
    const noEntries = await runCli(['ledger', 'import', file('empty.json', { lines: [] }), '--building', String(LEIE), ...db]);
    expect(noEntries.code).toBe(2);
    expect(noEntries.stderr).toContain('entries: expected an object {"entries": [ … ]}');
    expect(await trialBalance()).toEqual(before);
  });

  it('invoices list --json prints every invoice over all pages; --status and --building filter', async () => {
    // More invoices than one page (200) of invoices.list.
    const app = await startApp({ target: { driver: 'sqlite', path: db[1]! }, door: 'cli', localSettings: memorySettings() });
    const call = async (name: string, input: unknown) => {
      const r = await app.dispatcher.call(name, input, { cli: true });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as { id: number };
    };
    const supplier = (await call('suppliers.create', { name: 'Vitres Claires SRL', bce: '', iban: '', defaultExpenseAccount: '', email: '' })).id;
    for (let i = 0; i < 205; i++) {
      await call('invoices.create', { data: { buildingId: LEIE, supplierId: supplier, number: `VC-${i}`, invoiceDate: `${year}-02-01`, dueDate: `${year}-03-${String(1 + (i % 28)).padStart(2, '0')}`, amountCents: 1000 + i, expenseAccount: '6105' }, submit: false });
    }
    await app.close();

    const all = await runCli(['invoices', 'list', '--json', ...db]);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
    const rows = JSON.parse(all.stdout) as InvoiceJson[];
    expect(rows.length).toBeGreaterThanOrEqual(230);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const due = rows.map((r) => r.dueDate);
    expect(due).toEqual([...due].sort());
    const drafts = JSON.parse((await runCli(['invoices', 'list', '--status', 'draft', '--building', String(LEIE), '--json', ...db])).stdout) as InvoiceJson[];
    expect(drafts).toHaveLength(205);
    expect(drafts.every((r) => r.status === 'draft' && r.buildingId === LEIE)).toBe(true);
    const pending = JSON.parse((await runCli(['invoices', 'list', '--status', 'pending_approval', '--json', ...db])).stdout) as InvoiceJson[];
    expect(pending.length).toBe(rows.filter((r) => r.status === 'pending_approval').length);
    const table = await runCli(['invoices', 'list', '--status', 'pending_approval', ...db]);
    expect(table.stdout).toMatch(/ID\s+Building\s+Supplier\s+Number\s+Invoice date\s+Due date\s+Amount\s+Status/);
    expect((await runCli(['invoices', 'list', '--status', 'lost', ...db])).code).toBe(2);
  });

  it('ledger export writes the report file', async () => {
    const out = join(dir, 'bilan.pdf');
    const r = await runCli(['ledger', 'export', 'balance-sheet', '--building', '1', '--year', String(year), '--out', out, '--lang', 'nl', ...db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = join(dir, 'owner.csv');
    const s = await runCli(['ledger', 'export', 'owner-statement', '--owner', '1', '--building', '1', '--year', String(year), '--out', csv, '--json', ...db]);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ file: csv, mimeType: 'text/csv; charset=utf-8' });
    expect(readFileSync(csv, 'utf8')).toMatch(/^\ufeffFonds;Compte;Date;Pièce;Description;Débit;Crédit;Solde\r\n/);
    const noOwner = await runCli(['ledger', 'export', 'owner-statement', '--building', '1', '--year', String(year), '--out', csv, ...db]);
    expect(noOwner.code).toBe(2);
    const noFormat = await runCli(['ledger', 'export', 'trial-balance', '--building', '1', '--year', String(year), '--out', join(dir, 'x.txt'), ...db]);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('--format');
  });
});
