import type { EntityManager } from '@mikro-orm/knex';
import type { z } from 'zod';
import type { invoiceInput, InvoiceStatusName } from '../../../src-shared/contract/invoices.js';
import { ApprovalPolicySchema, AssemblySchema, BankAccountSchema, BankAllocationSchema, DocumentSchema, InvoiceEventSchema, JournalSchema, InvoiceSchema, LedgerAccountSchema, SupplierSchema, type Invoice } from '../../db/entities/index.js';
import { rawDate, rawTimestamp, sql } from '../../db/knex.js';
import { approve, assertEditable, assertPayable, assertRejectable, assertSubmittable, DEFAULT_POLICY, needsCouncil, WorkflowError, type ApprovalPolicy } from '../../domain/invoice-workflow.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DomainRuleError, NotFoundError } from '../errors.js';
import { assertBuildingVisible, buildingInScope } from '../scope.js';
import { bankParentCode } from './bookkeeping-setup.js';
import { storePdf } from './documents.js';
import { postEntry } from './posting.js';

type InvoiceData = z.output<typeof invoiceInput>;

export async function policyOf(em: EntityManager, buildingId: number): Promise<ApprovalPolicy> {
  const row = await em.findOne(ApprovalPolicySchema, { building: buildingId });
  return row ? { approverRoles: row.approverRoles, councilThresholdCents: row.councilThresholdCents ?? null, fourEyes: row.fourEyes } : DEFAULT_POLICY;
}

/** The supplier's sub-account 440-<id> in the building, created on first use. */
export async function ensureSupplierAccount(em: EntityManager, buildingId: number, supplierId: number): Promise<string> {
  const code = `440-${supplierId}`;
  if (!(await em.count(LedgerAccountSchema, { building: buildingId, code }))) {
    const s = await em.findOneOrFail(SupplierSchema, { id: supplierId });
    em.create(LedgerAccountSchema, { building: buildingId, code, labelFr: s.name, labelNl: s.name, type: 'liability', parentCode: '440', fromChart: false, owner: null, supplierId, bankAccount: null });
    await em.flush();
  }
  return code;
}

function event(ctx: HandlerContext, invoice: Invoice, action: string, fromStatus: string | null, toStatus: string, note: string | null = null) {
  ctx.em.create(InvoiceEventSchema, { invoice, at: ctx.now(), actor: ctx.actor.label, action, fromStatus, toStatus, note });
}

async function loadInvoice(ctx: HandlerContext, id: number): Promise<Invoice> {
  const inv = await ctx.em.findOne(InvoiceSchema, { id });
  if (!inv) throw new NotFoundError('Invoice', id);
  await buildingInScope(ctx, inv.building.id);
  return inv;
}

async function fieldsOf(ctx: HandlerContext, data: InvoiceData) {
  await buildingInScope(ctx, data.buildingId);
  if (!(await ctx.em.count(SupplierSchema, { id: data.supplierId }))) throw new DomainRuleError('unknown_supplier', 'This supplier does not exist', { path: ['supplierId'] });
  if (!(await ctx.em.count(LedgerAccountSchema, { building: data.buildingId, code: data.expenseAccount }))) {
    throw new DomainRuleError('unknown_account', `Account ${data.expenseAccount} does not exist in this building's chart`, { path: ['expenseAccount'] });
  }
  const document = data.document ? await storePdf(ctx.em, data.document.fileName, data.document.contentBase64, ctx.now()) : undefined;
  return {
    building: data.buildingId, supplier: data.supplierId, number: data.number, invoiceDate: data.invoiceDate, dueDate: data.dueDate,
    amountCents: data.amountCents, vatCents: data.vatCents, expenseAccount: data.expenseAccount, distributionKeyId: data.distributionKeyId,
    periodStart: data.periodStart, periodEnd: data.periodEnd, description: data.description, paymentReference: data.paymentReference ?? null, ...(document ? { document } : {}),
  };
}

const snapshot = (i: Invoice) => ({ number: i.number, supplierId: i.supplier.id, amountCents: i.amountCents, dueDate: i.dueDate, status: i.status, expenseAccount: i.expenseAccount });

/** Whether the person sits on the council of this building. */
const onCouncil = (ctx: HandlerContext, buildingId: number) => ctx.actor.roles.some((r) => r.role === 'council' && r.buildingId === buildingId);

