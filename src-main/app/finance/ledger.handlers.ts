import { FiscalYearSchema, JournalEntrySchema, JournalSchema, LedgerAccountSchema } from '../../db/entities/index.js';
import { reversal } from '../../domain/ledger.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DomainRuleError, ImportInvalidError, NotFoundError } from '../errors.js';
import { assertBuildingVisible, buildingInScope } from '../scope.js';
import { checkEntry, entryDetail, entryReference, loadEntry, postEntry } from './posting.js';
import type { Problem } from '../../../src-shared/result.js';
import { sql } from '../../db/knex.js';

type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

const toFy = (f: { id: number; startDate: string; endDate: string; status: string }) => ({ id: f.id, startDate: f.startDate, endDate: f.endDate, status: f.status as 'open' | 'closed' });

async function fiscalYearOf(ctx: HandlerContext, buildingId: number, fiscalYearId: number) {
  const fy = await ctx.em.findOne(FiscalYearSchema, { id: fiscalYearId, building: buildingId });
  if (!fy) throw new NotFoundError('Fiscal year', fiscalYearId);
  return fy;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

interface Cursor { d: string; i: number; b: number }
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string | null): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.d) && Number.isSafeInteger(c.i) && Number.isSafeInteger(c.b)) return c;
  } catch {
    /* fall through */
  }
  throw new DomainRuleError('bad_cursor', 'This page cursor is not valid', { path: ['cursor'] });
}

export const ledgerHandlers: Handlers<
  'ledger.fiscalYears' | 'ledger.openYear' | 'ledger.closeYear' | 'ledger.accounts' | 'ledger.createAccount' | 'ledger.journals' | 'ledger.post' | 'ledger.reverse' | 'ledger.entry' | 'ledger.accountLines' | 'ledger.trialBalance' | 'ledger.import'
