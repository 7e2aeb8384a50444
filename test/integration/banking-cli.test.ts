import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import type { OpInput, OpOutput, OperationName } from '../../src-shared/contract/index.js';
import { codaBytes, codaLines } from '../fixtures/bank/coda-writer.js';
import { runCli } from '../support/cli.js';
import { checkSepaFile } from '../support/sepa-rules.js';

/** `koprogo bank import` and `koprogo sepa payments` through bin/koprogo, on a SQLite file. */
describe('koprogo bank import and sepa payments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-bank-cli-'));
  const dbPath = join(dir, 'koprogo.sqlite');
  const db = ['--db', dbPath];

  it('imports a statement, refuses it the second time, and writes a pain.001 file', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const app = await startApp({ target: { driver: 'sqlite', path: dbPath }, door: 'cli', localSettings: memorySettings() });
    const call = async <N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
      const r = await app.dispatcher.call(name, input, { cli: true });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as OpOutput<N>;
    };
    const b = (await call('buildings.create', { name: 'Résidence CLI', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 100, bankAccounts: [{ iban: 'BE68539007547034', label: 'Courant', purpose: 'working' }] })).id;
    const lot = (await call('lots.create', { buildingId: b, data: { number: '1', kind: 'apartment', floor: 0, shares: 100 } })).id;
    const owner = (await call('owners.create', { kind: 'person', name: 'Dupont', firstName: 'Jean', bce: null, language: 'fr', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: null, emailConsent: false, phone: null })).id;
    await call('lots.transfer', { lotId: lot, date: '2020-01-01', newOwners: [{ ownerId: owner, fractionNum: 1, fractionDen: 1 }] });
    const issued = await call('calls.issue', { buildingId: b, kind: 'working', label: 'T1', callDate: today, dueDate: today, totalCents: 25000, keyId: null });
    const supplier = (await call('suppliers.create', { name: 'Jardins & Co', iban: 'BE11063512345648' })).id;
    const inv = await call('invoices.create', { data: { buildingId: b, supplierId: supplier, number: 'J-7', invoiceDate: today, dueDate: today, amountCents: 50000, expenseAccount: '6106' }, submit: true });
    await call('invoices.approve', { ids: [inv.id] });
    await app.close();

    const file = join(dir, 'statement.cod');
    writeFileSync(file, codaBytes(codaLines({ creationDate: today, bic: 'GEBABEBB', addressee: 'SYNDIC', statement: { account: 'BE68539007547034', holderName: 'ACP CLI', codaSequence: '001', openingCents: 0, openingDate: today, closingDate: today, movements: [{ amountCents: 25000, structured: { type: '101', text: issued.lines[0]!.ogm }, counterpartyName: 'DUPONT JEAN' }] } })));
    const first = await runCli(['bank', 'import', file, ...db]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/statement\.cod: 1 statement\(s\) imported, 0 already imported; 1 movement\(s\), 1 matched\./);
    expect(first.stdout).toMatch(/Résidence CLI\s+BE68539007547034\s+001/);
    const again = await runCli(['bank', 'import', file, ...db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${file}: statements[0]: Statement 1 (BE68539007547034, 001, ${today}) was already imported`);
    expect(again.stderr).toContain('nothing was imported');

    const out = join(dir, 'payments.xml');
    const pay = await runCli(['sepa', 'payments', '--building', String(b), '--out', out, '--date', today, ...db]);
    expect(pay.code).toBe(0);
    expect(pay.stdout).toMatch(/payments\.xml: 1 transfer\(s\), 500,00 EUR/);
    const xml = readFileSync(out, 'utf8');
    expect(checkSepaFile(xml, 'pain.001.001.09')).toEqual([]);
    expect(xml).toContain('<Nm>Jardins &amp; Co</Nm>');
    const none = await runCli(['sepa', 'payments', '--building', String(b), '--out', out, '--invoices', '999', ...db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No approved invoice to pay');
  });
});