/** Posts the purchase entry of an approved invoice: expense 6xx debit, supplier 440-<id> credit. */
async function postPurchase(ctx: HandlerContext, inv: Invoice): Promise<number> {
  const supplierCode = await ensureSupplierAccount(ctx.em, inv.building.id, inv.supplier.id);
  const supplier = await ctx.em.findOneOrFail(SupplierSchema, { id: inv.supplier.id });
  const label = `${supplier.name} ${inv.number}`;
  const e = await postEntry(ctx.em, {
    buildingId: inv.building.id, journalCode: 'ACH', date: inv.invoiceDate, description: `${label}${inv.description ? ` — ${inv.description}` : ''}`.slice(0, 300),
    lines: [{ accountCode: inv.expenseAccount, debitCents: inv.amountCents, creditCents: 0, label }, { accountCode: supplierCode, debitCents: 0, creditCents: inv.amountCents, label }],
    sourceType: 'invoice', sourceId: inv.id,
  }, ctx.actor.label, ctx.now());
  return e.id;
}

type Bulk = { done: number[]; waiting: number[]; refused: { id: number; rule: string; message: string }[] };
const refuse = (out: Bulk, id: number, e: unknown) => {
  if (e instanceof WorkflowError) out.refused.push({ id, rule: e.rule, message: e.message });
  else if (e instanceof DomainRuleError || e instanceof NotFoundError) out.refused.push({ id, rule: String(e.details?.rule ?? e.code), message: e.message });
  else throw e;
};

interface Cursor { v: string | number; i: number }
const SORT_COLUMNS = { dueDate: 'i.due_date', invoiceDate: 'i.invoice_date', amount: 'i.amount_cents' } as const;

export const invoiceHandlers: Handlers<
  'suppliers.list' | 'suppliers.create' | 'suppliers.update' | 'invoices.list' | 'invoices.get' | 'invoices.create' | 'invoices.update' | 'invoices.submit' | 'invoices.approve' | 'invoices.reject' | 'invoices.pay' | 'invoices.inboxCount' | 'invoices.policy' | 'invoices.setPolicy' | 'documents.get'
