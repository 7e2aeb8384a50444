import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeOgm } from '../../src-shared/values/ogm.js';
import { applyAllocations, autoPick, ogmsInText, spreadOverOwner, suggest, type Books, type CallLineFacts, type MovementFacts } from './reconciliation.js';

const ogm = (base: string) => makeOgm(base).replace(/\D/g, '');
const line = (id: number, ownerId: number, amountCents: number, dueDate: string, openCents = amountCents): CallLineFacts => ({
  id, callId: 1, ownerId, ogm: ogm(String(1000000000 + id)), amountCents, openCents, dueDate, label: `T${id}`, kind: 'working',
});
const books: Books = {
  lines: [line(1, 10, 25000, '2026-01-31'), line(2, 10, 25000, '2026-04-30'), line(3, 11, 40000, '2026-01-31'), line(4, 12, 30000, '2026-01-31', 0)],
  owners: [
    { id: 10, name: 'Dupont', firstName: 'Jean', ibans: ['BE71096123456769'] },
    { id: 11, name: 'Lefèvre-Noël', firstName: 'Françoise', ibans: [] },
    { id: 12, name: 'Peeters', firstName: 'An', ibans: [] },
  ],
  invoices: [
    { id: 7, supplierId: 3, supplierName: 'Ascenseurs Sécurité SRL', supplierIban: 'BE15001765432130', number: 'F-2026-0441', paymentReference: null, openCents: 72600, dueDate: '2026-03-31' },
    { id: 8, supplierId: 4, supplierName: 'Énergie Bruxelles SA', supplierIban: 'BE31091001234555', number: '2026-0331', paymentReference: ogm('0900000123'), openCents: 48400, dueDate: '2026-04-15' },
  ],
};
const credit = (amountCents: number, extra: Partial<MovementFacts> = {}): MovementFacts => ({ amountCents, date: '2026-03-31', counterpartyName: null, counterpartyAccount: null, structuredReference: null, communication: null, ...extra });

