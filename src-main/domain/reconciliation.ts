/**
 * Bank reconciliation: which open call-for-funds lines (appels de fonds / opvragingen) or
 * approved invoices a bank movement pays, with a confidence score and a reason. Pure: the
 * handlers load the open amounts, this proposes; nothing here reads or writes the books.
 *
 * Rules, strongest first (docs/banking.md):
 * 1. the structured reference (OGM/VCS) of the movement is the OGM of a call line, or the
 *    payment reference of an invoice;
 * 2. an OGM typed in the free communication (`+++123/4567/89002+++`, `123456789002`…);
 * 3. the counterparty's IBAN is the owner's (or the supplier's) and the amount fits;
 * 4. free-text hints: an invoice number, the owner's or supplier's name.
 * An owner's payment is spread over the owner's open lines: the line named by the OGM
 * first, then the others, oldest due date first (a grouped payment); what is left over
 * is kept as a credit on the owner's account (4101). Less than due leaves the line open
 * for the rest (a partial payment).
 */
import { isValidOgm, ogmDigits } from '../../src-shared/values/ogm.js';
import { normalizeIban } from '../../src-shared/values/iban.js';
import type { MATCH_RULES } from '../../src-shared/contract/banking.js';

export interface MovementFacts {
  /** Credits (money in) positive, debits negative. */
  amountCents: number;
  date: string;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  structuredReference: string | null;
  communication: string | null;
}

export interface CallLineFacts {
  id: number;
  callId: number;
  ownerId: number;
  /** 12 digits */
  ogm: string;
  amountCents: number;
  /** What is still to pay: the amount less the active allocations (0 when paid). */
  openCents: number;
  dueDate: string;
  label: string;
  kind: 'working' | 'reserve';
}

export interface OwnerFacts {
  id: number;
  /** Surname or company name */
  name: string;
  firstName: string | null;
  /** The owner's own IBAN and the accounts it paid from before (matched movements). */
  ibans: string[];
}

export interface InvoiceFacts {
  id: number;
  supplierId: number;
  supplierName: string;
  supplierIban: string | null;
  number: string;
  /** OGM digits or an RF reference the supplier asks to quote */
  paymentReference: string | null;
  openCents: number;
  dueDate: string;
}

/** What the reconciliation knows of a building: every call line (paid ones too), its owners, its invoices still to pay. */
export interface Books {
  lines: CallLineFacts[];
  owners: OwnerFacts[];
  invoices: InvoiceFacts[];
}

export type Allocation =
  | { kind: 'call_line'; callLineId: number; ownerId: number; amountCents: number }
  | { kind: 'invoice'; invoiceId: number; supplierId: number; amountCents: number }
  | { kind: 'owner_credit'; ownerId: number; amountCents: number };

export type MatchRule = (typeof MATCH_RULES)[number];

export interface Candidate {
  allocations: Allocation[];
  /** 0–100 */
  confidence: number;
  rule: MatchRule;
  reason: string;
}

/** Candidates at or above this confidence are applied by auto-matching when nothing else comes close. */
export const AUTO_MATCH_THRESHOLD = 85;
/** How far ahead the best candidate must be of a different second one to be applied automatically. */
export const AUTO_MATCH_MARGIN = 10;