> = {
  'ledger.fiscalYears': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    return (await ctx.em.find(FiscalYearSchema, { building: buildingId }, { orderBy: { startDate: 'desc' } })).map(toFy);
  },

  'ledger.openYear': async ({ buildingId, startDate, endDate }, ctx) => {
    await buildingInScope(ctx, buildingId);
    if (endDate <= startDate) throw new DomainRuleError('year_dates', 'The end of the fiscal year must come after its start', { path: ['endDate'] });
    const last = await ctx.em.findOne(FiscalYearSchema, { building: buildingId }, { orderBy: { endDate: 'desc' } });
    if (last && startDate !== nextDay(last.endDate)) {
      throw new DomainRuleError('year_not_contiguous', `A new fiscal year starts the day after the last one ends (${nextDay(last.endDate)})`, { path: ['startDate'] });
    }
    const fy = ctx.em.create(FiscalYearSchema, { building: buildingId, startDate, endDate, status: 'open', closedAt: null });
    await ctx.em.flush();
    ctx.audit('ledger.openYear', 'fiscal_year', fy.id, null, toFy(fy));
    return toFy(fy);
  },

  'ledger.closeYear': async ({ fiscalYearId }, ctx) => {
    const fy = await ctx.em.findOne(FiscalYearSchema, { id: fiscalYearId });
    if (!fy) throw new NotFoundError('Fiscal year', fiscalYearId);
    await buildingInScope(ctx, fy.building.id);
    if (fy.status === 'closed') throw new DomainRuleError('fiscal_year_closed', 'This fiscal year is already closed');
    const earlierOpen = await ctx.em.count(FiscalYearSchema, { building: fy.building.id, status: 'open', startDate: { $lt: fy.startDate } });
    if (earlierOpen) throw new DomainRuleError('earlier_year_open', 'Close the earlier fiscal years first');
    fy.status = 'closed';
    fy.closedAt = ctx.now();
    ctx.audit('ledger.closeYear', 'fiscal_year', fy.id, { status: 'open' }, { status: 'closed' });
    return toFy(fy);
  },

  'ledger.accounts': async ({ buildingId, fiscalYearId }, ctx) => {
    await assertBuildingVisible(ctx, buildingId);
    // Plain rows, not entities: a building's chart is ~150 accounts plus one or two per owner and supplier.
    const accounts = (await sql(ctx.em, 'ledger_account').where({ building_id: buildingId })
      .select('id', 'code', 'label_fr as labelFr', 'label_nl as labelNl', 'type', 'parent_code as parentCode', 'owner_id as ownerId')) as
      { id: number; code: string; labelFr: string; labelNl: string; type: AccountType; parentCode: string | null; ownerId: number | null }[];
    if (accounts.length === 0) await buildingInScope(ctx, buildingId); // unknown building: NOT_FOUND
    accounts.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)); // byte order on both drivers
    const sums = new Map<number, { d: number; c: number }>();
    if (fiscalYearId !== undefined) {
      await fiscalYearOf(ctx, buildingId, fiscalYearId);
      const rows = (await sql(ctx.em, 'journal_line').where({ fiscal_year_id: fiscalYearId }).groupBy('account_id')
        .select('account_id').sum({ d: 'debit_cents' }).sum({ c: 'credit_cents' })) as { account_id: number; d: string | number; c: string | number }[];
      for (const r of rows) sums.set(Number(r.account_id), { d: Number(r.d), c: Number(r.c) });
    }
    // Roll the movements of sub-accounts up to every ancestor (6100 → 610 → 61 → 6).
    const byCode = new Map(accounts.map((a) => [a.code, { a, d: 0, c: 0 }]));
    for (const a of accounts) {
      const s = sums.get(Number(a.id));
      if (!s) continue;
      let node = byCode.get(a.code);
      while (node) {
        node.d += s.d;
        node.c += s.c;
        node = node.a.parentCode ? byCode.get(node.a.parentCode) : undefined;
      }
    }
    return [...byCode.values()].map(({ a, d, c }) => ({
      id: Number(a.id), code: a.code, labelFr: a.labelFr, labelNl: a.labelNl, type: a.type, parentCode: a.parentCode ?? null,
      ownerId: a.ownerId === null ? null : Number(a.ownerId), debitCents: d, creditCents: c, balanceCents: d - c,
    }));
  },

  'ledger.createAccount': async ({ buildingId, parentCode, suffix, labelFr, labelNl }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const parent = await ctx.em.findOne(LedgerAccountSchema, { building: buildingId, code: parentCode });
    if (!parent) throw new DomainRuleError('unknown_account', `Account ${parentCode} does not exist`, { path: ['parentCode'] });
    const code = `${parentCode.replace(/-.*/, '')}-${suffix}`;
    if (await ctx.em.count(LedgerAccountSchema, { building: buildingId, code })) throw new DomainRuleError('account_exists', `Account ${code} already exists`, { path: ['suffix'] });
    const a = ctx.em.create(LedgerAccountSchema, { building: buildingId, code, labelFr, labelNl, type: parent.type, parentCode: parent.code, fromChart: false, owner: null, supplierId: null, bankAccount: null });
    await ctx.em.flush();
    ctx.audit('ledger.createAccount', 'ledger_account', a.id, null, { code, labelFr, labelNl });
    return { id: a.id, code };
  },

  'ledger.journals': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const js = await ctx.em.find(JournalSchema, { building: buildingId }, { orderBy: { code: 'asc' } });
    return js.map((j) => ({ id: j.id, code: j.code, kind: j.kind as never, bankAccountId: j.bankAccount?.id ?? null }));
  },

  'ledger.post': async ({ buildingId, journalCode, date, description, lines }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const e = await postEntry(ctx.em, { buildingId, journalCode, date, description, lines: lines.map((l) => ({ ...l, label: l.label ?? null })), sourceType: 'manual' }, ctx.actor.label, ctx.now());
    const detail = await entryDetail(ctx.em, e.id);
    ctx.audit('ledger.post', 'journal_entry', e.id, null, { reference: detail.reference, totalCents: detail.totalCents });
    ctx.emit('data-changed', { entity: 'ledger', ids: [buildingId] });
    return detail;
  },

  'ledger.reverse': async ({ entryId, date, description }, ctx) => {
    const original = await ctx.em.findOne(JournalEntrySchema, { id: entryId }, { populate: ['journal'] });
    if (!original) throw new NotFoundError('Entry', entryId);
    const buildingId = original.building.id;
    await buildingInScope(ctx, buildingId);
    if (original.reversedById) throw new DomainRuleError('already_reversed', 'This entry was already reversed');
    if (date < original.date) throw new DomainRuleError('reversal_before_entry', 'A reversal cannot be dated before the entry it cancels', { path: ['date'] });
    const detail = await entryDetail(ctx.em, entryId);
    const e = await postEntry(ctx.em, {
      buildingId, journalCode: original.journal.code, date, description: description || `Extourne ${detail.reference}`,
      lines: reversal(detail.lines.map((l) => ({ accountCode: l.accountCode, debitCents: l.debitCents, creditCents: l.creditCents, label: l.label }))),
      sourceType: 'reversal', sourceId: entryId, reversalOfId: entryId,
    }, ctx.actor.label, ctx.now());
    original.reversedById = e.id;
    await ctx.em.flush();
    ctx.audit('ledger.reverse', 'journal_entry', entryId, null, { reversalId: e.id });
    ctx.emit('data-changed', { entity: 'ledger', ids: [buildingId] });
    return entryDetail(ctx.em, e.id);
  },

  'ledger.entry': async ({ entryId }, ctx) => {
    const { buildingId, detail } = await loadEntry(ctx.em, entryId);
    await assertBuildingVisible(ctx, buildingId);
    return detail;
  },

  'ledger.accountLines': async ({ buildingId, fiscalYearId, accountCode, cursor, limit }, ctx) => {
    await assertBuildingVisible(ctx, buildingId);
    const after = decodeCursor(cursor);
    const knex = ctx.em.getKnex();
    // One statement: the account and the year's dates come in as scalar subqueries, the
    // page is a keyset range on the (account_id, date, id) index; the cursor carries the
    // running balance. (Joining them instead made PostgreSQL sort the whole year first.)
    const accountId = knex('ledger_account').select('id').where({ building_id: buildingId, code: accountCode });
    const year = () => knex('fiscal_year').where({ id: fiscalYearId, building_id: buildingId });
    const q = sql(ctx.em, 'journal_line as l')
      .join('journal_entry as e', 'e.id', 'l.entry_id')
      .join('journal as j', 'j.id', 'e.journal_id')
      .where('l.account_id', '=', accountId)
      .where('l.date', '>=', year().select('start_date'))
      .where('l.date', '<=', year().select('end_date'))
      .select('l.id', 'l.entry_id as entryId', 'l.date', 'l.label', 'l.debit_cents as d', 'l.credit_cents as c', 'e.description', 'e.number', 'j.code as journalCode')
      // The year's start names the entries (ACH-2026-0042).
      .select({ fyStart: year().select('start_date') })
      .orderBy([{ column: 'l.date' }, { column: 'l.id' }])
      .limit(limit + 1);
    if (after) q.whereRaw('(l.date, l.id) > (?, ?)', [after.d, after.i]);
    const rows = (await q) as { id: number; entryId: number; date: string; label: string | null; d: string | number; c: string | number; description: string; number: number; journalCode: string; fyStart: string }[];
    if (rows.length === 0) {
      // An empty page may mean an unknown year or account: say which.
      await fiscalYearOf(ctx, buildingId, fiscalYearId);
      if (!(await sql(ctx.em, 'ledger_account').where({ building_id: buildingId, code: accountCode }).first('id'))) {
        throw new DomainRuleError('unknown_account', `Account ${accountCode} does not exist`, { path: ['accountCode'] });
      }
    }
    const isoDay = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : new Date(v as Date).toISOString().slice(0, 10));
    let balance = after?.b ?? 0;
    const page = rows.slice(0, limit).map((r) => {
      const d = Number(r.d), c = Number(r.c);
      balance += d - c;
      const date = isoDay(r.date);
      return { lineId: Number(r.id), entryId: Number(r.entryId), reference: entryReference(r.journalCode, isoDay(r.fyStart), Number(r.number)), date, description: r.description, label: r.label, debitCents: d, creditCents: c, balanceCents: balance };
    });
    const last = page[page.length - 1];
    return { lines: page, openingCents: after?.b ?? 0, nextCursor: rows.length > limit && last ? encodeCursor({ d: last.date, i: last.lineId, b: last.balanceCents }) : null };
  },

  'ledger.trialBalance': async ({ buildingId, fiscalYearId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    await fiscalYearOf(ctx, buildingId, fiscalYearId);
    const rows = (await sql(ctx.em, 'journal_line as l')
      .join('ledger_account as a', 'a.id', 'l.account_id')
      .where('l.fiscal_year_id', fiscalYearId)
      .groupBy('a.id', 'a.code', 'a.label_fr', 'a.label_nl', 'a.type')
      .select('a.code', 'a.label_fr as labelFr', 'a.label_nl as labelNl', 'a.type')
      .sum({ d: 'l.debit_cents' }).sum({ c: 'l.credit_cents' })) as { code: string; labelFr: string; labelNl: string; type: AccountType; d: string | number; c: string | number }[];
    let totalDebitCents = 0, totalCreditCents = 0;
    // Sorted here, not in SQL: PostgreSQL's collation would order "4101-12" unlike SQLite.
    rows.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    const out = rows.map((r) => {
      const d = Number(r.d), c = Number(r.c);
      totalDebitCents += d;
      totalCreditCents += c;
      return { code: r.code, labelFr: r.labelFr, labelNl: r.labelNl, type: r.type, debitCents: d, creditCents: c, balanceCents: d - c };
    });
    return { rows: out, totalDebitCents, totalCreditCents };
  },

  'ledger.import': async ({ buildingId, entries }, ctx) => {
    await buildingInScope(ctx, buildingId);
    // Check every entry first: one bad entry rejects the whole file, nothing posted.
    const problems: Problem[] = [];
    for (const [i, e] of entries.entries()) {
      try {
        await checkEntry(ctx.em, { buildingId, ...e, lines: e.lines.map((l) => ({ ...l, label: l.label ?? null })) }, ['entries', i]);
      } catch (err) {
        if (!(err instanceof DomainRuleError)) throw err;
        problems.push({ path: (err.details?.path as (string | number)[]) ?? ['entries', i], code: String(err.details?.rule), message: `entries[${i}]: ${err.message}` });
        if (problems.length >= 200) break;
      }
    }
    if (problems.length) throw new ImportInvalidError(`The file was rejected: ${problems.length} entr${problems.length > 1 ? 'ies are' : 'y is'} wrong; nothing was posted`, problems);
    let lines = 0;
    for (const e of entries) {
      await postEntry(ctx.em, { buildingId, ...e, lines: e.lines.map((l) => ({ ...l, label: l.label ?? null })), sourceType: 'import' }, ctx.actor.label, ctx.now());
      lines += e.lines.length;
    }
    ctx.audit('ledger.import', 'building', buildingId, null, { entries: entries.length, lines });
    ctx.emit('data-changed', { entity: 'ledger', ids: [buildingId] });
    return { posted: entries.length, lines };
  },
};
