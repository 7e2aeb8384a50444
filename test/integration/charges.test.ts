import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { isValidOgm } from '../../src-shared/values/ogm.js';
import { epcPayload } from '../../src-shared/values/epc-qr.js';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';

let clock = new Date('2025-06-15T10:00:00Z');
const person = (name: string) => ({ kind: 'person' as const, name, firstName: 'T', bce: null, language: 'fr' as const, address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: null, emailConsent: false, phone: null });

describe.each(DRIVERS)('calls for funds and statements of charges on %s', (driver) => {
  let app: TestApp;
  let b: number;
  const lots: number[] = [];
  const owners: number[] = [];
  beforeAll(async () => {
    clock = new Date('2025-06-15T10:00:00Z');
    app = await testApp(driver, () => clock);
    b = (await app.admin('buildings.create', { name: 'Répartition', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000, bankAccounts: [{ iban: 'BE68 5390 0754 7034', label: 'Courant', purpose: 'working' }] })).id;
    for (const [number, shares] of [['1', 400], ['2', 300], ['3', 200], ['P', 100]] as const) {
      lots.push((await app.admin('lots.create', { buildingId: b, data: { number, kind: number === 'P' ? 'parking' : 'apartment', floor: 0, shares } })).id);
    }
    for (const n of ['Alpha', 'Beta', 'Gamma', 'Delta']) owners.push((await app.admin('owners.create', person(n))).id);
    // Lot 1: Alpha; lot 2: Beta and Gamma half each; lot 3: Gamma; parking: Delta.
    await app.admin('lots.transfer', { lotId: lots[0]!, date: '2020-01-01', newOwners: [{ ownerId: owners[0]!, fractionNum: 1, fractionDen: 1 }] });
    await app.admin('lots.transfer', { lotId: lots[1]!, date: '2020-01-01', newOwners: [{ ownerId: owners[1]!, fractionNum: 1, fractionDen: 2 }, { ownerId: owners[2]!, fractionNum: 1, fractionDen: 2 }] });
    await app.admin('lots.transfer', { lotId: lots[2]!, date: '2020-01-01', newOwners: [{ ownerId: owners[2]!, fractionNum: 1, fractionDen: 1 }] });
    await app.admin('lots.transfer', { lotId: lots[3]!, date: '2020-01-01', newOwners: [{ ownerId: owners[3]!, fractionNum: 1, fractionDen: 1 }] });
  });
  afterAll(async () => app?.close());

  it('a working-capital call splits by quote-parts to the cent, gives each owner a valid unique OGM and posts 4101 / 701', async () => {
    const r = await app.admin('calls.issue', { buildingId: b, kind: 'working', label: '2025 T3', callDate: '2025-07-01', dueDate: '2025-07-31', totalCents: 100001, keyId: null });
    const by = new Map(r.lines.map((l) => [l.ownerId, l.amountCents]));
    // 100001 over 400/300/200/100: one cent left, to the largest remainder (lot 1).
    expect(by.get(owners[0]!)).toBe(40001);
    expect((by.get(owners[1]!) ?? 0) + (by.get(owners[2]!) ?? 0) + (by.get(owners[3]!) ?? 0) + (by.get(owners[0]!) ?? 0)).toBe(100001);
    expect(r.lines.every((l) => isValidOgm(l.ogm))).toBe(true);
    expect(new Set(r.lines.map((l) => l.ogm)).size).toBe(4);
    const entry = await app.admin('ledger.entry', { entryId: r.entryId });
    expect(entry.journalCode).toBe('APF');
    expect(entry.lines.at(-1)).toMatchObject({ accountCode: '701', creditCents: 100001 });
    expect(entry.lines.filter((l) => l.accountCode.startsWith('4101-')).reduce((s, l) => s + l.debitCents, 0)).toBe(100001);
    expect((await app.admin('calls.list', { buildingId: b }))[0]).toMatchObject({ label: '2025 T3', owners: 4, totalCents: 100001 });
  });

  it('prints a letter per owner in their language, with the OGM and an EPC QR code a banking app can read', async () => {
    await app.admin('owners.update', { id: owners[1]!, data: { ...person('Beta'), language: 'nl', address: { street: 'Kerkstraat 5', postalCode: '9000', city: 'Gent', country: 'BE' } } });
    const call = (await app.admin('calls.list', { buildingId: b }))[0]!;
    const all = await app.admin('calls.letters', { callId: call.id });
    expect(all.letters).toBe(4);
    const dir = mkdtempSync(join(tmpdir(), 'letters-'));
    const file = join(dir, 'letters.pdf');
    writeFileSync(file, Buffer.from(all.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Appel de provisions 2025 T3/);
    expect(text).toMatch(/Opvraging van provisies 2025 T3/); // Beta reads Dutch
    expect(text).toMatch(/400,01 €/);
    expect(text).toMatch(/\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/);
    expect(text).toMatch(/BE68 5390 0754 7034/);
    // Render Alpha's letter and read its QR code back.
    const one = await app.admin('calls.letters', { callId: call.id, ownerId: owners[0]! });
    writeFileSync(file, Buffer.from(one.contentBase64, 'base64'));
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page-1.png')));
    // jsqr is CommonJS with an ES-style default export: under Node ESM the function is on .default.
    type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
    const m = jsQRModule as unknown as Decode & { default?: Decode };
    const jsQR: Decode = m.default ?? m;
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    const issued = await app.admin('calls.preview', { buildingId: b, kind: 'working', label: 'x', callDate: '2025-07-01', dueDate: '2025-07-31', totalCents: 100001, keyId: null });
    expect(issued.lines.find((l) => l.ownerId === owners[0])?.amountCents).toBe(40001);
    const ogm = /\+\+\+(\d{3})\/(\d{4})\/(\d{5})\+\+\+/.exec(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }))!.slice(1).join('');
    expect(qr?.data).toBe(epcPayload({ name: 'ACP Répartition', iban: 'BE68539007547034', amountCents: 40001, ogm }));
  });

  it('a call is refused while the quote-parts do not add up', async () => {
    const other = (await app.admin('buildings.create', { name: 'Bancal', address: { street: 'Rue 2', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000, bankAccounts: [] })).id;
    await app.admin('lots.create', { buildingId: other, data: { number: '1', kind: 'apartment', floor: 0, shares: 995 } });
    const r = await app.dispatcher.call('calls.issue', { buildingId: other, kind: 'working', label: 'X', callDate: '2025-08-01', dueDate: '2025-08-31', totalCents: 100, keyId: null }, { cli: true });
    expect(r.ok || r.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'shares_unbalanced', sharesCheck: { difference: -5 } } });
  });

  it('a statement distributes approved invoices by their key, subtracts the provisions and posts the difference', async () => {
    const lift = await app.admin('charges.saveKey', { buildingId: b, name: 'Ascenseur', weights: [{ lotId: lots[0]!, weight: 3 }, { lotId: lots[1]!, weight: 2 }, { lotId: lots[2]!, weight: 1 }] });
    const supplier = (await app.admin('suppliers.create', { name: 'Lift SA' })).id;
    const inv = await app.admin('invoices.create', { data: { buildingId: b, supplierId: supplier, number: 'L-1', invoiceDate: '2025-08-05', dueDate: '2025-09-05', amountCents: 60000, expenseAccount: '6110', distributionKeyId: lift.id }, submit: true });
    await app.admin('invoices.approve', { ids: [inv.id] });
    const preview = await app.admin('charges.statementPreview', { buildingId: b, periodStart: '2025-07-01', periodEnd: '2025-09-30' });
    expect(preview.invoices).toEqual([{ id: inv.id, number: 'L-1', supplierName: 'Lift SA', amountCents: 60000, keyName: 'Ascenseur' }]);
    const alpha = preview.owners.find((o) => o.ownerId === owners[0])!;
    expect(alpha).toMatchObject({ chargesCents: 30000, provisionsCents: 40001, balanceCents: -10001 });
    const delta = preview.owners.find((o) => o.ownerId === owners[3])!;
    expect(delta).toMatchObject({ chargesCents: 0, provisionsCents: 10000, balanceCents: -10000 });
    expect(preview.owners.reduce((s, o) => s + o.balanceCents, 0)).toBe(60000 - 100001);

    const posted = await app.admin('charges.postStatement', { buildingId: b, periodStart: '2025-07-01', periodEnd: '2025-09-30', date: '2025-10-01' });
    const entry = await app.admin('ledger.entry', { entryId: posted.entryId! });
    expect(entry.lines.find((l) => l.accountCode === `4101-${owners[0]}`)).toMatchObject({ creditCents: 10001 });
    expect(entry.lines.find((l) => l.accountCode === '701')).toMatchObject({ debitCents: 40001 });
    const again = await app.dispatcher.call('charges.postStatement', { buildingId: b, periodStart: '2025-09-01', periodEnd: '2025-12-31', date: '2026-01-01' }, { cli: true });
    expect(again.ok || again.error).toMatchObject({ details: { rule: 'statement_overlap' } });
    // The invoice is settled once: a later period does not take it again.
    const later = await app.admin('charges.statementPreview', { buildingId: b, periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    expect(later.invoices).toEqual([]);
    const fy = (await app.admin('ledger.fiscalYears', { buildingId: b }))[0]!.id;
    const tb = await app.admin('ledger.trialBalance', { buildingId: b, fiscalYearId: fy });
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
    // Working capital: provisions now equal the actual charges.
    expect(tb.rows.find((r) => r.code === '701')?.balanceCents).toBe(-60000);
  });

  it('a reserve call shows the 5 % floor of last year’s charges (art. 3.86 §3)', async () => {
    await app.admin('ledger.post', { buildingId: b, journalCode: 'OD', date: '2025-11-30', description: 'Charges', lines: [{ accountCode: '6120', debitCents: 1_000_000 }, { accountCode: '440', creditCents: 1_000_000 }] });
    await app.admin('ledger.openYear', { buildingId: b, startDate: '2026-01-01', endDate: '2026-12-31' });
    clock = new Date('2026-02-01T10:00:00Z');
    const preview = await app.admin('calls.preview', { buildingId: b, kind: 'reserve', label: '2026', callDate: '2026-02-01', dueDate: '2026-03-01', totalCents: 30000, keyId: null });
    expect(preview.reserveFloor).toEqual({ previousYearChargesCents: 1_060_000, floorCents: 53_000, calledThisYearCents: 30000, shortfallCents: 23_000 });
    const issued = await app.admin('calls.issue', { buildingId: b, kind: 'reserve', label: '2026', callDate: '2026-02-01', dueDate: '2026-03-01', totalCents: 30000, keyId: null });
    const entry = await app.admin('ledger.entry', { entryId: issued.entryId });
    expect(entry.lines.at(-1)).toMatchObject({ accountCode: '700', creditCents: 30000 });
    expect(entry.lines[0]?.accountCode).toMatch(/^4100-/);
    const next = await app.admin('calls.preview', { buildingId: b, kind: 'reserve', label: '2026 bis', callDate: '2026-06-01', dueDate: '2026-07-01', totalCents: 23000, keyId: null });
    expect(next.reserveFloor).toMatchObject({ calledThisYearCents: 53000, shortfallCents: 0 });
  });
});