const euros = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const ogmText = (d: string) => `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;

/** Lower case, no accents, words of letters and digits separated by one space. */
export function normalizeText(s: string | null): string {
  if (!s) return '';
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const LEGAL_FORMS = new Set(['sa', 'nv', 'srl', 'bv', 'sprl', 'bvba', 'scrl', 'cvba', 'asbl', 'vzw', 'sc', 'cv', 'snc', 'vof']);
const nameWords = (s: string) => normalizeText(s).split(' ').filter((w) => w.length >= 2 && !LEGAL_FORMS.has(w));

/** Whether every word of `name` appears as a word of `text` (both normalized). */
function containsWords(text: string, words: string[]): boolean {
  if (words.length === 0) return false;
  const have = new Set(text.split(' '));
  return words.every((w) => have.has(w));
}

/** The valid OGMs typed in a free communication: `+++ddd/dddd/ddddd+++`, `***…***`, or 12 digits in a row. */
export function ogmsInText(text: string | null): string[] {
  if (!text) return [];
  const found = new Set<string>();
  const patterns = [/(?:\+{3}|\*{3})\s*([\d\s/.]{12,20}?)\s*(?:\+{3}|\*{3})/g, /(?<!\d)(\d{3}[\s/.]?\d{4}[\s/.]?\d{5})(?!\d)/g];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const d = ogmDigits(m[1] ?? '');
      if (d && isValidOgm(d)) found.add(d);
    }
  }
  return [...found];
}

const byDue = (a: { dueDate: string; id: number }, b: { dueDate: string; id: number }) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id);

/**
 * An owner's payment spread over its open lines — `first` before the others, then by due
 * date — and the rest as a credit on the owner's account.
 */
export function spreadOverOwner(amountCents: number, ownerId: number, lines: readonly CallLineFacts[], first: number | null = null): Allocation[] {
  const open = lines.filter((l) => l.ownerId === ownerId && l.openCents > 0).sort(byDue);
  const ordered = first === null ? open : [...open.filter((l) => l.id === first), ...open.filter((l) => l.id !== first)];
  const out: Allocation[] = [];
  let left = amountCents;
  for (const l of ordered) {
    if (left <= 0) break;
    const take = Math.min(left, l.openCents);
    out.push({ kind: 'call_line', callLineId: l.id, ownerId, amountCents: take });
    left -= take;
  }
  if (left > 0) out.push({ kind: 'owner_credit', ownerId, amountCents: left });
  return out;
}

/** Invoices of one supplier paid by one amount: the one whose open amount is exact, else all of them oldest first. */
function spreadOverInvoices(amountCents: number, invoices: readonly InvoiceFacts[]): Allocation[] {
  const out: Allocation[] = [];
  let left = amountCents;
  for (const inv of [...invoices].filter((i) => i.openCents > 0).sort(byDue)) {
    if (left <= 0) break;
    const take = Math.min(left, inv.openCents);
    out.push({ kind: 'invoice', invoiceId: inv.id, supplierId: inv.supplierId, amountCents: take });
    left -= take;
  }
  return out;
}

function describeSpread(allocations: Allocation[], lines: readonly CallLineFacts[]): string {
  const paid = allocations.filter((a): a is Extract<Allocation, { kind: 'call_line' }> => a.kind === 'call_line');
  const credit = allocations.find((a) => a.kind === 'owner_credit');
  const parts: string[] = [];
  for (const a of paid) {
    const l = lines.find((x) => x.id === a.callLineId);
    const rest = (l?.openCents ?? 0) - a.amountCents;
    parts.push(`${l?.label ?? `line ${a.callLineId}`} ${euros(a.amountCents)}${rest > 0 ? ` (${euros(rest)} left to pay)` : ''}`);
  }
  if (credit) parts.push(`${euros(credit.amountCents)} kept as a credit`);
  return parts.join('; ');
}

const key = (c: Candidate) => c.allocations.map((a) => `${a.kind}:${a.kind === 'call_line' ? a.callLineId : a.kind === 'invoice' ? a.invoiceId : a.ownerId}:${a.amountCents}`).sort().join('|');

/** Ranked candidates for one movement: best first, one per distinct set of allocations. */
export function suggest(m: MovementFacts, books: Books): Candidate[] {
  const out = m.amountCents > 0 ? creditCandidates(m, books) : m.amountCents < 0 ? debitCandidates(m, books) : [];
  const best = new Map<string, Candidate>();
  for (const c of out) {
    if (c.allocations.length === 0) continue;
    const k = key(c);
    const seen = best.get(k);
    if (!seen || c.confidence > seen.confidence) best.set(k, c);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}

function creditCandidates(m: MovementFacts, books: Books): Candidate[] {
  const out: Candidate[] = [];
  const amount = m.amountCents;
  const lineByOgm = new Map(books.lines.map((l) => [l.ogm, l]));
  const fromOgm = (ogm: string, rule: 'ogm' | 'ogm_text', penalty: number, where: string) => {
    const line = lineByOgm.get(ogm);
    if (!line) return;
    const allocations = spreadOverOwner(amount, line.ownerId, books.lines, line.id);
    let confidence: number, what: string;
    if (line.openCents === 0) {
      confidence = 85;
      what = `the call ${line.label} is already paid: ${describeSpread(allocations, books.lines)}`;
    } else if (amount === line.openCents) {
      confidence = 100;
      what = `${line.label}, exact amount`;
    } else {
      confidence = 95;
      what = amount < line.openCents ? `${line.label}, partial payment: ${describeSpread(allocations, books.lines)}` : describeSpread(allocations, books.lines);
    }
    out.push({ allocations, confidence: confidence - penalty, rule, reason: `${where} ${ogmText(ogm)}: ${what}` });
  };
  const ref = m.structuredReference ? ogmDigits(m.structuredReference) : null;
  if (ref) fromOgm(ref, 'ogm', 0, 'Structured communication');
  for (const ogm of ogmsInText(m.communication)) if (ogm !== ref) fromOgm(ogm, 'ogm_text', 5, 'OGM typed in the communication');

  // The payer's IBAN: the owner's own, or one it paid from before.
  const iban = m.counterpartyAccount ? normalizeIban(m.counterpartyAccount) : null;
  const byIban = iban ? books.owners.filter((o) => o.ibans.includes(iban)) : [];
  const shared = byIban.length > 1 ? 25 : 0; // a joint account of several owners: never applied alone
  for (const o of byIban) {
    const open = books.lines.filter((l) => l.ownerId === o.id && l.openCents > 0).sort(byDue);
    const exact = open.find((l) => l.openCents === amount);
    const total = open.reduce((s, l) => s + l.openCents, 0);
    if (exact) out.push({ allocations: spreadOverOwner(amount, o.id, books.lines, exact.id), confidence: 90 - shared, rule: 'iban_amount', reason: `The owner's account ${iban}, the exact amount of ${exact.label}` });
    else if (open.length > 1 && total === amount) out.push({ allocations: spreadOverOwner(amount, o.id, books.lines), confidence: 90 - shared, rule: 'iban_amount', reason: `The owner's account ${iban}, the exact total of its ${open.length} open calls` });
    else {
      const allocations = spreadOverOwner(amount, o.id, books.lines);
      out.push({ allocations, confidence: (open.length ? 75 : 60) - shared, rule: 'iban', reason: `The owner's account ${iban}: ${describeSpread(allocations, books.lines)}` });
    }
  }

  // The owner's name in the payer's name or the communication.
  const text = `${normalizeText(m.counterpartyName)} ${normalizeText(m.communication)}`;
  const named = books.owners.filter((o) => containsWords(text, nameWords(o.name)));
  for (const o of named) {
    const full = o.firstName ? containsWords(text, nameWords(o.firstName)) : false;
    const open = books.lines.filter((l) => l.ownerId === o.id && l.openCents > 0).sort(byDue);
    const exact = open.find((l) => l.openCents === amount);
    const crowd = named.length > 1 ? 10 : 0;
    if (exact) out.push({ allocations: spreadOverOwner(amount, o.id, books.lines, exact.id), confidence: (full ? 85 : 75) - crowd, rule: 'name_amount', reason: `The owner's name (${o.firstName ? `${o.firstName} ` : ''}${o.name}) and the exact amount of ${exact.label}` });
    else if (open.length) {
      const allocations = spreadOverOwner(amount, o.id, books.lines);
      out.push({ allocations, confidence: (full ? 60 : 50) - crowd, rule: 'name', reason: `The owner's name (${o.name}): ${describeSpread(allocations, books.lines)}` });
    }
  }
  return out;
}

