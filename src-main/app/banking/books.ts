import type { EntityManager } from '@mikro-orm/knex';
import { sql } from '../../db/knex.js';
import type { Books, CallLineFacts, InvoiceFacts, OwnerFacts } from '../../domain/reconciliation.js';

/** A DATE column as `YYYY-MM-DD`, whichever way the driver returns it (string, or a Date at local midnight). */
export function isoDay(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 10);
  if (v instanceof Date) return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  return String(v).slice(0, 10);
}

export interface CallLineView extends CallLineFacts { ownerName: string }
export interface InvoiceView extends InvoiceFacts { amountCents: number; status: string }

/**
 * What a building's call lines have received: the sum of their active allocations (not
 * reversed). This is how a line's open amount is known (ADR 0016): no counter to keep in
 * step, every cent traceable to a movement and its entry.
 */
export async function callLines(em: EntityManager, buildingId: number, opts: { ownerIds?: number[]; callId?: number; onlyOpen?: boolean } = {}): Promise<CallLineView[]> {
  const q = sql(em, 'fund_call_line as l')
    .join('fund_call as c', 'c.id', 'l.call_id')
    .join('owner as o', 'o.id', 'l.owner_id')
    .leftJoin('bank_allocation as a', (j) => j.on('a.call_line_id', 'l.id').andOnNull('a.reversal_entry_id'))
    .where('c.building_id', buildingId)
    .groupBy('l.id', 'l.call_id', 'l.owner_id', 'l.ogm', 'l.amount_cents', 'c.due_date', 'c.label', 'c.kind', 'o.name', 'o.first_name', 'o.kind')
    .select('l.id', 'l.call_id as callId', 'l.owner_id as ownerId', 'l.ogm', 'l.amount_cents as amountCents', 'c.due_date as dueDate', 'c.label', 'c.kind', 'o.name', 'o.first_name as firstName', 'o.kind as ownerKind')
    .sum({ paid: 'a.amount_cents' });
  if (opts.ownerIds) q.whereIn('l.owner_id', opts.ownerIds);
  if (opts.callId !== undefined) q.where('l.call_id', opts.callId);
  const rows = (await q) as { id: number; callId: number; ownerId: number; ogm: string; amountCents: string | number; dueDate: unknown; label: string; kind: string; name: string; firstName: string | null; ownerKind: string; paid: string | number | null }[];
  const out = rows.map((r) => {
    const amountCents = Number(r.amountCents);
    return {
      id: Number(r.id), callId: Number(r.callId), ownerId: Number(r.ownerId), ogm: r.ogm, amountCents, openCents: Math.max(0, amountCents - Number(r.paid ?? 0)),
      dueDate: isoDay(r.dueDate), label: r.label, kind: r.kind as 'working' | 'reserve', ownerName: r.firstName && r.ownerKind !== 'company' ? `${r.name} ${r.firstName}` : r.name,
    };
  });
  out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  return opts.onlyOpen ? out.filter((l) => l.openCents > 0) : out;
}

/** Approved invoices of the building with what is still to pay on them. */
export async function openInvoices(em: EntityManager, buildingId: number): Promise<InvoiceView[]> {
  const rows = (await sql(em, 'invoice as i')
    .join('supplier as s', 's.id', 'i.supplier_id')
    .leftJoin('bank_allocation as a', (j) => j.on('a.invoice_id', 'i.id').andOnNull('a.reversal_entry_id'))
    .where('i.building_id', buildingId)
    .where('i.status', 'approved')
    .groupBy('i.id', 'i.supplier_id', 's.name', 's.iban', 'i.number', 'i.payment_reference', 'i.amount_cents', 'i.due_date', 'i.status')
    .select('i.id', 'i.supplier_id as supplierId', 's.name as supplierName', 's.iban as supplierIban', 'i.number', 'i.payment_reference as paymentReference', 'i.amount_cents as amountCents', 'i.due_date as dueDate', 'i.status')
    .sum({ paid: 'a.amount_cents' })) as { id: number; supplierId: number; supplierName: string; supplierIban: string | null; number: string; paymentReference: string | null; amountCents: string | number; dueDate: unknown; status: string; paid: string | number | null }[];
  return rows
    .map((r) => ({
      id: Number(r.id), supplierId: Number(r.supplierId), supplierName: r.supplierName, supplierIban: r.supplierIban, number: r.number, paymentReference: r.paymentReference,
      amountCents: Number(r.amountCents), openCents: Number(r.amountCents) - Number(r.paid ?? 0), dueDate: isoDay(r.dueDate), status: r.status,
    }))
    .filter((i) => i.openCents > 0)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
}

/**
 * The owners of the building's calls, with the accounts they pay from: their own IBAN and
 * every counterparty account of a movement matched to them before.
 */
async function ownersOf(em: EntityManager, buildingId: number): Promise<OwnerFacts[]> {
  const owners = (await sql(em, 'owner as o')
    .whereIn('o.id', sql(em, 'fund_call_line as l').join('fund_call as c', 'c.id', 'l.call_id').where('c.building_id', buildingId).distinct('l.owner_id'))
    .select('o.id', 'o.name', 'o.first_name as firstName', 'o.iban')) as { id: number; name: string; firstName: string | null; iban: string | null }[];
  const learned = (await sql(em, 'bank_allocation as a')
    .join('bank_movement as m', 'm.id', 'a.movement_id')
    .where('a.building_id', buildingId)
    .whereNotNull('a.owner_id')
    .whereNull('a.reversal_entry_id')
    .whereNotNull('m.counterparty_account')
    .where('m.amount_cents', '>', 0)
    .distinct('a.owner_id as ownerId', 'm.counterparty_account as iban')) as { ownerId: number; iban: string }[];
  return owners.map((o) => ({
    id: Number(o.id), name: o.name, firstName: o.firstName,
    ibans: [...new Set([...(o.iban ? [o.iban] : []), ...learned.filter((l) => Number(l.ownerId) === Number(o.id)).map((l) => l.iban)])],
  }));
}

export interface BuildingBooks extends Books { lines: CallLineView[]; invoices: InvoiceView[] }

export async function loadBooks(em: EntityManager, buildingId: number): Promise<BuildingBooks> {
  const [lines, owners, invoices] = [await callLines(em, buildingId), await ownersOf(em, buildingId), await openInvoices(em, buildingId)];
  return { lines, owners, invoices };
}
