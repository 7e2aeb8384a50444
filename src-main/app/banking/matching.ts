import type { EntityManager } from '@mikro-orm/knex';
import { BankAllocationSchema, BankMovementSchema, BankStatementSchema, InvoiceEventSchema, InvoiceSchema, JournalEntrySchema, JournalSchema, LedgerAccountSchema, OwnershipSchema, type BankMovement } from '../../db/entities/index.js';
import { reversal, type EntryLine } from '../../domain/ledger.js';
import { applyAllocations, autoPick, suggest, type Allocation, type MatchRule, type MovementFacts } from '../../domain/reconciliation.js';
import type { HandlerContext } from '../context.js';
import { DomainRuleError, NotFoundError } from '../errors.js';
import { ensureOwnerAccounts } from '../finance/bookkeeping-setup.js';
import { ensureSupplierAccount } from '../finance/invoices.handlers.js';
import { entryDetail, postEntry } from '../finance/posting.js';
import { isoDay, loadBooks, type BuildingBooks, type CallLineView, type InvoiceView } from './books.js';

/** The suspense account (comptes d'attente / wachtrekeningen, AR 12/07/2012): every movement waits here until matched. */
export const SUSPENSE_ACCOUNT = '499';

export const movementFacts = (m: BankMovement): MovementFacts => ({
  amountCents: m.amountCents, date: isoDay(m.date), counterpartyName: m.counterpartyName ?? null, counterpartyAccount: m.counterpartyAccount ?? null,
  structuredReference: m.structuredReference ?? null, communication: m.communication ?? null,
});

/** The bank journal (FINn) and ledger account (55x-nn) of a statement's bank account. */
export async function bankBooksOf(em: EntityManager, buildingId: number, bankAccountId: number): Promise<{ journalCode: string; accountCode: string }> {
  const journal = await em.findOne(JournalSchema, { building: buildingId, bankAccount: bankAccountId });
  const account = await em.findOne(LedgerAccountSchema, { building: buildingId, bankAccount: bankAccountId });
  if (!journal || !account) throw new DomainRuleError('no_bank_journal', 'This bank account has no journal or ledger account in the building’s books');
  return { journalCode: journal.code, accountCode: account.code };
}

const ogmLabel = (d: string) => `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;

/** A short label of what an allocation pays, for entry lines and screens. */
export function allocationLabel(a: Allocation, books: { lines: CallLineView[]; invoices: InvoiceView[] }, ownerName?: (id: number) => string | undefined): string {
  if (a.kind === 'call_line') {
    const l = books.lines.find((x) => x.id === a.callLineId);
    return l ? `${l.ownerName} — ${l.label} ${ogmLabel(l.ogm)}` : `Appel #${a.callLineId}`;
  }
  if (a.kind === 'invoice') {
    const i = books.invoices.find((x) => x.id === a.invoiceId);
    return i ? `${i.supplierName} ${i.number}` : `Facture #${a.invoiceId}`;
  }
  return `${ownerName?.(a.ownerId) ?? books.lines.find((l) => l.ownerId === a.ownerId)?.ownerName ?? `#${a.ownerId}`} — avoir / tegoed`;
}

export interface MatchContext {
  books: BuildingBooks;
  /** Owner and supplier sub-accounts already known to exist in this run */
  accounts: Set<string>;
  /** Bank journal and ledger account per statement id */
  bankBooks: Map<number, { journalCode: string; accountCode: string }>;
}

export async function matchContext(em: EntityManager, buildingId: number): Promise<MatchContext> {
  return { books: await loadBooks(em, buildingId), accounts: new Set(), bankBooks: new Map() };
}

type Requested = { callLineId?: number | undefined; invoiceId?: number | undefined; ownerId?: number | undefined; amountCents: number };