const refDigits = (r: string | null) => (r ? (ogmDigits(r) ?? r.replace(/\s/g, '').toUpperCase()) : null);

function debitCandidates(m: MovementFacts, books: Books): Candidate[] {
  const out: Candidate[] = [];
  const amount = -m.amountCents;
  const open = books.invoices.filter((i) => i.openCents > 0);
  const one = (inv: InvoiceFacts): Allocation[] => [{ kind: 'invoice', invoiceId: inv.id, supplierId: inv.supplierId, amountCents: Math.min(amount, inv.openCents) }];
  const label = (inv: InvoiceFacts) => `${inv.supplierName} ${inv.number}`;

  const ref = refDigits(m.structuredReference);
  const refs = [ref, ...ogmsInText(m.communication)].filter((r): r is string => r !== null);
  for (const inv of open) {
    const ir = refDigits(inv.paymentReference);
    if (ir && refs.includes(ir)) {
      out.push({ allocations: one(inv), confidence: inv.openCents === amount ? 100 : 90, rule: 'invoice_ref', reason: `The payment reference of the invoice ${label(inv)}${inv.openCents === amount ? ', exact amount' : `, ${euros(Math.min(amount, inv.openCents))} of ${euros(inv.openCents)}`}` });
    }
  }

  const iban = m.counterpartyAccount ? normalizeIban(m.counterpartyAccount) : null;
  const bySupplier = new Map<number, InvoiceFacts[]>();
  for (const inv of open) if (iban && inv.supplierIban && normalizeIban(inv.supplierIban) === iban) bySupplier.set(inv.supplierId, [...(bySupplier.get(inv.supplierId) ?? []), inv]);
  for (const invs of bySupplier.values()) {
    const exact = invs.filter((i) => i.openCents === amount).sort(byDue);
    const total = invs.reduce((s, i) => s + i.openCents, 0);
    if (exact[0]) out.push({ allocations: one(exact[0]), confidence: exact.length === 1 ? 90 : 80, rule: 'iban_amount', reason: `The supplier's account ${iban} and the exact amount of ${label(exact[0])}${exact.length > 1 ? ` (the oldest of ${exact.length} invoices of that amount)` : ''}` });
    else if (invs.length > 1 && total === amount) out.push({ allocations: spreadOverInvoices(amount, invs), confidence: 85, rule: 'iban_amount', reason: `The supplier's account ${iban} and the exact total of its ${invs.length} open invoices` });
  }

  const text = ` ${normalizeText(m.communication)} `;
  const compact = text.replace(/ /g, '');
  for (const inv of open) {
    const n = normalizeText(inv.number);
    if (n.replace(/ /g, '').length < 3) continue;
    if (text.includes(` ${n} `) || (n.length >= 6 && compact.includes(n.replace(/ /g, '')))) {
      out.push({ allocations: one(inv), confidence: inv.openCents === amount ? 90 : 65, rule: 'invoice_number', reason: `The invoice number ${inv.number} in the communication${inv.openCents === amount ? ', exact amount' : ''}` });
    }
  }

  const who = normalizeText(m.counterpartyName);
  for (const inv of open) {
    if (inv.openCents === amount && containsWords(who, nameWords(inv.supplierName))) {
      out.push({ allocations: one(inv), confidence: 75, rule: 'name_amount', reason: `The supplier's name and the exact amount of ${label(inv)}` });
    }
  }
  return out;
}

