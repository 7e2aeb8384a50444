import { BankAccountSchema, OwnerSchema, type BankAccount } from '../../db/entities/index.js';
import { isValidIban } from '../../../src-shared/values/iban.js';
import { isValidOgm } from '../../../src-shared/values/ogm.js';
import { isValidRf } from '../../domain/bank/references.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DomainRuleError } from '../errors.js';
import { ownerDisplayName } from '../portfolio/mappers.js';
import { buildingInScope } from '../scope.js';
import { callLines, isoDay, openInvoices } from './books.js';
import { pain001, pain008, type CreditTransfer, type DirectDebit, type DirectDebitBatch, type Remittance } from './sepa-xml.js';

const stamp = (d: Date) => d.toISOString().replace(/\D/g, '').slice(0, 14);
const slugOf = (name: string) => name.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

/** The supplier's reference when it is one a bank carries structured (OGM or RF); else the invoice number as text. */
function invoiceRemittance(paymentReference: string | null, number: string): Remittance {
  const ref = paymentReference?.replace(/[\s+*/]/g, '') ?? '';
  if (ref && ((/^\d{12}$/.test(ref) && isValidOgm(ref)) || isValidRf(ref))) return { structured: ref.toUpperCase() };
  return { unstructured: number };
}

async function accountsOf(ctx: HandlerContext, buildingId: number): Promise<BankAccount[]> {
  const banks = await ctx.em.find(BankAccountSchema, { building: buildingId }, { orderBy: { id: 'asc' } });
  if (banks.length === 0) throw new DomainRuleError('no_bank_account', 'The building has no bank account');
  return banks;
}