/** The caller's allocations checked against the open amounts; names the allocation at fault. */
export async function resolveAllocations(em: EntityManager, movement: BankMovement, requested: Requested[], mc: MatchContext): Promise<Allocation[]> {
  const credit = movement.amountCents > 0;
  const out: Allocation[] = [];
  const lineTake = new Map<number, number>(), invoiceTake = new Map<number, number>();
  for (const [i, r] of requested.entries()) {
    const path = ['allocations', i];
    if (r.callLineId !== undefined) {
      const line = mc.books.lines.find((l) => l.id === r.callLineId);
      if (!line) throw new DomainRuleError('unknown_call_line', `Call line ${r.callLineId} is not a call of this building`, { path: [...path, 'callLineId'] });
      if (!credit) throw new DomainRuleError('wrong_direction', 'A payment going out cannot pay a call for funds', { path });
      const taken = (lineTake.get(line.id) ?? 0) + r.amountCents;
      if (taken > line.openCents) throw new DomainRuleError('over_allocated', `${line.ownerName} — ${line.label}: only ${line.openCents} cents are still due; allocate the rest as a credit on the owner’s account`, { path: [...path, 'amountCents'], openCents: line.openCents });
      lineTake.set(line.id, taken);
      out.push({ kind: 'call_line', callLineId: line.id, ownerId: line.ownerId, amountCents: r.amountCents });
    } else if (r.invoiceId !== undefined) {
      const inv = mc.books.invoices.find((x) => x.id === r.invoiceId);
      if (!inv) throw new DomainRuleError('unknown_invoice', `Invoice ${r.invoiceId} is not an approved invoice of this building still to pay`, { path: [...path, 'invoiceId'] });
      if (credit) throw new DomainRuleError('wrong_direction', 'Money coming in cannot pay a supplier’s invoice', { path });
      const taken = (invoiceTake.get(inv.id) ?? 0) + r.amountCents;
      if (taken > inv.openCents) throw new DomainRuleError('over_allocated', `${inv.supplierName} ${inv.number}: only ${inv.openCents} cents are still to pay`, { path: [...path, 'amountCents'], openCents: inv.openCents });
      invoiceTake.set(inv.id, taken);
      out.push({ kind: 'invoice', invoiceId: inv.id, supplierId: inv.supplierId, amountCents: r.amountCents });
    } else {
      const ownerId = r.ownerId as number;
      const known = mc.books.lines.some((l) => l.ownerId === ownerId)
        || (await em.count(OwnershipSchema, { owner: ownerId, lot: { building: movement.building.id } })) > 0;
      if (!known) throw new DomainRuleError('unknown_owner', `Owner ${ownerId} has no lot and no call in this building`, { path: [...path, 'ownerId'] });
      out.push({ kind: 'owner_credit', ownerId, amountCents: r.amountCents });
    }
  }
  const total = out.reduce((s, a) => s + a.amountCents, 0);
  const room = Math.abs(movement.amountCents) - movement.allocatedCents;
  if (total > room) throw new DomainRuleError('movement_over_allocated', `The allocations (${total} cents) exceed what the movement has left to match (${room} cents)`, { path: ['allocations'] });
  return out;
}

/**
 * Posts the match and records it: D 499 / C 4100-4101-<owner> for money in, D 440-<supplier>
 * (or 4101-<owner> for a refund) / C 499 for money out, dated on the movement. An invoice
 * paid in full becomes `paid`.
 */
