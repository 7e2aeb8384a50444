import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { epcPayload } from '../../src-shared/values/epc-qr.js';
import { codaBytes, codaLines, type CodaFileSpec, type CodaMovementSpec } from '../fixtures/bank/coda-writer.js';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';
import { checkSepaFile } from '../support/sepa-rules.js';

let clock = new Date('2026-01-05T09:00:00Z');
const A = { working: 'BE68539007547034', reserve: 'BE27068999997073' };
const B = { working: 'BE43731001234501' };
const PAYER_IBANS = ['BE71096123456769', 'BE39068205493719', 'BE07363001234566', 'BE31091001234555', 'BE20735001122356'];
const FIRST = ['Jean', 'An', 'Luc', 'Claire', 'Pierre', 'Isabelle', 'Koen', 'Nathalie', 'Tom', 'Sarah', 'Michel', 'Eva', 'François', 'Anne', 'Bart', 'Lotte', 'Olivier', 'Ines', 'Julie', 'Pieter'];
const LAST = ['Dupont', 'Peeters', 'Janssens', 'Martin', 'Lambert', 'Dubois', 'Maes', 'Leclercq', 'Jacobs', 'Willems', 'Laurent', 'Goossens', 'Simon', 'Renard', 'Mertens', 'Hermans', 'Fontaine', 'Claes', 'Lemaire', 'Wouters'];
const person = (name: string, firstName: string, language: 'fr' | 'nl' = 'fr') => ({ kind: 'person' as const, name, firstName, bce: null, language, address: { street: 'Avenue Louise 231', postalCode: '1050', city: 'Ixelles', country: 'BE' }, email: null, emailConsent: false, phone: null });
const b64 = (b: Buffer) => b.toString('base64');
const ogmText = (d: string) => `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;

/** A statement of one account written with the CODA writer (Febelfin 2.6 positions). */
function coda(account: string, seq: string, date: string, openingCents: number, movements: CodaMovementSpec[], extra: Partial<CodaFileSpec> = {}): CodaFileSpec {
  return { creationDate: date, bic: 'GEBABEBB', addressee: 'SYNDIC TEST', statement: { account, holderName: 'ACP TEST', codaSequence: seq, openingCents, openingDate: date, closingDate: date, movements }, ...extra };
}
const closing = (s: CodaFileSpec) => s.statement.openingCents + s.statement.movements.reduce((t, m) => t + m.amountCents, 0);

describe.each(DRIVERS)('banking on %s', (driver) => {
  let app: TestApp;
  let a: number, b: number;
  const owners: number[] = [];
  const gentOwners: number[] = [];
  let q1: { ownerId: number; amountCents: number; ogm: string }[] = [];
  let supplier: number, invoice: number;
  let lastA = { seq: 0, closing: 0 };
  let syndic = '';

  const balance = async (buildingId: number, code: string) => {
    const fy = (await app.admin('ledger.fiscalYears', { buildingId }))[0]!.id;
    return (await app.admin('ledger.trialBalance', { buildingId, fiscalYearId: fy })).rows.find((r) => r.code === code)?.balanceCents ?? 0;
  };
  const counts = async () => {
    const em = app.db.em().fork();
    const conn = em.getConnection();
    const n = async (t: string) => Number((await conn.execute<{ n: number }[]>(`select count(*) as n from ${t}`))[0]!.n);
    return { statements: await n('bank_statement'), movements: await n('bank_movement'), entries: await n('journal_entry'), allocations: await n('bank_allocation') };
  };
  const importA = async (movements: CodaMovementSpec[], extra: Partial<CodaFileSpec> = {}) => {
    const spec = coda(A.working, String(lastA.seq + 1).padStart(3, '0'), clock.toISOString().slice(0, 10), lastA.closing, movements, extra);
    const r = await app.admin('bank.import', { fileName: `a-${lastA.seq + 1}.cod`, contentBase64: b64(codaBytes(codaLines(spec))) });
    lastA = { seq: lastA.seq + 1, closing: closing(spec) };
    return r;
  };
  const line = (i: number) => q1.find((l) => l.ownerId === owners[i])!;

  beforeAll(async () => {
    clock = new Date('2026-01-05T09:00:00Z');
    app = await testApp(driver, () => clock);
    await app.admin('firm.update', { name: 'Syndic Test SRL', bce: null, ipiNumber: null, address: { street: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: null, phone: null });
    a = (await app.admin('buildings.create', { name: 'Résidence Les Tilleuls', address: { street: 'Avenue Louise 231', postalCode: '1050', city: 'Ixelles', country: 'BE' }, bce: '0850.123.440', totalShares: 1000,
      bankAccounts: [{ iban: A.working, label: 'Courant', purpose: 'working' }, { iban: A.reserve, label: 'Réserve', purpose: 'reserve' }] })).id;
    b = (await app.admin('buildings.create', { name: 'Residentie Leie', address: { street: 'Coupure Links 118', postalCode: '9000', city: 'Gent', country: 'BE' }, bce: null, totalShares: 100,
      bankAccounts: [{ iban: B.working, label: 'Werkrekening', purpose: 'working' }] })).id;
    for (let i = 0; i < 20; i++) {
      const lot = (await app.admin('lots.create', { buildingId: a, data: { number: `${Math.floor(i / 2) + 1}.${i % 2 ? 'B' : 'A'}`, kind: 'apartment', floor: Math.floor(i / 2) + 1, shares: 50 } })).id;
      owners.push((await app.admin('owners.create', person(LAST[i]!, FIRST[i]!, i % 3 === 1 ? 'nl' : 'fr'))).id);
      await app.admin('lots.transfer', { lotId: lot, date: '2020-01-01', newOwners: [{ ownerId: owners[i]!, fractionNum: 1, fractionDen: 1 }] });
    }
    for (let i = 0; i < 2; i++) {
      const lot = (await app.admin('lots.create', { buildingId: b, data: { number: String(i + 1), kind: 'apartment', floor: i, shares: 50 } })).id;
      gentOwners.push((await app.admin('owners.create', person(['De Smet', 'Vandenberghe'][i]!, ['Jan', 'Wim'][i]!, 'nl'))).id);
      await app.admin('lots.transfer', { lotId: lot, date: '2020-01-01', newOwners: [{ ownerId: gentOwners[i]!, fractionNum: 1, fractionDen: 1 }] });
    }
    // The books open with the bank's balance, so that the bank account's ledger follows the statements.
    await app.admin('ledger.post', { buildingId: a, journalCode: 'OUV', date: '2026-01-01', description: 'Solde bancaire d’ouverture', lines: [{ accountCode: '551-01', debitCents: 1_000_000 }, { accountCode: '100', creditCents: 1_000_000 }] });
    lastA = { seq: 0, closing: 1_000_000 };
    q1 = (await app.admin('calls.issue', { buildingId: a, kind: 'working', label: '2026 T1', callDate: '2026-01-01', dueDate: '2026-01-31', totalCents: 1_000_000, keyId: null })).lines;
    supplier = (await app.admin('suppliers.create', { name: 'Ascenseurs & Sécurité <Bruxelles> SRL', iban: 'BE15001765432130' })).id;
    invoice = (await app.admin('invoices.create', { data: { buildingId: a, supplierId: supplier, number: 'F-2026-0441', invoiceDate: '2026-01-02', dueDate: '2026-02-01', amountCents: 72600, expenseAccount: '6101' }, submit: true })).id;
    syndic = await app.signedIn('syndic');
    await app.as(syndic, 'invoices.approve', { ids: [invoice] });
  });
  afterAll(async () => app?.close());

  it('imports a realistic statement: posted on FIN1 through 499, nine payments in ten matched at once, the owners settled', async () => {
    await app.admin('owners.setBankDetails', { ownerId: owners[18]!, iban: PAYER_IBANS[0]!, mandate: null });
    clock = new Date('2026-01-28T09:00:00Z');
    const movements: CodaMovementSpec[] = q1.map((l, i): CodaMovementSpec => {
      const who = { counterpartyName: `${LAST[owners.indexOf(l.ownerId)]!.toUpperCase()} ${FIRST[owners.indexOf(l.ownerId)]!.toUpperCase()}` };
      const k = owners.indexOf(l.ownerId);
      if (k < 16) return { amountCents: l.amountCents, structured: { type: '101', text: l.ogm }, ...who, counterpartyAccount: PAYER_IBANS[k % 5]!, bankReference: `KBC${i}` }; // KBC: OGM in 2.1
      if (k === 16) return { amountCents: l.amountCents, communication: `AANDEEL WERKKAPITAAL ${ogmText(l.ogm)}`, ...who }; // ING: OGM typed by the payer
      if (k === 17) return { amountCents: l.amountCents, pieces: ['PROVISION CHARGES 1ER TRIMESTRE 2026 APPARTEMENT 9.B ', `MONSIEUR ${LAST[k]!.toUpperCase()} ${FIRST[k]!.toUpperCase()}`, ' MERCI'], counterpartyName: 'M ET MME CLAES' }; // BNP: cut over 2.1/2.2/2.3
      if (k === 18) return { amountCents: l.amountCents, communication: 'charges', counterpartyAccount: PAYER_IBANS[0]!, counterpartyName: 'LEMAIRE J' }; // the owner's own IBAN
      return { amountCents: 31000, communication: 'acompte charges', counterpartyName: 'WOUTERS P' }; // a wrong amount, no reference
    });
    movements.push({ amountCents: -72600, communication: 'Facture F-2026-0441 entretien ascenseur', counterpartyName: 'ASCENSEURS SECURITE', counterpartyAccount: 'BE15001765432130' });
    movements.push({ amountCents: -1210, transactionCode: '03537000', communication: 'Frais de gestion 01/2026' });
    const before = await counts();
    const r = await importA(movements);
    expect(r).toMatchObject({ format: 'coda', imported: 1, duplicates: 0, movements: 22 });
    expect(r.statements[0]).toMatchObject({ status: 'imported', buildingId: a, buildingName: 'Résidence Les Tilleuls', account: A.working, sequence: '001', ledgerBalanceCents: lastA.closing, closingBalanceCents: lastA.closing });
    const ownerPayments = await app.admin('bank.movements', { buildingId: a, statementId: r.statements[0]!.statementId!, limit: 500 });
    const credits = ownerPayments.rows.filter((m) => m.amountCents > 0);
    expect(credits).toHaveLength(20);
    const matched = credits.filter((m) => m.status === 'matched').length;
    expect(matched / credits.length).toBeGreaterThanOrEqual(0.9);
    expect(matched).toBe(19); // all but the wrong amount without reference
    expect((await counts()).statements).toBe(before.statements + 1);

    // Paid owners' accounts are settled; the unmatched money waits in 499; the invoice is paid through 440.
    for (const i of [0, 5, 16, 17, 18]) expect(await balance(a, `4101-${owners[i]}`)).toBe(0);
    expect(await balance(a, `4101-${owners[19]}`)).toBe(50000);
    expect(await balance(a, '499')).toBe(-31000 + 1210);
    expect(await balance(a, `440-${supplier}`)).toBe(0);
    expect((await app.admin('invoices.get', { id: invoice })).status).toBe('paid');
    expect(await balance(a, '551-01')).toBe(lastA.closing);
    // The statement's movements are posted on the bank journal: D 551 / C 499 per credit.
    const wrong = credits.find((m) => m.status === 'unmatched')!;
    expect(wrong).toMatchObject({ amountCents: 31000, counterpartyName: 'WOUTERS P' });
    const sugg = await app.admin('bank.suggestions', { movementId: wrong.id });
    expect(sugg.candidates[0]).toMatchObject({ rule: 'name', allocations: [{ kind: 'call_line', ownerId: owners[19], amountCents: 31000 }] });
    expect(sugg.candidates[0]!.confidence).toBeLessThan(sugg.threshold);
  });

  it('a partial payment leaves the rest open; the rest settles the owner', async () => {
    const wrong = (await app.admin('bank.movements', { buildingId: a, status: 'unmatched' })).rows.find((m) => m.amountCents === 31000)!;
    const lines = await app.admin('bank.openItems', { buildingId: a });
    const wouters = lines.callLines.find((l) => l.ownerId === owners[19])!;
    const m = await app.admin('bank.match', { movementId: wrong.id, allocations: [{ callLineId: wouters.id, amountCents: 31000 }] });
    expect(m).toMatchObject({ status: 'matched', allocatedCents: 31000 });
    expect((await app.admin('bank.openItems', { buildingId: a })).callLines.find((l) => l.id === wouters.id)?.openCents).toBe(19000);
    expect(await balance(a, `4101-${owners[19]}`)).toBe(19000);
    clock = new Date('2026-02-03T09:00:00Z');
    const r = await importA([{ amountCents: 19000, structured: { type: '101', text: line(19).ogm }, counterpartyName: 'WOUTERS PIETER' }]);
    expect(r.matched).toBe(1);
    expect(await balance(a, `4101-${owners[19]}`)).toBe(0);
    expect((await app.admin('bank.openItems', { buildingId: a })).callLines.find((l) => l.id === wouters.id)).toBeUndefined();
  });

  it('one transfer for two calls pays the oldest first; an overpayment stays as a credit on 4101', async () => {
    const q2 = (await app.admin('calls.issue', { buildingId: a, kind: 'working', label: '2026 T2', callDate: '2026-02-01', dueDate: '2026-04-30', totalCents: 1_000_000, keyId: null })).lines;
    // Un-matching owner 2's Q1 payment opens Q1 again beside Q2; matching it again by hand from the suggestions.
    const paid2 = (await app.admin('bank.movements', { buildingId: a, status: 'matched', limit: 500 })).rows.find((m) => m.structuredReference === line(2).ogm)!;
    const undone = await app.admin('bank.unmatch', { movementId: paid2.id });
    expect(undone.reversalEntryIds).toHaveLength(1);
    expect(await balance(a, `4101-${owners[2]}`)).toBe(100000); // Q1 and Q2 open again
    expect(await balance(a, '499')).toBe(-50000 + 1210);
    const detail = await app.admin('bank.movement', { movementId: paid2.id });
    expect(detail.status).toBe('unmatched');
    expect(detail.allocations).toHaveLength(1);
    expect(detail.allocations[0]).toMatchObject({ reversalEntryId: undone.reversalEntryIds[0] });
    const reversal = await app.admin('ledger.entry', { entryId: undone.reversalEntryIds[0]! });
    expect(reversal.reversalOfId).toBe(detail.allocations[0]!.entryId);

    // The old movement is matched again by hand from its first suggestion.
    const s = await app.admin('bank.suggestions', { movementId: paid2.id });
    expect(s.candidates[0]).toMatchObject({ confidence: 100, rule: 'ogm' });
    await app.admin('bank.match', { movementId: paid2.id, allocations: s.candidates[0]!.allocations.map((x) => ({ callLineId: x.callLineId!, amountCents: x.amountCents })), rule: 'ogm', confidence: 100 });
    expect(await balance(a, `4101-${owners[2]}`)).toBe(50000);

    clock = new Date('2026-02-10T09:00:00Z');
    const q2Of = (i: number) => q2.find((l) => l.ownerId === owners[i])!;
    await app.admin('ledger.post', { buildingId: a, journalCode: 'OD', date: '2026-02-10', description: 'Correction', lines: [{ accountCode: `4101-${owners[3]}`, debitCents: 50000 }, { accountCode: '701', creditCents: 50000 }] });
    // Owner 4 pays Q1 again + Q2 with Q2's OGM: Q2 is named, Q1 is paid already: 50000 left as a credit.
    const r = await importA([
      { amountCents: 100000, structured: { type: '101', text: q2Of(4).ogm }, counterpartyName: 'LAMBERT PIERRE' },
      { amountCents: 60000, structured: { type: '101', text: q2Of(5).ogm }, counterpartyName: 'DUBOIS ISABELLE' },
    ]);
    expect(r.matched).toBe(2);
    expect(await balance(a, `4101-${owners[4]}`)).toBe(-50000);
    expect(await balance(a, `4101-${owners[5]}`)).toBe(-10000);
    const over = (await app.admin('bank.movements', { buildingId: a, statementId: r.statements[0]!.statementId! })).rows.find((m) => m.amountCents === 60000)!;
    const d = await app.admin('bank.movement', { movementId: over.id });
    expect(d.allocations.map((x) => [x.kind, x.amountCents])).toEqual([['call_line', 50000], ['owner_credit', 10000]]);

    // Owner 6's Q1 payment is un-matched: Q1 and Q2 are open; one transfer quoting Q1's OGM pays Q1 then Q2.
    const paid6 = (await app.admin('bank.movements', { buildingId: a, limit: 500 })).rows.find((m) => m.structuredReference === line(6).ogm)!;
    await app.admin('bank.unmatch', { movementId: paid6.id });
    await app.admin('bank.match', { movementId: paid6.id, allocations: [{ ownerId: owners[6]!, amountCents: 50000 }] }); // kept as a credit, by hand
    expect(await balance(a, `4101-${owners[6]}`)).toBe(50000); // Q1 + Q2 − the credit
    await app.admin('bank.unmatch', { movementId: paid6.id });
    const open6 = (await app.admin('bank.openItems', { buildingId: a })).callLines.filter((l) => l.ownerId === owners[6]).map((l) => l.id);
    expect(open6).toHaveLength(2);
    const grouped = await importA([{ amountCents: 100000, communication: `provision ${ogmText(line(6).ogm)} et T2`, counterpartyName: 'MAES KOEN' }]);
    expect(grouped.matched).toBe(1);
    const g = (await app.admin('bank.movements', { buildingId: a, statementId: grouped.statements[0]!.statementId! })).rows[0]!;
    const gd = await app.admin('bank.movement', { movementId: g.id });
    expect(gd.allocations.map((x) => [x.callLineId, x.amountCents])).toEqual([[open6[0], 50000], [open6[1], 50000]]); // Q1 named by its OGM, then Q2
    expect(await balance(a, `4101-${owners[6]}`)).toBe(0);
    expect(await balance(a, '499')).toBe(-50000 + 1210); // the first movement of owner 6, unmatched, waits in 499
  });

  it('refuses a duplicate, a gap in the balances, an unknown account, a wrong trailer or balance — and changes nothing', async () => {
    const before = await counts();
    const tb = await balance(a, '551-01');
    const spec = coda(A.working, String(lastA.seq).padStart(3, '0'), clock.toISOString().slice(0, 10), lastA.closing, []);
    const last = (await app.admin('bank.statements', { buildingId: a }))[0]!;
    // The last statement again, as the bank sends it once more.
    const dupSpec = coda(A.working, last.sequence!, last.date!, last.openingBalanceCents, [{ amountCents: last.closingBalanceCents - last.openingBalanceCents, communication: 'x' }]);
    const dup = await app.dispatcher.call('bank.import', { fileName: 'dup.cod', contentBase64: b64(codaBytes(codaLines(dupSpec))) }, { cli: true });
    expect(dup.ok || dup.error).toMatchObject({ code: 'IMPORT_INVALID', details: { problems: [{ code: 'statement_duplicate' }] } });

    const gap = await app.dispatcher.call('bank.import', { fileName: 'gap.cod', contentBase64: b64(codaBytes(codaLines({ ...spec, statement: { ...spec.statement, codaSequence: '099', openingCents: lastA.closing + 100 } }))) }, { cli: true });
    expect(gap.ok || gap.error).toMatchObject({ code: 'IMPORT_INVALID', details: { problems: [{ code: 'balance_gap', path: ['statements', 0, 'openingBalanceCents'] }] } });
    const unknown = await app.dispatcher.call('bank.import', { fileName: 'x.cod', contentBase64: b64(codaBytes(codaLines(coda('BE15143099999930', '001', '2026-02-10', 0, [{ amountCents: 100, communication: 'x' }])))) }, { cli: true });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'IMPORT_INVALID', details: { problems: [{ code: 'unknown_account' }] } });
    expect(unknown.ok ? '' : unknown.error.message).toContain('BE15143099999930 is not the bank account of any building');
    for (const bad of ['wrong-trailer-count.cod', 'wrong-trailer-total.cod', 'wrong-balance.cod']) {
      const r = await app.dispatcher.call('bank.import', { fileName: bad, contentBase64: readFileSync(join('test/fixtures/bank', bad)).toString('base64') }, { cli: true });
      expect(r.ok || r.error).toMatchObject({ code: 'IMPORT_INVALID' });
      expect(r.ok ? '' : r.error.message).toMatch(new RegExp(`^${bad}:\\d+: `));
    }
    // A multi-statement file with one good statement and one of an unknown account: refused whole.
    const mixed = Buffer.concat([codaBytes(codaLines(coda(B.working, '001', '2026-02-10', 0, [{ amountCents: 500, communication: 'x' }]))), codaBytes(codaLines(coda('BE15143099999930', '002', '2026-02-10', 0, [])))]);
    const m = await app.dispatcher.call('bank.import', { fileName: 'mixed.cod', contentBase64: b64(mixed) }, { cli: true });
    expect(m.ok || m.error).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(await counts()).toEqual(before);
    expect(await balance(a, '551-01')).toBe(tb);
  });

  it('imports one file of several statements of two buildings; a bad OGM is kept as text and left for a person', async () => {
    clock = new Date('2026-02-12T09:00:00Z');
    const date = '2026-02-12';
    const gentCall = (await app.admin('calls.issue', { buildingId: b, kind: 'working', label: '2026 K1', callDate: '2026-02-01', dueDate: '2026-02-28', totalCents: 40000, keyId: null })).lines;
    const badOgm = gentCall[1]!.ogm.slice(0, 11) + String((Number(gentCall[1]!.ogm.slice(11)) + 1) % 10);
    const specA = coda(A.working, String(lastA.seq + 1).padStart(3, '0'), date, lastA.closing, [{ amountCents: 50000, structured: { type: '101', text: q1.find((l) => l.ownerId === owners[7])!.ogm }, counterpartyName: 'LECLERCQ' }]);
    const specB = coda(B.working, '001', date, 0, [
      { amountCents: 20000, structured: { type: '101', text: gentCall[0]!.ogm }, counterpartyName: 'DE SMET JAN' },
      { amountCents: 20000, structured: { type: '101', text: badOgm }, counterpartyName: 'X' },
    ]);
    const specR = coda(A.reserve, '001', date, 500000, []);
    const file = Buffer.concat([codaBytes(codaLines(specA)), codaBytes(codaLines(specB)), codaBytes(codaLines(specR))]);
    const progress: unknown[] = [];
    const stop = app.services.events.subscribe((name, payload) => void (name === 'progress' && progress.push(payload)));
    const r = await app.admin('bank.import', { fileName: 'multi.cod', contentBase64: b64(file), progressToken: 'p1' });
    stop();
    expect(progress).toEqual([1, 2, 3].map((done) => expect.objectContaining({ operation: 'bank.import', token: 'p1', done, total: 3 })));
    lastA = { seq: lastA.seq + 1, closing: closing(specA) };
    expect(r.statements.map((s) => [s.buildingName, s.account, s.movements, s.matched])).toEqual([
      ['Résidence Les Tilleuls', A.working, 1, 1], ['Residentie Leie', B.working, 2, 1], ['Résidence Les Tilleuls', A.reserve, 0, 0],
    ]);
    expect(r.warnings.some((w) => /check|mod/i.test(w.message))).toBe(true);
    const left = (await app.admin('bank.movements', { buildingId: b, status: 'unmatched' })).rows;
    expect(left).toHaveLength(1);
    expect(left[0]!.communication).toContain(badOgm);
    expect(await balance(b, `4101-${gentOwners[0]}`)).toBe(0);
    // The bank's closing balance is the ledger's: Ghent's books started at 0 like its account.
    expect(await balance(b, '551-01')).toBe(40000);
  });

  it('imports a CAMT.053 statement the same way', async () => {
    clock = new Date('2026-02-14T09:00:00Z');
    const open = await app.admin('bank.openItems', { buildingId: a });
    const o8 = open.callLines.find((l) => l.ownerId === owners[8] && l.label === '2026 T2')!;
    const opening = lastA.closing;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-02-14T06:00:00Z</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><ElctrncSeqNb>${lastA.seq + 1}</ElctrncSeqNb><CreDtTm>2026-02-14T06:00:00Z</CreDtTm><Acct><Id><IBAN>${A.working}</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${(opening / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-02-13</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${((opening + o8.openCents) / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-02-13</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">${(o8.openCents / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-02-13</Dt></BookgDt><ValDt><Dt>2026-02-13</Dt></ValDt><AcctSvcrRef>C1</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Jacobs Tom</Nm></Pty></Dbtr></RltdPties><RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>${ogmText(o8.ogm)}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
    const r = await app.admin('bank.import', { fileName: 'camt.xml', contentBase64: Buffer.from(xml).toString('base64') });
    lastA = { seq: lastA.seq + 1, closing: opening + o8.openCents };
    expect(r).toMatchObject({ format: 'camt053', imported: 1, matched: 1 });
  });

  it('reminders go to who has not paid, one level at a time, with the fee posted to 740 and a letter in the owner’s language', async () => {
    await app.admin('reminders.setPolicy', { buildingId: a, policy: { levels: [{ days: 10, feeCents: 1500 }, { days: 25, feeCents: 2500 }, { days: 40, feeCents: 5000 }, { days: 60, feeCents: 0 }], interestApplies: false, interestRateBp: 0 } });
    clock = new Date('2026-02-20T09:00:00Z');
    const due = await app.admin('reminders.due', { buildingId: a });
    const who = due.map((d) => d.ownerId);
    expect(who).not.toContain(owners[0]); // paid
    expect(who).not.toContain(owners[19]); // paid in two goes
    // Owner 6: the first transfer was un-matched and the grouped one paid Q1 and Q2: nothing overdue.
    expect(who).not.toContain(owners[6]);
    // Owner 2 re-matched: paid.
    expect(who).not.toContain(owners[2]);
    // Make someone late: un-match owner 9's Q1 payment.
    const paid9 = (await app.admin('bank.movements', { buildingId: a, limit: 500 })).rows.find((m) => m.structuredReference === line(9).ogm)!;
    await app.admin('bank.unmatch', { movementId: paid9.id });
    const due2 = await app.admin('reminders.due', { buildingId: a });
    const w = due2.find((d) => d.ownerId === owners[9])!;
    expect(w).toMatchObject({ currentLevel: 0, nextLevel: 1, daysLate: 20, openCents: 50000, feeCents: 1500 });
    expect(w.lines).toEqual([expect.objectContaining({ ogm: line(9).ogm, openCents: 50000 })]);

    const issued = await app.admin('reminders.issue', { buildingId: a, level: 1, ownerIds: [owners[9]!, owners[0]!] });
    expect(issued.reminders).toHaveLength(1);
    expect(issued.skipped).toEqual([{ ownerId: owners[0], reason: expect.stringContaining('nothing overdue') }]);
    expect(await balance(a, `4101-${owners[9]}`)).toBe(50000 + 50000 + 1500); // Q1, Q2, the fee
    expect(await balance(a, '740')).toBe(-1500);
    const dir = mkdtempSync(join(tmpdir(), 'reminders-'));
    writeFileSync(join(dir, 'r.pdf'), Buffer.from(issued.letters!.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Rappel de paiement/); // owner 9 (Willems) reads French
    expect(text).toContain(ogmText(line(9).ogm));
    expect(text).toMatch(/515,00 €/); // 500 + 15 fee
    expect(text).toMatch(/Frais de rappel/);
    // The EPC QR code carries the total, the building's account and the call's OGM.
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', join(dir, 'r.pdf'), join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page-1.png')));
    type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
    const mod = jsQRModule as unknown as Decode & { default?: Decode }; // CommonJS default export under ESM
    const qr = (mod.default ?? mod)(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr?.data).toBe(epcPayload({ name: 'ACP Résidence Les Tilleuls', iban: A.working, amountCents: 51500, ogm: line(9).ogm }));
    // The same level is not sent twice; the next waits for its delay.
    expect((await app.admin('reminders.due', { buildingId: a })).find((d) => d.ownerId === owners[9])).toMatchObject({ currentLevel: 1, nextLevel: null });
    clock = new Date('2026-02-26T09:00:00Z');
    expect((await app.admin('reminders.due', { buildingId: a })).find((d) => d.ownerId === owners[9])).toMatchObject({ nextLevel: 2, feeCents: 2500 });
    // The owner pays (with the fee): not reminded any more, and the account is settled.
    await app.admin('bank.match', { movementId: paid9.id, allocations: [{ callLineId: (await app.admin('bank.openItems', { buildingId: a })).callLines.find((l) => l.ogm === line(9).ogm)!.id, amountCents: 50000 }] });
    expect((await app.admin('reminders.due', { buildingId: a })).find((d) => d.ownerId === owners[9])).toBeUndefined();
    const again = await app.admin('reminders.issue', { buildingId: a, level: 2, ownerIds: [owners[9]!] });
    expect(again).toMatchObject({ reminders: [], letters: null });
    expect((await app.admin('reminders.list', { buildingId: a })).map((x) => [x.ownerId, x.level, x.feeCents])).toEqual([[owners[9], 1, 1500]]);
  });

  it('writes a pain.001.001.09 file for approved invoices, and a pain.008.001.08 file for owners with a mandate, both passing the EPC rules', async () => {
    const s2 = (await app.admin('suppliers.create', { name: 'Énergie & Cie <Ixelles>', iban: 'BE31 0910 0123 4555' })).id;
    const s3 = (await app.admin('suppliers.create', { name: 'Sans IBAN SA' })).id;
    const i2 = (await app.admin('invoices.create', { data: { buildingId: a, supplierId: s2, number: '2026/0331', invoiceDate: '2026-02-20', dueDate: '2026-03-20', amountCents: 48437, expenseAccount: '6121', paymentReference: '+++090/0000/12376+++' }, submit: true })).id;
    const i3 = (await app.admin('invoices.create', { data: { buildingId: a, supplierId: supplier, number: 'F-2026-0502', invoiceDate: '2026-02-21', dueDate: '2026-03-21', amountCents: 12100, expenseAccount: '6101' }, submit: true })).id;
    const i4 = (await app.admin('invoices.create', { data: { buildingId: a, supplierId: s3, number: 'X-1', invoiceDate: '2026-02-21', dueDate: '2026-03-21', amountCents: 5000, expenseAccount: '6101' }, submit: true })).id;
    await app.as(syndic, 'invoices.approve', { ids: [i2, i3, i4] });
    const pay = await app.admin('sepa.payments', { buildingId: a, executionDate: '2026-03-02' });
    expect(pay).toMatchObject({ transactions: 2, controlSumCents: 48437 + 12100, skipped: [{ invoiceId: i4, reason: expect.stringContaining('IBAN') }] });
    const xml = Buffer.from(pay.contentBase64, 'base64').toString('utf8');
    expect(checkSepaFile(xml, 'pain.001.001.09')).toEqual([]);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const names = Array.from(doc.getElementsByTagName('Nm')).map((n) => n.textContent);
    expect(names).toContain('Énergie & Cie <Ixelles>'); // escaped by the serializer, read back whole
    expect(xml).toContain('Énergie &amp; Cie &lt;Ixelles&gt;');
    expect(xml).toContain('<Ref>090000012376</Ref>');
    expect(xml).toContain('<Issr>BBA</Issr>');
    expect(xml).toContain('<Ustrd>F-2026-0502</Ustrd>');
    expect(xml).toMatch(/<CtrlSum>605\.37<\/CtrlSum>/);

    // Direct debits: a creditor id and two mandates; the first file is FRST, the next RCUR.
    const refused = await app.dispatcher.call('sepa.directDebits', { buildingId: a, collectionDate: '2026-03-05' }, { cli: true });
    expect(refused.ok || refused.error).toMatchObject({ details: { rule: 'no_creditor_id' } });
    const bad = await app.dispatcher.call('sepa.setCreditorId', { buildingId: a, creditorId: 'BE00ZZZ0850123440' }, { cli: true });
    expect(bad.ok || bad.error).toMatchObject({ code: 'VALIDATION' });
    await app.admin('sepa.setCreditorId', { buildingId: a, creditorId: 'BE80 ZZZ 0850123440' });
    await app.admin('owners.setBankDetails', { ownerId: owners[10]!, iban: 'BE20 7350 0112 2356', mandate: { id: 'ACP-TILLEULS-011', signedOn: '2026-01-15' } });
    await app.admin('owners.setBankDetails', { ownerId: owners[11]!, iban: PAYER_IBANS[1]!, mandate: { id: 'ACP-TILLEULS-012', signedOn: '2026-01-15' } });
    expect((await app.admin('sepa.settings', { buildingId: a })).mandates).toBe(2);
    const dd = await app.admin('sepa.directDebits', { buildingId: a, collectionDate: '2026-04-30' });
    expect(dd).toMatchObject({ transactions: 2, first: 2, recurring: 0, controlSumCents: 100000 });
    const ddXml = Buffer.from(dd.contentBase64, 'base64').toString('utf8');
    expect(checkSepaFile(ddXml, 'pain.008.001.08')).toEqual([]);
    expect(ddXml).toContain('<SeqTp>FRST</SeqTp>');
    expect(ddXml).toContain('<Id>BE80ZZZ0850123440</Id>');
    const next = await app.admin('sepa.directDebits', { buildingId: a, collectionDate: '2026-05-04' });
    expect(next).toMatchObject({ first: 0, recurring: 2 });
    expect(checkSepaFile(Buffer.from(next.contentBase64, 'base64').toString('utf8'), 'pain.008.001.08')).toEqual([]);
    // The checker does catch a broken file.
    expect(checkSepaFile(xml.replace('<CtrlSum>605.37</CtrlSum>', '<CtrlSum>605.36</CtrlSum>'), 'pain.001.001.09')).toContain('GrpHdr/CtrlSum 605.36 ≠ the transactions\' sum');
    expect(checkSepaFile(xml.replace(/<ChrgBr>SLEV<\/ChrgBr>/, '').replace('<DbtrAgt>', '<ChrgBr>SLEV</ChrgBr><DbtrAgt>'), 'pain.001.001.09').join()).toMatch(/out of order/);
  });

  it('an invoice paid in part from the bank stays open for the rest and cannot be paid twice', async () => {
    const inv = (await app.admin('invoices.create', { data: { buildingId: a, supplierId: supplier, number: 'F-2026-0777', invoiceDate: '2026-02-22', dueDate: '2026-03-22', amountCents: 30000, expenseAccount: '6101' }, submit: true })).id;
    await app.as(syndic, 'invoices.approve', { ids: [inv] });
    clock = new Date('2026-02-27T09:00:00Z');
    const r = await importA([{ amountCents: -10000, communication: 'Acompte F-2026-0777', counterpartyName: 'ASCENSEURS', counterpartyAccount: 'BE15001765432130' }]);
    expect(r.matched).toBe(0); // the number, not the amount: 65, for a person to confirm
    const m = (await app.admin('bank.movements', { buildingId: a, statementId: r.statements[0]!.statementId! })).rows[0]!;
    const s = await app.admin('bank.suggestions', { movementId: m.id });
    expect(s.candidates[0]).toMatchObject({ rule: 'invoice_number', confidence: 65, allocations: [{ kind: 'invoice', invoiceId: inv, amountCents: 10000 }] });
    await app.admin('bank.match', { movementId: m.id, allocations: [{ invoiceId: inv, amountCents: 10000 }], rule: 'invoice_number', confidence: 65 });
    expect((await app.admin('bank.openItems', { buildingId: a })).invoices.find((i) => i.id === inv)).toMatchObject({ openCents: 20000 });
    expect(await balance(a, `440-${supplier}`)).toBe(-(20000 + 12100)); // the rest of this one and F-2026-0502, still to pay
    const twice = await app.dispatcher.call('invoices.pay', { id: inv, date: '2026-02-27' }, { cli: true });
    expect(twice.ok || twice.error).toMatchObject({ details: { rule: 'paid_through_bank' } });
    const over = await app.dispatcher.call('bank.match', { movementId: m.id, allocations: [{ invoiceId: inv, amountCents: 1 }] }, { cli: true });
    expect(over.ok || over.error).toMatchObject({ details: { rule: 'movement_matched' } });
  });

  it('keeps the trial balance balanced and the movements readable by page', async () => {
    const fy = (await app.admin('ledger.fiscalYears', { buildingId: a }))[0]!.id;
    const tb = await app.admin('ledger.trialBalance', { buildingId: a, fiscalYearId: fy });
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
    const first = await app.admin('bank.movements', { buildingId: a, limit: 5 });
    const second = await app.admin('bank.movements', { buildingId: a, limit: 5, cursor: first.nextCursor });
    expect(first.rows).toHaveLength(5);
    expect(second.rows[0]!.id).toBeLessThan(first.rows[4]!.id);
    const council = await app.signedIn('council', { buildingId: b });
    const seen = await app.as(council, 'bank.movements', {});
    expect(seen.ok && seen.value.rows.every((r) => r.buildingId === b)).toBe(true);
    expect((await app.as(council, 'bank.match', { movementId: first.rows[0]!.id, allocations: [{ ownerId: owners[0]!, amountCents: 1 }] })).ok).toBe(false);
  });
});
