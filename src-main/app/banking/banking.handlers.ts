import { BankMovementSchema, BankStatementSchema, OwnerSchema, OwnershipSchema } from '../../db/entities/index.js';
import { sql } from '../../db/knex.js';
import { AUTO_MATCH_THRESHOLD, suggest, type Allocation } from '../../domain/reconciliation.js';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DomainRuleError, NotFoundError } from '../errors.js';
import { ownerDisplayName } from '../portfolio/mappers.js';
import { buildingInScope } from '../scope.js';
import { callLines, isoDay, openInvoices } from './books.js';
import { allocationLabel, applyMatch, autoMatchMovements, loadMovement, matchContext, movementFacts, resolveAllocations, unmatchMovement } from './matching.js';
import { importBankFile } from './statement-import.js';

const MOVEMENT_COLUMNS = [
  'm.id', 'm.building_id as buildingId', 'b.name as buildingName', 'm.statement_id as statementId', 'ba.iban as account', 'm.sequence', 'm.date', 'm.amount_cents as amountCents',
  'm.counterparty_name as counterpartyName', 'm.counterparty_account as counterpartyAccount', 'm.structured_reference as structuredReference', 'm.communication',
  'm.bank_reference as bankReference', 'm.status', 'm.allocated_cents as allocatedCents',
];

const movementQuery = (ctx: HandlerContext) =>
  sql(ctx.em, 'bank_movement as m')
    .join('bank_statement as s', 's.id', 'm.statement_id')
    .join('bank_account as ba', 'ba.id', 's.bank_account_id')
    .join('building as b', 'b.id', 'm.building_id')
    .select(MOVEMENT_COLUMNS);

const toRow = (r: Record<string, unknown>): MovementRow => ({
  id: Number(r.id), buildingId: Number(r.buildingId), buildingName: String(r.buildingName), statementId: Number(r.statementId), account: String(r.account), sequence: String(r.sequence),
  date: isoDay(r.date), amountCents: Number(r.amountCents), counterpartyName: (r.counterpartyName as string | null) ?? null, counterpartyAccount: (r.counterpartyAccount as string | null) ?? null,
  structuredReference: (r.structuredReference as string | null) ?? null, communication: (r.communication as string | null) ?? null, bankReference: (r.bankReference as string | null) ?? null,
  status: r.status as MovementRow['status'], allocatedCents: Number(r.allocatedCents),
});

async function movementInScope(ctx: HandlerContext, movementId: number) {
  const m = await loadMovement(ctx.em, movementId);
  await buildingInScope(ctx, m.building.id);
  return m;
}

async function ownerInScope(ctx: HandlerContext, ownerId: number) {
  const owner = await ctx.em.findOne(OwnerSchema, { id: ownerId });
  const scope = await ctx.scope();
  const visible = owner && (scope.all || (await ctx.em.count(OwnershipSchema, { owner: ownerId, lot: { building: { $in: [...scope.buildingIds] } } })) > 0);
  if (!owner || !visible) throw new NotFoundError('Owner', ownerId);
  return owner;
}

const view = (a: Allocation, label: string) => ({
  kind: a.kind, callLineId: a.kind === 'call_line' ? a.callLineId : null, invoiceId: a.kind === 'invoice' ? a.invoiceId : null, ownerId: a.kind === 'invoice' ? null : a.ownerId, amountCents: a.amountCents, label,
});

export const bankingHandlers: Handlers<
  'bank.import' | 'bank.statements' | 'bank.movements' | 'bank.movement' | 'bank.openItems' | 'bank.suggestions' | 'bank.match' | 'bank.unmatch' | 'bank.autoMatch' | 'owners.bankDetails' | 'owners.setBankDetails'