/** The candidate auto-matching applies: confident enough, and no different candidate close behind. */
export function autoPick(candidates: readonly Candidate[], threshold = AUTO_MATCH_THRESHOLD): Candidate | null {
  const [top, second] = candidates;
  if (!top || top.confidence < threshold) return null;
  if (second && top.confidence - second.confidence < AUTO_MATCH_MARGIN) return null;
  return top;
}

/** The books after `allocations` are applied: open amounts go down (auto-matching a statement movement by movement). */
export function applyAllocations<B extends Books>(books: B, allocations: readonly Allocation[]): B {
  const lineTake = new Map<number, number>(), invoiceTake = new Map<number, number>();
  for (const a of allocations) {
    if (a.kind === 'call_line') lineTake.set(a.callLineId, (lineTake.get(a.callLineId) ?? 0) + a.amountCents);
    if (a.kind === 'invoice') invoiceTake.set(a.invoiceId, (invoiceTake.get(a.invoiceId) ?? 0) + a.amountCents);
  }
  return {
    ...books,
    lines: books.lines.map((l) => (lineTake.has(l.id) ? { ...l, openCents: l.openCents - (lineTake.get(l.id) ?? 0) } : l)),
    invoices: books.invoices.map((i) => (invoiceTake.has(i.id) ? { ...i, openCents: i.openCents - (invoiceTake.get(i.id) ?? 0) } : i)),
  };
}