> = {
  'suppliers.list': async ({ search }, ctx) => {
    const rows = await ctx.em.find(SupplierSchema, search ? { name: { $like: `%${search}%` } } : {}, { orderBy: { name: 'asc' }, limit: 1000 });
    return rows.map((s) => ({ id: s.id, name: s.name, bce: s.bce ?? null, iban: s.iban ?? null, defaultExpenseAccount: s.defaultExpenseAccount ?? null, email: s.email ?? null }));
  },
  'suppliers.create': async (data, ctx) => {
    const s = ctx.em.create(SupplierSchema, { ...data, createdAt: ctx.now() });
    await ctx.em.flush();
    ctx.audit('supplier.create', 'supplier', s.id, null, data);
    return { id: s.id };
  },
  'suppliers.update': async ({ id, data }, ctx) => {
    const s = await ctx.em.findOne(SupplierSchema, { id });
    if (!s) throw new NotFoundError('Supplier', id);
    const before = { name: s.name, bce: s.bce, iban: s.iban, defaultExpenseAccount: s.defaultExpenseAccount, email: s.email };
    Object.assign(s, data);
    ctx.audit('supplier.update', 'supplier', id, before, data);
    return { id };
  },

  'invoices.list': async (input, ctx) => {
    const scope = await ctx.scope();
    const col = SORT_COLUMNS[input.sort];
    const q = sql(ctx.em, 'invoice as i')
      .join('building as b', 'b.id', 'i.building_id')
      .join('supplier as s', 's.id', 'i.supplier_id')
      .select('i.id', 'i.building_id as buildingId', 'b.name as buildingName', 'i.supplier_id as supplierId', 's.name as supplierName', 'i.number', 'i.invoice_date as invoiceDate', 'i.due_date as dueDate', 'i.amount_cents as amountCents', 'i.status', 'i.description', 'i.document_id as documentId');
    if (!scope.all) q.whereIn('i.building_id', [...scope.buildingIds]);
    if (input.buildingId !== undefined) q.where('i.building_id', input.buildingId);
    if (input.status) q.where('i.status', input.status);
    if (input.supplierId !== undefined) q.where('i.supplier_id', input.supplierId);
    if (input.minCents !== undefined) q.where('i.amount_cents', '>=', input.minCents);
    if (input.maxCents !== undefined) q.where('i.amount_cents', '<=', input.maxCents);
    if (input.dueBefore) q.where('i.due_date', '<=', input.dueBefore);
    if (input.search) {
      const like = `%${input.search.toLowerCase()}%`;
      q.where((w) => w.whereRaw('lower(s.name) like ?', [like]).orWhereRaw('lower(i.number) like ?', [like]).orWhereRaw('lower(i.description) like ?', [like]));
    }
    if (input.cursor) {
      let c: Cursor;
      try {
        c = JSON.parse(Buffer.from(input.cursor, 'base64url').toString('utf8')) as Cursor;
      } catch {
        throw new DomainRuleError('bad_cursor', 'This page cursor is not valid', { path: ['cursor'] });
      }
      q.whereRaw(`(${col}, i.id) ${input.direction === 'asc' ? '>' : '<'} (?, ?)`, [c.v, c.i]);
    }
    q.orderBy([{ column: col, order: input.direction }, { column: 'i.id', order: input.direction }]).limit(input.limit + 1);
    const raw = (await q) as Record<string, unknown>[];
    const rows = raw.slice(0, input.limit).map((r) => ({
      id: Number(r.id), buildingId: Number(r.buildingId), buildingName: String(r.buildingName), supplierId: Number(r.supplierId), supplierName: String(r.supplierName),
      number: String(r.number), invoiceDate: String(r.invoiceDate), dueDate: String(r.dueDate), amountCents: Number(r.amountCents),
      status: r.status as InvoiceStatusName, description: String(r.description), hasDocument: r.documentId !== null,
    }));
    const last = rows[rows.length - 1];
    const value = (r: NonNullable<typeof last>) => (input.sort === 'amount' ? r.amountCents : input.sort === 'invoiceDate' ? r.invoiceDate : r.dueDate);
    return { rows, nextCursor: raw.length > input.limit && last ? Buffer.from(JSON.stringify({ v: value(last), i: last.id })).toString('base64url') : null };
  },

  'invoices.get': async ({ id }, ctx) => {
    // Opened on every move in the inbox: plain rows, one join for the invoice and its names.
    const inv = (await sql(ctx.em, 'invoice as i').join('building as b', 'b.id', 'i.building_id').join('supplier as s', 's.id', 'i.supplier_id')
      .leftJoin('document as d', 'd.id', 'i.document_id').leftJoin('approval_policy as p', 'p.building_id', 'i.building_id').where('i.id', id)
      .first('i.*', 'b.name as buildingName', 's.name as supplierName', 'd.sha256 as documentSha256', 'p.approver_roles as policyRoles', 'p.council_threshold_cents as policyThreshold', 'p.four_eyes as policyFourEyes')) as Record<string, unknown> | undefined;
    if (!inv) throw new NotFoundError('Invoice', id);
    const buildingId = Number(inv.building_id);
    await assertBuildingVisible(ctx, buildingId);
    const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
    const approvals = json<{ userId: number; as: 'approver' | 'council' }[]>(inv.approvals) ?? [];
    const policy: ApprovalPolicy = inv.policyRoles === null || inv.policyRoles === undefined ? DEFAULT_POLICY
      : { approverRoles: json<string[]>(inv.policyRoles), councilThresholdCents: inv.policyThreshold === null ? null : Number(inv.policyThreshold), fourEyes: Boolean(inv.policyFourEyes) };
    const [events, users] = await Promise.all([
      sql(ctx.em, 'invoice_event').where({ invoice_id: id }).orderBy('id').select('at', 'actor', 'action', 'from_status as fromStatus', 'to_status as toStatus', 'note') as Promise<Record<string, unknown>[]>,
      approvals.length ? (sql(ctx.em, 'app_user').whereIn('id', approvals.map((a) => a.userId)).select('id', 'display_name as name') as Promise<{ id: number; name: string }[]>) : Promise.resolve([]),
    ]);
    const opt = (v: unknown) => (v === null || v === undefined ? null : String(v));
    const optDate = (v: unknown) => (v === null || v === undefined ? null : rawDate(v));
    const optId = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      id, buildingId, buildingName: String(inv.buildingName), supplierId: Number(inv.supplier_id), supplierName: String(inv.supplierName), number: String(inv.number),
      invoiceDate: rawDate(inv.invoice_date), dueDate: rawDate(inv.due_date), amountCents: Number(inv.amount_cents), vatCents: Number(inv.vat_cents), status: inv.status as InvoiceStatusName,
      description: String(inv.description), hasDocument: inv.document_id !== null, documentId: optId(inv.document_id), documentSha256: opt(inv.documentSha256),
      expenseAccount: String(inv.expense_account), paymentReference: opt(inv.payment_reference), distributionKeyId: optId(inv.distribution_key_id), periodStart: optDate(inv.period_start), periodEnd: optDate(inv.period_end),
      submittedBy: optId(inv.submitted_by), approvals: approvals.map((a) => ({ ...a, name: a.userId === 0 ? 'koprogo (CLI)' : (users.find((u) => Number(u.id) === a.userId)?.name ?? `#${a.userId}`) })),
      needsCouncil: needsCouncil(policy, Number(inv.amount_cents)), rejectionReason: opt(inv.rejection_reason), entryId: optId(inv.entry_id), paymentEntryId: optId(inv.payment_entry_id),
      history: events.map((e) => ({ at: rawTimestamp(e.at), actor: String(e.actor), action: String(e.action), fromStatus: opt(e.fromStatus), toStatus: String(e.toStatus), note: opt(e.note) })),
    };
  },

  'invoices.create': async ({ data, submit }, ctx) => {
    const fields = await fieldsOf(ctx, data);
    const duplicate = await ctx.em.findOne(InvoiceSchema, { supplier: data.supplierId, number: data.number });
    if (duplicate) {
      throw new DomainRuleError('duplicate_invoice', `This supplier's invoice ${data.number} is already encoded (invoice #${duplicate.id})`, { path: ['number'], duplicateOf: duplicate.id });
    }
    const now = ctx.now();
    const inv = ctx.em.create(InvoiceSchema, {
      ...fields, document: fields.document ?? null, status: submit ? 'pending_approval' : 'draft', submittedBy: submit ? ctx.actor.userId : null,
      approvals: [], rejectionReason: null, entryId: null, paymentEntryId: null, createdAt: now, updatedAt: now,
    });
    await ctx.em.flush();
    event(ctx, inv, 'created', null, 'draft');
    if (submit) event(ctx, inv, 'submitted', 'draft', 'pending_approval');
    ctx.audit('invoice.create', 'invoice', inv.id, null, snapshot(inv));
    ctx.emit('data-changed', { entity: 'invoice', ids: [inv.id] });
    return { id: inv.id, duplicateOf: null };
  },

  'invoices.update': async ({ id, data }, ctx) => {
    const inv = await loadInvoice(ctx, id);
    const before = snapshot(inv);
    let next: InvoiceStatusName;
    try {
      next = assertEditable(inv.status as InvoiceStatusName);
    } catch (e) {
      throw new DomainRuleError((e as WorkflowError).rule, (e as Error).message);
    }
    const clash = await ctx.em.findOne(InvoiceSchema, { supplier: data.supplierId, number: data.number, id: { $ne: id } });
    if (clash) throw new DomainRuleError('duplicate_invoice', `This supplier's invoice ${data.number} is already encoded (invoice #${clash.id})`, { path: ['number'], duplicateOf: clash.id });
    Object.assign(inv, await fieldsOf(ctx, data), { updatedAt: ctx.now() });
    if (inv.status !== next) {
      // Editing what was submitted or rejected sends it back to draft; approvals start over.
      event(ctx, inv, 'returned_to_draft', inv.status, next, 'edited');
      Object.assign(inv, { status: next, approvals: [], submittedBy: null, rejectionReason: null });
    } else event(ctx, inv, 'edited', inv.status, inv.status);
    ctx.audit('invoice.update', 'invoice', id, before, snapshot(inv));
    ctx.emit('data-changed', { entity: 'invoice', ids: [id] });
    return { id, status: inv.status as InvoiceStatusName };
  },

  'invoices.submit': async ({ ids }, ctx) => {
    const out: Bulk = { done: [], waiting: [], refused: [] };
    for (const id of ids) {
      try {
        const inv = await loadInvoice(ctx, id);
        assertSubmittable(inv.status as InvoiceStatusName);
        Object.assign(inv, { status: 'pending_approval', submittedBy: ctx.actor.userId, approvals: [], updatedAt: ctx.now() });
        event(ctx, inv, 'submitted', 'draft', 'pending_approval');
        out.done.push(id);
      } catch (e) {
        refuse(out, id, e);
      }
    }
    ctx.emit('data-changed', { entity: 'invoice', ids: out.done });
    return out;
  },

  'invoices.approve': async ({ ids }, ctx) => {
    const out: Bulk = { done: [], waiting: [], refused: [] };
    const firmRoles = ctx.actor.roles.filter((r) => r.role !== 'council' && r.role !== 'owner').map((r) => r.role);
    for (const id of ids) {
      try {
        const inv = await loadInvoice(ctx, id);
        const policy = await policyOf(ctx.em, inv.building.id);
        const who = { userId: ctx.actor.userId ?? 0, roles: ctx.actor.kind === 'cli' ? ['admin'] : firmRoles, council: onCouncil(ctx, inv.building.id) };
        const r = approve({ status: inv.status as InvoiceStatusName, amountCents: inv.amountCents, submittedBy: inv.submittedBy ?? null, approvals: inv.approvals }, policy, who);
        const as = r.approvals[r.approvals.length - 1]?.as;
        // Post first: if the entry is refused (closed year…), the invoice is left as it was.
        const entryId = r.approved ? await postPurchase(ctx, inv) : null;
        inv.approvals = r.approvals;
        inv.updatedAt = ctx.now();
        if (entryId !== null) {
          inv.entryId = entryId;
          inv.status = 'approved';
          event(ctx, inv, as === 'council' ? 'co_approved' : 'approved', 'pending_approval', 'approved');
          out.done.push(id);
        } else {
          event(ctx, inv, as === 'council' ? 'co_approved' : 'approved', 'pending_approval', 'pending_approval', 'waiting for the other approval');
          out.waiting.push(id);
        }
        await ctx.em.flush();
        ctx.audit('invoice.approve', 'invoice', id, null, { approvals: inv.approvals, status: inv.status });
      } catch (e) {
        refuse(out, id, e);
      }
    }
    ctx.emit('data-changed', { entity: 'invoice', ids: [...out.done, ...out.waiting] });
    return out;
  },

  'invoices.reject': async ({ id, reason }, ctx) => {
    const inv = await loadInvoice(ctx, id);
    try {
      assertRejectable(inv.status as InvoiceStatusName, reason);
    } catch (e) {
      throw new DomainRuleError((e as WorkflowError).rule, (e as Error).message, { path: ['reason'] });
    }
    const mayReject = ctx.actor.kind === 'cli' || ctx.actor.roles.some((r) => r.role === 'syndic' || r.role === 'admin') || onCouncil(ctx, inv.building.id);
    if (!mayReject) throw new DomainRuleError('not_approver', 'Your role does not approve invoices of this building');
    Object.assign(inv, { status: 'rejected', rejectionReason: reason, updatedAt: ctx.now() });
    event(ctx, inv, 'rejected', 'pending_approval', 'rejected', reason);
    ctx.audit('invoice.reject', 'invoice', id, null, { reason });
    ctx.emit('data-changed', { entity: 'invoice', ids: [id] });
    return { id };
  },

  'invoices.pay': async ({ id, date, bankAccountId }, ctx) => {
    const inv = await loadInvoice(ctx, id);
    try {
      assertPayable(inv.status as InvoiceStatusName);
    } catch (e) {
      throw new DomainRuleError((e as WorkflowError).rule, (e as Error).message);
    }
    // A transfer already matched from a bank statement pays (part of) it: recording a payment too would pay it twice.
    if (await ctx.em.count(BankAllocationSchema, { invoice: id, reversalEntryId: null })) {
      throw new DomainRuleError('paid_through_bank', 'Part of this invoice is already paid by a bank movement: match the rest from the bank statement');
    }
    const banks = await ctx.em.find(BankAccountSchema, { building: inv.building.id }, { orderBy: { id: 'asc' } });
    const bank = bankAccountId !== undefined ? banks.find((b) => b.id === bankAccountId) : (banks.find((b) => b.purpose === 'working') ?? banks[0]);
    if (!bank) throw new DomainRuleError('no_bank_account', 'This building has no such bank account', { path: ['bankAccountId'] });
    const bankLedger = await ctx.em.findOne(LedgerAccountSchema, { building: inv.building.id, bankAccount: bank.id });
    const journal = await ctx.em.findOne(JournalSchema, { building: inv.building.id, bankAccount: bank.id });
    if (!bankLedger || !journal) throw new DomainRuleError('no_bank_account', `The bank account has no ledger account under ${bankParentCode(bank.purpose)}`, { path: ['bankAccountId'] });
    const supplierCode = await ensureSupplierAccount(ctx.em, inv.building.id, inv.supplier.id);
    const label = `Paiement ${inv.number}`;
    const e = await postEntry(ctx.em, {
      buildingId: inv.building.id, journalCode: journal.code, date, description: label,
      lines: [{ accountCode: supplierCode, debitCents: inv.amountCents, creditCents: 0, label }, { accountCode: bankLedger.code, debitCents: 0, creditCents: inv.amountCents, label }],
      sourceType: 'payment', sourceId: inv.id,
    }, ctx.actor.label, ctx.now());
    Object.assign(inv, { status: 'paid', paymentEntryId: e.id, updatedAt: ctx.now() });
    event(ctx, inv, 'paid', 'approved', 'paid', date);
    ctx.audit('invoice.pay', 'invoice', id, null, { date, entryId: e.id });
    ctx.emit('data-changed', { entity: 'invoice', ids: [id] });
    return { id, entryId: e.id };
  },

  'invoices.inboxCount': async (_input, ctx) => {
    const scope = await ctx.scope();
    const base = () => {
      const q = sql(ctx.em, 'invoice').where('status', 'pending_approval');
      if (!scope.all) q.whereIn('building_id', [...scope.buildingIds]);
      return q;
    };
    const pending = Number(((await base().count({ n: '*' })) as { n: number | string }[])[0]?.n ?? 0);
    const mayApprove = ctx.actor.roles.some((r) => ['syndic', 'admin', 'council'].includes(r.role));
    if (!mayApprove) return { waitingForMe: 0, pending };
    // Waiting for me: pending, not submitted by me, not yet approved by me.
    const rows = (await base().whereNot('submitted_by', ctx.actor.userId ?? -1).orWhereNull('submitted_by').andWhere('status', 'pending_approval').select('approvals', 'building_id')) as { approvals: unknown; building_id: number }[];
    const me = ctx.actor.userId;
    const waitingForMe = rows.filter((r) => {
      if (!scope.all && !scope.buildingIds.has(Number(r.building_id))) return false;
      const approvals = (typeof r.approvals === 'string' ? JSON.parse(r.approvals) : r.approvals) as { userId: number }[];
      return !approvals.some((a) => a.userId === me);
    }).length;
    return { waitingForMe, pending };
  },

  'invoices.policy': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    return policyOf(ctx.em, buildingId) as never;
  },

  'invoices.setPolicy': async ({ buildingId, policy }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const before = await policyOf(ctx.em, buildingId);
    const row = await ctx.em.findOne(ApprovalPolicySchema, { building: buildingId });
    if (row) Object.assign(row, policy);
    else ctx.em.create(ApprovalPolicySchema, { building: buildingId, ...policy });
    ctx.audit('invoices.setPolicy', 'building', buildingId, before, policy);
    return policy;
  },

  'documents.get': async ({ id }, ctx) => {
    const doc = await ctx.em.findOne(DocumentSchema, { id }, { fields: ['id', 'fileName', 'mimeType', 'sha256'] });
    if (!doc) throw new NotFoundError('Document', id);
    // A document is reachable through an invoice, or the minutes of a meeting, of a building in the caller's scope.
    const inv = await ctx.em.findOne(InvoiceSchema, { document: id });
    const minutesOf = inv ? null : await ctx.em.findOne(AssemblySchema, { minutesDocumentId: id });
    if (inv) await buildingInScope(ctx, inv.building.id);
    else if (minutesOf) await buildingInScope(ctx, minutesOf.building.id);
    else if (!(await ctx.scope()).all) throw new NotFoundError('Document', id);
    const row = (await sql(ctx.em, 'document').where({ id }).first('content')) as { content: Uint8Array } | undefined;
    return { id: doc.id, fileName: doc.fileName, mimeType: doc.mimeType, sha256: doc.sha256, contentBase64: Buffer.from(row?.content ?? new Uint8Array()).toString('base64') };
  },
};