export async function applyMatch(ctx: HandlerContext, movement: BankMovement, allocations: Allocation[], rule: MatchRule, confidence: number | null, mc: MatchContext): Promise<number> {
  const em = ctx.em;
  const buildingId = movement.building.id;
  const credit = movement.amountCents > 0;
  const account = async (a: Allocation): Promise<string> => {
    let code: string;
    if (a.kind === 'invoice') {
      code = `440-${a.supplierId}`;
      if (!mc.accounts.has(code)) await ensureSupplierAccount(em, buildingId, a.supplierId);
    } else {
      const kind = a.kind === 'call_line' ? mc.books.lines.find((l) => l.id === a.callLineId)?.kind : 'working';
      code = `${kind === 'reserve' ? '4100' : '4101'}-${a.ownerId}`;
      if (!mc.accounts.has(code)) await ensureOwnerAccounts(em, buildingId, a.ownerId);
    }
    mc.accounts.add(code);
    return code;
  };
  const total = allocations.reduce((s, a) => s + a.amountCents, 0);
  const byAccount = new Map<string, { cents: number; label: string }>();
  for (const a of allocations) {
    const code = await account(a);
    const seen = byAccount.get(code);
    byAccount.set(code, { cents: (seen?.cents ?? 0) + a.amountCents, label: seen?.label ?? allocationLabel(a, mc.books) });
  }
  const lines: EntryLine[] = [];
  const what = `${movement.counterpartyName ?? ''} ${movement.structuredReference ? ogmLabel(movement.structuredReference) : (movement.communication ?? '')}`.trim().slice(0, 200);
  if (credit) {
    lines.push({ accountCode: SUSPENSE_ACCOUNT, debitCents: total, creditCents: 0, label: what || null });
    for (const [code, v] of byAccount) lines.push({ accountCode: code, debitCents: 0, creditCents: v.cents, label: v.label.slice(0, 300) });
  } else {
    for (const [code, v] of byAccount) lines.push({ accountCode: code, debitCents: v.cents, creditCents: 0, label: v.label.slice(0, 300) });
    lines.push({ accountCode: SUSPENSE_ACCOUNT, debitCents: 0, creditCents: total, label: what || null });
  }
  const statementBank = mc.bankBooks.get(movement.statement.id) ?? (await bankBooksOfStatement(em, movement));
  mc.bankBooks.set(movement.statement.id, statementBank);
  const entry = await postEntry(em, {
    buildingId, journalCode: statementBank.journalCode, date: isoDay(movement.date), description: `Rapprochement ${what}`.slice(0, 300), lines, sourceType: 'bank_match', sourceId: movement.id,
  }, ctx.actor.label, ctx.now());

  for (const a of allocations) {
    em.create(BankAllocationSchema, {
      movement, building: buildingId, kind: a.kind, callLine: a.kind === 'call_line' ? a.callLineId : null, invoice: a.kind === 'invoice' ? a.invoiceId : null,
      owner: a.kind === 'invoice' ? null : a.ownerId, amountCents: a.amountCents, rule, confidence, entryId: entry.id, createdAt: ctx.now(), createdBy: ctx.actor.label, reversalEntryId: null, reversedAt: null,
    });
  }
  movement.allocatedCents += total;
  movement.status = movement.allocatedCents >= Math.abs(movement.amountCents) ? 'matched' : 'partial';
  mc.books = applyAllocations(mc.books, allocations);
  for (const a of allocations) {
    if (a.kind !== 'invoice') continue;
    const open = mc.books.invoices.find((i) => i.id === a.invoiceId)?.openCents ?? 0;
    if (open > 0) continue;
    const inv = await em.findOneOrFail(InvoiceSchema, { id: a.invoiceId });
    if (inv.status !== 'approved') continue;
    Object.assign(inv, { status: 'paid', paymentEntryId: entry.id, updatedAt: ctx.now() });
    em.create(InvoiceEventSchema, { invoice: inv, at: ctx.now(), actor: ctx.actor.label, action: 'paid', fromStatus: 'approved', toStatus: 'paid', note: `bank movement #${movement.id} of ${isoDay(movement.date)}` });
  }
  // No flush here: the caller flushes once (an import matches hundreds of movements in one unit of work).
  return entry.id;
}

async function bankBooksOfStatement(em: EntityManager, movement: BankMovement) {
  const st = await em.findOneOrFail(BankStatementSchema, { id: movement.statement.id });
  return bankBooksOf(em, movement.building.id, st.bankAccount.id);
}