export const sepaHandlers: Handlers<'sepa.settings' | 'sepa.setCreditorId' | 'sepa.payments' | 'sepa.directDebits'> = {
  'sepa.settings': async ({ buildingId }, ctx) => {
    const b = await buildingInScope(ctx, buildingId);
    const owners = await callLines(ctx.em, buildingId);
    const ids = [...new Set(owners.map((l) => l.ownerId))];
    const mandates = ids.length ? await ctx.em.count(OwnerSchema, { id: { $in: ids }, sepaMandateId: { $ne: null } }) : 0;
    return { creditorId: b.sepaCreditorId ?? null, mandates };
  },

  'sepa.setCreditorId': async ({ buildingId, creditorId }, ctx) => {
    const b = await buildingInScope(ctx, buildingId);
    const before = b.sepaCreditorId ?? null;
    b.sepaCreditorId = creditorId;
    b.updatedAt = ctx.now();
    ctx.audit('sepa.setCreditorId', 'building', buildingId, { creditorId: before }, { creditorId });
    return { buildingId, creditorId };
  },

  'sepa.payments': async ({ buildingId, executionDate, invoiceIds, bankAccountId }, ctx) => {
    const building = await buildingInScope(ctx, buildingId);
    const banks = await accountsOf(ctx, buildingId);
    const debtor = bankAccountId !== undefined ? banks.find((b) => b.id === bankAccountId) : (banks.find((b) => b.purpose === 'working') ?? banks[0]);
    if (!debtor) throw new DomainRuleError('unknown_bank_account', 'This is not a bank account of the building', { path: ['bankAccountId'] });
    const open = await openInvoices(ctx.em, buildingId);
    const skipped: { invoiceId: number; reason: string }[] = [];
    const wanted = invoiceIds ? [...new Set(invoiceIds)] : open.map((i) => i.id);
    const transactions: CreditTransfer[] = [];
    const paid: number[] = [];
    for (const id of wanted) {
      const inv = open.find((i) => i.id === id);
      if (!inv) {
        skipped.push({ invoiceId: id, reason: 'not an approved invoice of this building still to pay' });
        continue;
      }
      if (!inv.supplierIban || !isValidIban(inv.supplierIban)) {
        skipped.push({ invoiceId: id, reason: `${inv.supplierName} has no valid IBAN` });
        continue;
      }
      transactions.push({ endToEndId: `KPG-INV-${inv.id}`, amountCents: inv.openCents, creditor: { name: inv.supplierName, iban: inv.supplierIban }, remittance: invoiceRemittance(inv.paymentReference, inv.number) });
      paid.push(inv.id);
    }
    if (transactions.length === 0) throw new DomainRuleError('nothing_to_pay', 'No approved invoice to pay with a supplier IBAN', { skipped });
    const messageId = `KPG-${buildingId}-${stamp(ctx.now())}`;
    const xml = pain001({ messageId, createdAt: ctx.now(), initiatingParty: `ACP ${building.name}` }, [
      { paymentInfoId: `${messageId}-1`, executionDate, debtor: { name: `ACP ${building.name}`, iban: debtor.iban }, transactions },
    ]);
    return {
      fileName: `sepa-virements-${executionDate}-${slugOf(building.name)}.xml`, mimeType: 'application/xml' as const, contentBase64: b64(xml), messageId,
      transactions: transactions.length, controlSumCents: transactions.reduce((s, t) => s + t.amountCents, 0), invoiceIds: paid, skipped,
    };
  },

  'sepa.directDebits': async ({ buildingId, collectionDate, callId }, ctx) => {
    const building = await buildingInScope(ctx, buildingId);
    if (!building.sepaCreditorId) throw new DomainRuleError('no_creditor_id', 'The ACP has no SEPA creditor identifier: set it first (sepa.setCreditorId)');
    const today = ctx.now().toISOString().slice(0, 10);
    if (collectionDate <= today) throw new DomainRuleError('collection_date', 'A SEPA Core collection is dated at least one banking day after the file is sent', { path: ['collectionDate'] });
    const banks = await accountsOf(ctx, buildingId);
    const lines = (await callLines(ctx.em, buildingId, { onlyOpen: true, ...(callId !== undefined ? { callId } : {}) })).filter((l) => callId !== undefined || l.dueDate <= collectionDate);
    const ownerIds = [...new Set(lines.map((l) => l.ownerId))];
    const owners = ownerIds.length ? await ctx.em.find(OwnerSchema, { id: { $in: ownerIds }, sepaMandateId: { $ne: null } }) : [];
    const skipped: { ownerId: number; reason: string }[] = [];
    const batches = new Map<string, DirectDebitBatch>();
    const messageId = `KPG-DD-${buildingId}-${stamp(ctx.now())}`;
    let first = 0, recurring = 0;
    for (const o of owners) {
      const signedOn = o.sepaMandateSignedOn ? isoDay(o.sepaMandateSignedOn) : null;
      if (!o.iban || !isValidIban(o.iban) || !signedOn) {
        skipped.push({ ownerId: o.id, reason: 'the mandate lacks the IBAN or its signature date' });
        continue;
      }
      if (signedOn > collectionDate) {
        skipped.push({ ownerId: o.id, reason: `the mandate is signed on ${signedOn}, after the collection date` });
        continue;
      }
      const seq = o.sepaLastCollectionOn ? 'RCUR' : 'FRST';
      // One collection per owner and account: the calls of a fund are paid into its account; the OGM of the oldest call lets the statement match them all.
      for (const kind of ['working', 'reserve'] as const) {
        const mine = lines.filter((l) => l.ownerId === o.id && l.kind === kind);
        if (mine.length === 0) continue;
        const account = banks.find((b) => b.purpose === kind) ?? banks.find((b) => b.purpose === 'working') ?? (banks[0] as BankAccount);
        const key = `${account.id}-${seq}`;
        if (!batches.has(key)) {
          batches.set(key, { paymentInfoId: `${messageId}-${batches.size + 1}`, collectionDate, sequenceType: seq, creditor: { name: `ACP ${building.name}`, iban: account.iban, creditorId: building.sepaCreditorId }, transactions: [] });
        }
        const oldest = mine[0] as (typeof mine)[number];
        const tx: DirectDebit = {
          endToEndId: `KPG-DD-${oldest.id}`, amountCents: mine.reduce((s, l) => s + l.openCents, 0), mandateId: o.sepaMandateId as string, mandateSignedOn: signedOn,
          debtor: { name: ownerDisplayName(o), iban: o.iban }, remittance: { structured: oldest.ogm },
        };
        batches.get(key)?.transactions.push(tx);
        if (seq === 'FRST') first++;
        else recurring++;
      }
      o.sepaLastCollectionOn = collectionDate;
    }
    const list = [...batches.values()];
    const all = list.flatMap((b) => b.transactions);
    if (all.length === 0) throw new DomainRuleError('nothing_to_collect', 'No open call of an owner with a SEPA mandate to collect', { skipped });
    const xml = pain008({ messageId, createdAt: ctx.now(), initiatingParty: `ACP ${building.name}` }, list);
    ctx.audit('sepa.directDebits', 'building', buildingId, null, { messageId, collectionDate, transactions: all.length, first, recurring });
    return {
      fileName: `sepa-domiciliations-${collectionDate}-${slugOf(building.name)}.xml`, mimeType: 'application/xml' as const, contentBase64: b64(xml), messageId,
      transactions: all.length, controlSumCents: all.reduce((s, t) => s + t.amountCents, 0), first, recurring, skipped,
    };
  },
};
