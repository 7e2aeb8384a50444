import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const building = (name: string, iban: string) => ({
  name, address: { street: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000,
  bankAccounts: [{ iban, label: 'Courant', purpose: 'working' as const }],
});
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.each(DRIVERS)('supplier invoices and their approval on %s', (driver) => {
  let app: TestApp;
  let b: number, other: number, supplier: number;
  let accountant: string, syndic: string, syndic2: string, council: string, councilOther: string;
  let n = 0;
  const invoice = (amountCents: number, extra: Record<string, unknown> = {}) => ({
    buildingId: b, supplierId: supplier, number: `F-${++n}`, invoiceDate: '2026-05-10', dueDate: '2026-06-10', amountCents, vatCents: 0,
    expenseAccount: '6110', description: 'Entretien ascenseur', ...extra,
  });
  beforeAll(async () => {
    app = await testApp(driver, () => NOW);
    b = (await app.admin('buildings.create', building('Factures', 'BE68 5390 0754 7034'))).id;
    other = (await app.admin('buildings.create', building('Autre', 'BE71 0961 2345 6769'))).id;
    supplier = (await app.admin('suppliers.create', { name: 'Ascenseurs Dupont SA', bce: '0417.497.106', iban: 'BE43 0689 9999 9501', defaultExpenseAccount: '6110', email: '' })).id;
    [accountant, syndic, syndic2] = [await app.signedIn('accountant'), await app.signedIn('syndic'), await app.signedIn('syndic')];
    council = await app.signedIn('council', { buildingId: b });
    councilOther = await app.signedIn('council', { buildingId: other });
  });
  afterAll(async () => app?.close());

  it('a bookkeeper encodes an invoice with its PDF; the same supplier number twice is refused', async () => {
    const data = invoice(12100, { document: { fileName: 'facture.pdf', contentBase64: PDF.toString('base64') } });
    const r = await app.as(accountant, 'invoices.create', { data, submit: false });
    expect(r.ok).toBe(true);
    const id = r.ok ? r.value.id : 0;
    const detail = await app.admin('invoices.get', { id });
    expect(detail).toMatchObject({ status: 'draft', hasDocument: true, documentSha256: createHash('sha256').update(PDF).digest('hex'), supplierName: 'Ascenseurs Dupont SA' });
    const doc = await app.as(accountant, 'documents.get', { id: detail.documentId! });
    expect(doc.ok && Buffer.from(doc.value.contentBase64, 'base64').equals(PDF)).toBe(true);
    const dup = await app.as(accountant, 'invoices.create', { data: { ...data, document: null }, submit: false });
    expect(dup.ok || dup.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'duplicate_invoice', path: ['number'], duplicateOf: id } });
    const notPdf = await app.as(accountant, 'invoices.create', { data: invoice(100, { document: { fileName: 'x.pdf', contentBase64: Buffer.from('hello').toString('base64') } }) });
    expect(notPdf.ok || notPdf.error).toMatchObject({ details: { rule: 'document_not_pdf' } });
  });

  it('four-eyes: the submitter cannot approve; a bookkeeper cannot approve at all; another syndic approves and the entry is posted', async () => {
    const created = await app.as(syndic, 'invoices.create', { data: invoice(25000), submit: true });
    const id = created.ok ? created.value.id : 0;
    const own = await app.as(syndic, 'invoices.approve', { ids: [id] });
    expect(own.ok && own.value.refused).toEqual([{ id, rule: 'four_eyes', message: expect.any(String) }]);
    const acc = await app.as(accountant, 'invoices.approve', { ids: [id] });
    expect(acc.ok || acc.error.code).toBe('FORBIDDEN');
    const ok = await app.as(syndic2, 'invoices.approve', { ids: [id] });
    expect(ok.ok && ok.value.done).toEqual([id]);
    const detail = await app.admin('invoices.get', { id });
    expect(detail.status).toBe('approved');
    const entry = await app.admin('ledger.entry', { entryId: detail.entryId! });
    expect(entry).toMatchObject({ journalCode: 'ACH', date: '2026-05-10', lines: [{ accountCode: '6110', debitCents: 25000 }, { accountCode: `440-${supplier}`, creditCents: 25000 }] });
    expect(detail.history.map((h) => h.action)).toEqual(['created', 'submitted', 'approved']);
  });

  it('above the threshold a council member of the building must co-approve', async () => {
    await app.admin('invoices.setPolicy', { buildingId: b, policy: { approverRoles: ['syndic', 'admin'], councilThresholdCents: 100000, fourEyes: true } });
    const created = await app.as(accountant, 'invoices.create', { data: invoice(150000), submit: true });
    const id = created.ok ? created.value.id : 0;
    expect((await app.as(syndic, 'invoices.approve', { ids: [id] })).ok && (await app.admin('invoices.get', { id })).status).toBe('pending_approval');
    const foreign = await app.as(councilOther, 'invoices.approve', { ids: [id] });
    expect(foreign.ok && foreign.value.refused[0]?.rule).toBe('NOT_FOUND');
    const co = await app.as(council, 'invoices.approve', { ids: [id] });
    expect(co.ok && co.value.done).toEqual([id]);
    const detail = await app.admin('invoices.get', { id });
    expect(detail).toMatchObject({ status: 'approved', needsCouncil: true, approvals: [{ as: 'approver' }, { as: 'council' }] });
    await app.admin('invoices.setPolicy', { buildingId: b, policy: { approverRoles: ['syndic', 'admin'], councilThresholdCents: null, fourEyes: true } });
  });

  it('editing a submitted invoice sends it back to draft and clears its approvals', async () => {
    await app.admin('invoices.setPolicy', { buildingId: b, policy: { approverRoles: ['syndic'], councilThresholdCents: 1000, fourEyes: true } });
    const data = invoice(5000);
    const id = ((await app.as(accountant, 'invoices.create', { data, submit: true })) as { ok: true; value: { id: number } }).value.id;
    await app.as(syndic, 'invoices.approve', { ids: [id] });
    expect((await app.admin('invoices.get', { id })).approvals).toHaveLength(1);
    const upd = await app.as(accountant, 'invoices.update', { id, data: { ...data, amountCents: 5100 } });
    expect(upd.ok && upd.value.status).toBe('draft');
    const detail = await app.admin('invoices.get', { id });
    expect(detail).toMatchObject({ status: 'draft', approvals: [], amountCents: 5100 });
    expect(detail.history.at(-1)).toMatchObject({ action: 'returned_to_draft', fromStatus: 'pending_approval', toStatus: 'draft' });
    await app.admin('invoices.setPolicy', { buildingId: b, policy: { approverRoles: ['syndic', 'admin'], councilThresholdCents: null, fourEyes: true } });
  });

  it('a rejection needs a reason; a rejected invoice edited goes back to draft; approved ones are locked', async () => {
    const data = invoice(7000);
    const id = ((await app.as(accountant, 'invoices.create', { data, submit: true })) as { ok: true; value: { id: number } }).value.id;
    const noReason = await app.as(syndic, 'invoices.reject', { id, reason: '' });
    expect(noReason.ok || noReason.error).toMatchObject({ code: 'VALIDATION', details: { problems: [{ path: ['reason'] }] } });
    expect((await app.as(syndic, 'invoices.reject', { id, reason: 'Montant erroné' })).ok).toBe(true);
    expect(await app.admin('invoices.get', { id })).toMatchObject({ status: 'rejected', rejectionReason: 'Montant erroné' });
    expect((await app.as(accountant, 'invoices.update', { id, data })).ok && (await app.admin('invoices.get', { id })).status).toBe('draft');
    await app.as(accountant, 'invoices.submit', { ids: [id] });
    await app.as(syndic, 'invoices.approve', { ids: [id] });
    const locked = await app.as(accountant, 'invoices.update', { id, data });
    expect(locked.ok || locked.error).toMatchObject({ details: { rule: 'invoice_locked' } });
  });

  it('payment posts 440 / 55x and settles the supplier account', async () => {
    const id = ((await app.as(accountant, 'invoices.create', { data: invoice(33300), submit: true })) as { ok: true; value: { id: number } }).value.id;
    await app.as(syndic, 'invoices.approve', { ids: [id] });
    const notApproved = ((await app.as(accountant, 'invoices.create', { data: invoice(100), submit: false })) as { ok: true; value: { id: number } }).value.id;
    const early = await app.as(accountant, 'invoices.pay', { id: notApproved, date: '2026-06-01' });
    expect(early.ok || early.error).toMatchObject({ details: { rule: 'not_approved' } });
    const paid = await app.as(accountant, 'invoices.pay', { id, date: '2026-06-01' });
    expect(paid.ok).toBe(true);
    const entry = await app.admin('ledger.entry', { entryId: paid.ok ? paid.value.entryId : 0 });
    expect(entry).toMatchObject({ journalCode: 'FIN1', lines: [{ accountCode: `440-${supplier}`, debitCents: 33300 }, { accountCode: '551-01', creditCents: 33300 }] });
    expect((await app.admin('invoices.get', { id })).status).toBe('paid');
  });

  it('approval into a closed fiscal year is refused and the invoice keeps waiting', async () => {
    const c = (await app.admin('buildings.create', building('Clos', 'NL91 ABNA 0417 1643 00'))).id;
    const fy = (await app.admin('ledger.fiscalYears', { buildingId: c }))[0]!;
    await app.admin('ledger.openYear', { buildingId: c, startDate: '2027-01-01', endDate: '2027-12-31' });
    await app.admin('ledger.closeYear', { fiscalYearId: fy.id });
    const id = ((await app.as(accountant, 'invoices.create', { data: { ...invoice(1000), buildingId: c }, submit: true })) as { ok: true; value: { id: number } }).value.id;
    const r = await app.as(syndic, 'invoices.approve', { ids: [id] });
    expect(r.ok && r.value.refused[0]?.rule).toBe('fiscal_year_closed');
    expect(await app.admin('invoices.get', { id })).toMatchObject({ status: 'pending_approval', approvals: [], entryId: null });
  });

  it('the inbox filters, sorts, pages by keyset and counts what waits for me', async () => {
    for (let i = 0; i < 7; i++) await app.as(accountant, 'invoices.create', { data: invoice(1000 + i * 100, { dueDate: `2026-07-${String(10 + i).padStart(2, '0')}` }), submit: true });
    const count = await app.as(syndic2, 'invoices.inboxCount', {});
    const pending = await app.admin('invoices.list', { status: 'pending_approval', limit: 200 });
    expect(count.ok && count.value).toEqual({ waitingForMe: pending.rows.length, pending: pending.rows.length });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: { id: number; amountCents: number }[]; nextCursor: string | null } = await app.admin('invoices.list', { status: 'pending_approval', sort: 'amount', direction: 'desc', limit: 3, cursor });
      seen.push(...page.rows.map((r) => r.amountCents));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
    expect(seen).toHaveLength(pending.rows.length);
    const small = await app.admin('invoices.list', { maxCents: 1200, minCents: 1100, buildingId: b });
    expect(small.rows.every((r) => r.amountCents >= 1100 && r.amountCents <= 1200)).toBe(true);
    const viewOther = await app.as(councilOther, 'invoices.list', {});
    expect(viewOther.ok && viewOther.value.rows.every((r) => r.buildingId === other)).toBe(true);
    const bulk = await app.as(syndic2, 'invoices.approve', { ids: pending.rows.map((r) => r.id) });
    expect(bulk.ok && bulk.value.done.length + bulk.value.refused.length + bulk.value.waiting.length).toBe(pending.rows.length);
    const tb = await app.admin('ledger.trialBalance', { buildingId: b, fiscalYearId: (await app.admin('ledger.fiscalYears', { buildingId: b }))[0]!.id });
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
  });
});

describe('invoices approved from the command line (SQLite)', () => {
  it('an invoice approved by the CLI opens with its approval named', async () => {
    const app = await testApp('sqlite', () => NOW);
    const b = (await app.admin('buildings.create', building('Cli', 'BE68 5390 0754 7034'))).id;
    const s = (await app.admin('suppliers.create', { name: 'Cli SA' })).id;
    const { id } = await app.admin('invoices.create', { data: { buildingId: b, supplierId: s, number: 'C-1', invoiceDate: '2026-05-10', dueDate: '2026-06-10', amountCents: 1000, expenseAccount: '6105' }, submit: true });
    await app.admin('invoices.approve', { ids: [id] });
    expect(await app.admin('invoices.get', { id })).toMatchObject({ status: 'approved', approvals: [{ userId: 0, name: 'koprogo (CLI)' }] });
    await app.close();
  });
});