describe('matching a credit to calls for funds', () => {
  it('the OGM of a call with the exact amount is certain', () => {
    const [best] = suggest(credit(25000, { structuredReference: books.lines[0]!.ogm }), books);
    expect(best).toMatchObject({ confidence: 100, rule: 'ogm', allocations: [{ kind: 'call_line', callLineId: 1, ownerId: 10, amountCents: 25000 }] });
    expect(autoPick(suggest(credit(25000, { structuredReference: books.lines[0]!.ogm }), books))).not.toBeNull();
  });

  it('less than due leaves the rest open: a partial payment', () => {
    const [best] = suggest(credit(10000, { structuredReference: books.lines[0]!.ogm }), books);
    expect(best).toMatchObject({ confidence: 95, allocations: [{ callLineId: 1, amountCents: 10000 }] });
    expect(best!.reason).toContain('150.00 left to pay');
  });

  it('one transfer for two calls pays the named one, then the others oldest first; the rest is a credit', () => {
    const [grouped] = suggest(credit(50000, { structuredReference: books.lines[1]!.ogm }), books);
    expect(grouped!.allocations).toEqual([
      { kind: 'call_line', callLineId: 2, ownerId: 10, amountCents: 25000 },
      { kind: 'call_line', callLineId: 1, ownerId: 10, amountCents: 25000 },
    ]);
    const [over] = suggest(credit(60000, { structuredReference: books.lines[0]!.ogm }), books);
    expect(over!.allocations.at(-1)).toEqual({ kind: 'owner_credit', ownerId: 10, amountCents: 10000 });
  });

  it('the OGM of a call already paid is kept as a credit of its owner', () => {
    const [best] = suggest(credit(30000, { structuredReference: books.lines[3]!.ogm }), books);
    expect(best).toMatchObject({ confidence: 85, allocations: [{ kind: 'owner_credit', ownerId: 12, amountCents: 30000 }] });
  });

  it('reads an OGM typed in the free communication, in the usual writings', () => {
    const o = books.lines[2]!.ogm;
    expect(ogmsInText(`AANDEEL WERKKAPITAAL +++${o.slice(0, 3)}/${o.slice(3, 7)}/${o.slice(7)}+++`)).toEqual([o]);
    expect(ogmsInText(`provision ${o.slice(0, 3)} ${o.slice(3, 7)} ${o.slice(7)} merci`)).toEqual([o]);
    expect(ogmsInText(`ref ${o}`)).toEqual([o]);
    expect(ogmsInText('facture 123456789012')).toEqual([]); // fails mod 97
    const [best] = suggest(credit(40000, { communication: `VCS ***${o.slice(0, 3)}/${o.slice(3, 7)}/${o.slice(7)}***` }), books);
    expect(best).toMatchObject({ confidence: 95, rule: 'ogm_text', allocations: [{ callLineId: 3 }] });
  });

  it('the owner’s IBAN and the exact amount, or the name and the exact amount', () => {
    const [byIban] = suggest(credit(25000, { counterpartyAccount: 'BE71 0961 2345 6769' }), books);
    expect(byIban).toMatchObject({ confidence: 90, rule: 'iban_amount', allocations: [{ callLineId: 1, amountCents: 25000 }] });
    const [byName] = suggest(credit(40000, { counterpartyName: 'MME FRANCOISE LEFEVRE NOEL' }), books);
    expect(byName).toMatchObject({ confidence: 85, rule: 'name_amount', allocations: [{ callLineId: 3 }] });
    const [surname] = suggest(credit(40000, { communication: 'charges lefevre noel' }), books);
    expect(surname!.confidence).toBeLessThan(85);
  });

  it('auto-matching stays away from a close second', () => {
    const two: Books = { ...books, owners: books.owners.map((o) => (o.id === 11 ? { ...o, ibans: ['BE71096123456769'] } : o)), lines: books.lines.map((l) => (l.id === 3 ? { ...l, openCents: 25000, amountCents: 25000 } : l)) };
    expect(autoPick(suggest(credit(25000, { counterpartyAccount: 'BE71096123456769' }), two))).toBeNull();
  });

  it('a payment always spreads to exactly its amount, never above a line’s open amount', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200000 }), fc.array(fc.integer({ min: 0, max: 50000 }), { maxLength: 5 }), (amount, opens) => {
      const lines = opens.map((o, i) => line(i + 1, 10, 50000, `2026-0${(i % 9) + 1}-01`, o));
      const a = spreadOverOwner(amount, 10, lines);
      expect(a.reduce((s, x) => s + x.amountCents, 0)).toBe(amount);
      for (const x of a) if (x.kind === 'call_line') expect(x.amountCents).toBeLessThanOrEqual(lines.find((l) => l.id === x.callLineId)!.openCents);
      const after = applyAllocations({ lines, owners: [], invoices: [] }, a);
      expect(after.lines.every((l) => l.openCents >= 0)).toBe(true);
    }));
  });
});

describe('matching a debit to invoices', () => {
  const debit = (amountCents: number, extra: Partial<MovementFacts> = {}) => credit(-amountCents, extra);
  it('the supplier’s payment reference, its IBAN and amount, or the invoice number in the communication', () => {
    expect(suggest(debit(48400, { structuredReference: ogm('0900000123') }), books)[0]).toMatchObject({ confidence: 100, rule: 'invoice_ref', allocations: [{ invoiceId: 8 }] });
    expect(suggest(debit(72600, { counterpartyAccount: 'BE15001765432130' }), books)[0]).toMatchObject({ confidence: 90, rule: 'iban_amount', allocations: [{ invoiceId: 7 }] });
    expect(suggest(debit(72600, { communication: 'Facture F-2026-0441 entretien' }), books)[0]).toMatchObject({ confidence: 90, rule: 'invoice_number' });
    expect(suggest(debit(72600, { counterpartyName: 'ASCENSEURS SECURITE' }), books)[0]).toMatchObject({ confidence: 75, rule: 'name_amount' });
  });
  it('a credit is never matched to an invoice, a debit never to a call', () => {
    expect(suggest(credit(72600, { communication: 'F-2026-0441' }), books)).toEqual([]);
    expect(suggest(debit(25000, { structuredReference: books.lines[0]!.ogm }), books)).toEqual([]);
  });
});