/** Posts the reversal of an entry on its journal and date, and links both (as ledger.reverse). */
async function reverseEntry(ctx: HandlerContext, entryId: number, description: string): Promise<number> {
  const original = await ctx.em.findOne(JournalEntrySchema, { id: entryId }, { populate: ['journal'] });
  if (!original) throw new NotFoundError('Entry', entryId);
  if (original.reversedById) return original.reversedById;
  const detail = await entryDetail(ctx.em, entryId);
  const e = await postEntry(ctx.em, {
    buildingId: original.building.id, journalCode: original.journal.code, date: isoDay(original.date), description: `${description} ${detail.reference}`.slice(0, 300),
    lines: reversal(detail.lines.map((l) => ({ accountCode: l.accountCode, debitCents: l.debitCents, creditCents: l.creditCents, label: l.label }))),
    sourceType: 'reversal', sourceId: entryId, reversalOfId: entryId,
  }, ctx.actor.label, ctx.now());
  original.reversedById = e.id;
  return e.id;
}

/**
 * Undoes every active match of a movement: each match entry is reversed (dated as the
 * entry it cancels, so the period's balances are restored), the allocations are kept with
 * their reversal, paid invoices go back to approved.
 */
export async function unmatchMovement(ctx: HandlerContext, movement: BankMovement): Promise<number[]> {
  const active = await ctx.em.find(BankAllocationSchema, { movement: movement.id, reversalEntryId: null }, { orderBy: { id: 'asc' } });
  if (active.length === 0) throw new DomainRuleError('movement_not_matched', 'This movement is not matched');
  const reversals: number[] = [];
  for (const entryId of [...new Set(active.map((a) => a.entryId))]) {
    const rev = await reverseEntry(ctx, entryId, 'Annulation rapprochement');
    reversals.push(rev);
    for (const a of active.filter((x) => x.entryId === entryId)) Object.assign(a, { reversalEntryId: rev, reversedAt: ctx.now() });
  }
  for (const invoiceId of [...new Set(active.map((a) => a.invoice?.id).filter((x): x is number => x !== undefined))]) {
    const inv = await ctx.em.findOneOrFail(InvoiceSchema, { id: invoiceId });
    if (inv.status !== 'paid' || !active.some((a) => a.entryId === inv.paymentEntryId)) continue;
    Object.assign(inv, { status: 'approved', paymentEntryId: null, updatedAt: ctx.now() });
    ctx.em.create(InvoiceEventSchema, { invoice: inv, at: ctx.now(), actor: ctx.actor.label, action: 'payment_unmatched', fromStatus: 'paid', toStatus: 'approved', note: `bank movement #${movement.id}` });
  }
  movement.allocatedCents = 0;
  movement.status = 'unmatched';
  await ctx.em.flush();
  return reversals;
}

/** Matches what is confident enough among the given movements (unmatched ones), oldest first; returns how many. */
export async function autoMatchMovements(ctx: HandlerContext, buildingId: number, movements: BankMovement[], threshold?: number): Promise<number> {
  const todo = movements.filter((m) => m.status === 'unmatched' && m.amountCents !== 0).sort((a, b) => (isoDay(a.date) < isoDay(b.date) ? -1 : isoDay(a.date) > isoDay(b.date) ? 1 : a.id - b.id));
  if (todo.length === 0) return 0;
  const mc = await matchContext(ctx.em, buildingId);
  let matched = 0;
  for (const m of todo) {
    const pick = autoPick(suggest(movementFacts(m), mc.books), threshold);
    if (!pick) continue;
    await applyMatch(ctx, m, pick.allocations, pick.rule, pick.confidence, mc);
    matched++;
  }
  await ctx.em.flush();
  return matched;
}

export async function loadMovement(em: EntityManager, movementId: number): Promise<BankMovement> {
  const m = await em.findOne(BankMovementSchema, { id: movementId });
  if (!m) throw new NotFoundError('Bank movement', movementId);
  return m;
}