> = {
  'bank.import': (input, ctx) => importBankFile(ctx, input),

  'bank.statements': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const rows = (await sql(ctx.em, 'bank_statement as s')
      .join('bank_account as ba', 'ba.id', 's.bank_account_id')
      .leftJoin('bank_movement as m', (j) => j.on('m.statement_id', 's.id').andOnVal('m.status', '=', 'unmatched'))
      .where('s.building_id', buildingId)
      .groupBy('s.id', 's.bank_account_id', 'ba.iban', 's.format', 's.sequence', 's.date', 's.opening_balance_cents', 's.closing_balance_cents', 's.movement_count', 's.file_name', 's.imported_at')
      .select('s.id', 's.bank_account_id as bankAccountId', 'ba.iban as account', 's.format', 's.sequence', 's.date', 's.opening_balance_cents as o', 's.closing_balance_cents as c', 's.movement_count as n', 's.file_name as fileName', 's.imported_at as importedAt')
      .count({ unmatched: 'm.id' })
      .orderBy([{ column: 's.date', order: 'desc' }, { column: 's.id', order: 'desc' }])) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: Number(r.id), bankAccountId: Number(r.bankAccountId), account: String(r.account), format: String(r.format), sequence: (r.sequence as string | null) ?? null, date: r.date ? isoDay(r.date) : null,
      openingBalanceCents: Number(r.o), closingBalanceCents: Number(r.c), movements: Number(r.n), unmatched: Number(r.unmatched), fileName: String(r.fileName),
      importedAt: (r.importedAt instanceof Date ? r.importedAt : new Date(typeof r.importedAt === 'number' ? r.importedAt : String(r.importedAt))).toISOString(),
    }));
  },

  'bank.movements': async (input, ctx) => {
    const scope = await ctx.scope();
    const q = movementQuery(ctx);
    if (input.buildingId !== undefined) {
      await buildingInScope(ctx, input.buildingId);
      q.where('m.building_id', input.buildingId);
    } else if (!scope.all) q.whereIn('m.building_id', [...scope.buildingIds]);
    if (input.statementId !== undefined) q.where('m.statement_id', input.statementId);
    if (input.status) q.where('m.status', input.status);
    if (input.cursor) {
      const after = Number(Buffer.from(input.cursor, 'base64url').toString('utf8'));
      if (!Number.isSafeInteger(after) || after < 1) throw new DomainRuleError('bad_cursor', 'This page cursor is not valid', { path: ['cursor'] });
      q.where('m.id', '<', after);
    }
    const raw = (await q.orderBy('m.id', 'desc').limit(input.limit + 1)) as Record<string, unknown>[];
    const rows = raw.slice(0, input.limit).map(toRow);
    const last = rows.at(-1);
    return { rows, nextCursor: raw.length > input.limit && last ? Buffer.from(String(last.id)).toString('base64url') : null };
  },

  'bank.movement': async ({ movementId }, ctx) => {
    await movementInScope(ctx, movementId);
    const r = (await movementQuery(ctx).where('m.id', movementId).first()) as Record<string, unknown>;
    const allocations = (await sql(ctx.em, 'bank_allocation as a')
      .leftJoin('fund_call_line as l', 'l.id', 'a.call_line_id')
      .leftJoin('fund_call as c', 'c.id', 'l.call_id')
      .leftJoin('owner as o', 'o.id', 'a.owner_id')
      .leftJoin('invoice as i', 'i.id', 'a.invoice_id')
      .leftJoin('supplier as s', 's.id', 'i.supplier_id')
      .where('a.movement_id', movementId)
      .orderBy('a.id')
      .select('a.id', 'a.kind', 'a.call_line_id as callLineId', 'a.invoice_id as invoiceId', 'a.owner_id as ownerId', 'a.amount_cents as amountCents', 'a.rule', 'a.confidence', 'a.entry_id as entryId',
        'a.reversal_entry_id as reversalEntryId', 'a.created_at as createdAt', 'a.reversed_at as reversedAt', 'c.label as callLabel', 'l.ogm', 'o.name as ownerName', 'o.first_name as firstName',
        's.name as supplierName', 'i.number as invoiceNumber')) as Record<string, unknown>[];
    const at = (v: unknown) => (v === null || v === undefined ? null : (v instanceof Date ? v : new Date(typeof v === 'number' ? v : String(v))).toISOString());
    return {
      ...toRow(r),
      allocations: allocations.map((a) => {
        const owner = [a.ownerName, a.firstName].filter(Boolean).join(' ');
        const label = a.kind === 'invoice' ? `${String(a.supplierName)} ${String(a.invoiceNumber)}` : a.kind === 'call_line' ? `${owner} — ${String(a.callLabel)}` : `${owner} — avoir / tegoed`;
        return {
          id: Number(a.id), kind: a.kind as 'call_line', callLineId: a.callLineId === null ? null : Number(a.callLineId), invoiceId: a.invoiceId === null ? null : Number(a.invoiceId),
          ownerId: a.ownerId === null ? null : Number(a.ownerId), amountCents: Number(a.amountCents), label, rule: a.rule as 'manual', confidence: a.confidence === null ? null : Number(a.confidence),
          entryId: Number(a.entryId), reversalEntryId: a.reversalEntryId === null ? null : Number(a.reversalEntryId), createdAt: at(a.createdAt) as string, reversedAt: at(a.reversedAt),
        };
      }),
    };
  },

  'bank.openItems': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const lines = await callLines(ctx.em, buildingId, { onlyOpen: true });
    const invoices = await openInvoices(ctx.em, buildingId);
    return {
      callLines: lines.map((l) => ({ id: l.id, callId: l.callId, label: l.label, kind: l.kind, ownerId: l.ownerId, ownerName: l.ownerName, ogm: l.ogm, amountCents: l.amountCents, openCents: l.openCents, dueDate: l.dueDate })),
      invoices: invoices.map((i) => ({ id: i.id, supplierId: i.supplierId, supplierName: i.supplierName, number: i.number, amountCents: i.amountCents, openCents: i.openCents, dueDate: i.dueDate })),
    };
  },

  'bank.suggestions': async ({ movementId }, ctx) => {
    const m = await movementInScope(ctx, movementId);
    const left = Math.abs(m.amountCents) - m.allocatedCents;
    if (m.status === 'matched' || left <= 0) return { movementId, threshold: AUTO_MATCH_THRESHOLD, candidates: [] };
    const mc = await matchContext(ctx.em, m.building.id);
    const names = new Map<number, string>();
    const candidates = suggest({ ...movementFacts(m), amountCents: Math.sign(m.amountCents) * left }, mc.books).slice(0, 10);
    for (const c of candidates) for (const a of c.allocations) if (a.kind === 'owner_credit' && !names.has(a.ownerId)) names.set(a.ownerId, ownerDisplayName(await ctx.em.findOneOrFail(OwnerSchema, { id: a.ownerId })));
    return {
      movementId, threshold: AUTO_MATCH_THRESHOLD,
      candidates: candidates.map((c) => ({ confidence: c.confidence, rule: c.rule, reason: c.reason, allocations: c.allocations.map((a) => view(a, allocationLabel(a, mc.books, (id) => names.get(id)))) })),
    };
  },

  'bank.match': async ({ movementId, allocations, rule, confidence }, ctx) => {
    const m = await movementInScope(ctx, movementId);
    if (m.status === 'matched') throw new DomainRuleError('movement_matched', 'This movement is already matched in full: un-match it first to change what it pays');
    if (m.amountCents === 0) throw new DomainRuleError('movement_zero', 'A movement of zero pays nothing');
    const mc = await matchContext(ctx.em, m.building.id);
    const resolved = await resolveAllocations(ctx.em, m, allocations, mc);
    const entryId = await applyMatch(ctx, m, resolved, rule, confidence, mc);
    ctx.audit('bank.match', 'bank_movement', m.id, null, { allocations: resolved, entryId, rule });
    ctx.emit('data-changed', { entity: 'bank', ids: [m.building.id] });
    ctx.emit('data-changed', { entity: 'ledger', ids: [m.building.id] });
    return { movementId, status: m.status as 'matched' | 'partial', allocatedCents: m.allocatedCents, entryId };
  },

  'bank.unmatch': async ({ movementId }, ctx) => {
    const m = await movementInScope(ctx, movementId);
    const reversalEntryIds = await unmatchMovement(ctx, m);
    ctx.audit('bank.unmatch', 'bank_movement', m.id, null, { reversalEntryIds });
    ctx.emit('data-changed', { entity: 'bank', ids: [m.building.id] });
    ctx.emit('data-changed', { entity: 'ledger', ids: [m.building.id] });
    return { movementId, reversalEntryIds };
  },

  'bank.autoMatch': async ({ statementId, buildingId, threshold }, ctx) => {
    let building: number;
    if (statementId !== undefined) {
      const st = await ctx.em.findOne(BankStatementSchema, { id: statementId });
      if (!st) throw new NotFoundError('Bank statement', statementId);
      building = st.building.id;
    } else building = buildingId as number;
    await buildingInScope(ctx, building);
    const movements = await ctx.em.find(BankMovementSchema, { building, status: 'unmatched', ...(statementId !== undefined ? { statement: statementId } : {}) });
    const examined = movements.filter((m) => m.amountCents !== 0).length;
    const matched = await autoMatchMovements(ctx, building, movements, threshold);
    ctx.audit('bank.autoMatch', 'building', building, null, { statementId: statementId ?? null, examined, matched });
    ctx.emit('data-changed', { entity: 'bank', ids: [building] });
    ctx.emit('data-changed', { entity: 'ledger', ids: [building] });
    return { examined, matched, left: examined - matched };
  },

  'owners.bankDetails': async ({ ownerId }, ctx) => {
    const o = await ownerInScope(ctx, ownerId);
    // An owner's account is the syndic's business, not the council's (GDPR: minimal access).
    if (!(await ctx.scope()).all) throw new NotFoundError('Owner', ownerId);
    return {
      ownerId, iban: o.iban ?? null,
      mandate: o.sepaMandateId && o.sepaMandateSignedOn ? { id: o.sepaMandateId, signedOn: isoDay(o.sepaMandateSignedOn), lastCollectionOn: o.sepaLastCollectionOn ? isoDay(o.sepaLastCollectionOn) : null } : null,
    };
  },

  'owners.setBankDetails': async ({ ownerId, iban, mandate }, ctx) => {
    const o = await ownerInScope(ctx, ownerId);
    if (mandate && !iban) throw new DomainRuleError('mandate_without_iban', 'A direct-debit mandate needs the account it debits: give the owner’s IBAN', { path: ['iban'] });
    const before = { iban: o.iban ?? null, mandateId: o.sepaMandateId ?? null, signedOn: o.sepaMandateSignedOn ?? null };
    // A new mandate (or a new account under it) starts again with a first collection (FRST).
    const fresh = !mandate || mandate.id !== o.sepaMandateId || iban !== o.iban;
    Object.assign(o, {
      iban, sepaMandateId: mandate?.id ?? null, sepaMandateSignedOn: mandate?.signedOn ?? null, sepaLastCollectionOn: fresh ? null : (o.sepaLastCollectionOn ?? null), updatedAt: ctx.now(),
    });
    ctx.audit('owners.setBankDetails', 'owner', ownerId, before, { iban, mandateId: mandate?.id ?? null, signedOn: mandate?.signedOn ?? null });
    ctx.emit('data-changed', { entity: 'owner', ids: [ownerId] });
    return { ownerId };
  },
};

