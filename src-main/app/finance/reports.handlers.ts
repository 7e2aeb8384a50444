import { FiscalYearSchema, LedgerAccountSchema, type Building } from '../../db/entities/index.js';
import { rawDate, sql } from '../../db/knex.js';
import { balanceSheet, compareAccountCodes, incomeStatement, type AccountType, type ChartAccount, type Movement } from '../../domain/annual-accounts.js';
import type { OpParsedInput } from '../../../src-shared/contract/index.js';
import type { GeneralLedger, GeneralLedgerAccount, OwnerStatement, ReportHeader, ReportLine } from '../../../src-shared/contract/reports.js';
import { roleAllows } from '../../../src-shared/permissions.js';
import type { HandlerContext, Handlers } from '../context.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { ownerDisplayName } from '../portfolio/mappers.js';
import { buildingInScope } from '../scope.js';
import { toCsv } from './csv-export.js';
import { ledgerHandlers } from './ledger.handlers.js';
import { toPdf } from './pdf-export.js';
import { balanceSheetDocument, generalLedgerDocument, incomeStatementDocument, ownerStatementDocument, trialBalanceDocument, type ReportDocument } from './report-document.js';
import { entryReference } from './posting.js';

const canReadFinance = (ctx: HandlerContext) => roleAllows(ctx.actor.roles.map((r) => r.role), 'finance.read');

const toHeader = (b: Building, fy: { id: number; startDate: string; endDate: string; status: string }): ReportHeader => ({
  building: { id: b.id, name: b.name, street: b.street, postalCode: b.postalCode, city: b.city, bce: b.bce ?? null },
  fiscalYear: { id: fy.id, startDate: fy.startDate, endDate: fy.endDate, status: fy.status as 'open' | 'closed' },
});

async function yearOf(ctx: HandlerContext, building: Building, fiscalYearId: number) {
  const fy = await ctx.em.findOne(FiscalYearSchema, { id: fiscalYearId, building: building.id });
  if (!fy) throw new NotFoundError('Fiscal year', fiscalYearId);
  return fy;
}

/** Building (in the caller's scope) and fiscal year of a report. */
async function headerOf(ctx: HandlerContext, buildingId: number, fiscalYearId: number) {
  const b = await buildingInScope(ctx, buildingId);
  const fy = await yearOf(ctx, b, fiscalYearId);
  return { fy, header: toHeader(b, fy) };
}

interface RawLine { id: number; accountId: number; entryId: number; date: string | Date; label: string | null; d: string | number; c: string | number; description: string; number: number; journalCode: string }

/** The lines of a fiscal year, by date then line: the order they were posted in. */
async function yearLines(ctx: HandlerContext, fy: { id: number; startDate: string }) {
  const q = sql(ctx.em, 'journal_line as l')
    .join('journal_entry as e', 'e.id', 'l.entry_id')
    .join('journal as j', 'j.id', 'e.journal_id')
    .where('l.fiscal_year_id', fy.id)
    .select('l.id', 'l.account_id as accountId', 'l.entry_id as entryId', 'l.date', 'l.label', 'l.debit_cents as d', 'l.credit_cents as c', 'e.description', 'e.number', 'j.code as journalCode')
    .orderBy([{ column: 'l.date' }, { column: 'l.id' }]);
  const rows = (await q) as RawLine[];
  return rows.map((r) => ({
    lineId: Number(r.id), accountId: Number(r.accountId), entryId: Number(r.entryId),
    date: typeof r.date === 'string' ? r.date.slice(0, 10) : r.date.toISOString().slice(0, 10),
    label: r.label, debitCents: Number(r.d), creditCents: Number(r.c), description: r.description,
    journalCode: r.journalCode, reference: entryReference(r.journalCode, fy.startDate, Number(r.number)),
  }));
}
type YearLine = Awaited<ReturnType<typeof yearLines>>[number];

/** Lines with the running balance (debit − credit) from 0 at the start of the year, and their totals. */
function withBalance(lines: Omit<YearLine, 'accountId'>[]): { lines: ReportLine[]; totalDebitCents: number; totalCreditCents: number; balanceCents: number } {
  let balance = 0, d = 0, c = 0;
  const out = lines.map((l) => {
    balance += l.debitCents - l.creditCents;
    d += l.debitCents;
    c += l.creditCents;
    return { lineId: l.lineId, entryId: l.entryId, reference: l.reference, journalCode: l.journalCode, date: l.date, description: l.description, label: l.label, debitCents: l.debitCents, creditCents: l.creditCents, balanceCents: balance };
  });
  return { lines: out, totalDebitCents: d, totalCreditCents: c, balanceCents: balance };
}

/**
 * Is `code` within [from, to] in account order? `to` takes in its sub-accounts and
 * descendants: 6 → 6 takes all of class 6, 4101 → 4101 every owner's 4101-x.
 */
function inRange(code: string, from: string | undefined, to: string | undefined): boolean {
  if (from !== undefined && compareAccountCodes(code, from) < 0) return false;
  if (to === undefined || compareAccountCodes(code, to) <= 0) return true;
  return !to.includes('-') && code.replace(/-.*/, '').startsWith(to);
}

export async function generalLedgerOf(ctx: HandlerContext, input: OpParsedInput<'ledger.generalLedger'>): Promise<GeneralLedger> {
  const { fy, header } = await headerOf(ctx, input.buildingId, input.fiscalYearId);
  const accounts = (await ctx.em.find(LedgerAccountSchema, { building: input.buildingId })).filter((a) => inRange(a.code, input.fromCode, input.toCode));
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const perAccount = new Map<number, YearLine[]>();
  for (const l of await yearLines(ctx, fy)) {
    if (!byId.has(l.accountId)) continue;
    const list = perAccount.get(l.accountId) ?? [];
    list.push(l);
    perAccount.set(l.accountId, list);
  }
  const out: GeneralLedgerAccount[] = [];
  let totalDebitCents = 0, totalCreditCents = 0;
  for (const [id, lines] of perAccount) {
    const a = byId.get(id)!;
    const run = withBalance(lines);
    totalDebitCents += run.totalDebitCents;
    totalCreditCents += run.totalCreditCents;
    out.push({ code: a.code, labelFr: a.labelFr, labelNl: a.labelNl, type: a.type as AccountType, openingCents: 0, lines: run.lines, totalDebitCents: run.totalDebitCents, totalCreditCents: run.totalCreditCents, closingCents: run.balanceCents });
  }
  out.sort((x, y) => compareAccountCodes(x.code, y.code));
  return { ...header, accounts: out, totalDebitCents, totalCreditCents };
}

interface OwnerStatementRow {
  buildingId: number; name: string; street: string; postalCode: string; city: string; bce: string | null;
  fyId: number | null; fyStart: unknown; fyEnd: unknown; fyStatus: string | null;
  ownerId: number | null; ownerKind: string | null; ownerName: string | null; ownerFirstName: string | null;
  accounts?: number | string;
  /** The line's columns: null on the one row of a statement without lines. */
  lineId: number | null; accountCode: string; entryId: number; date: unknown; label: string | null; d: string | number; c: string | number; description: string; number: number; journalCode: string;
}

/**
 * Everything an owner's statement shows, in one statement: the building, the fiscal year and
 * the owner (left joins on the ids asked for) with the year's lines of the owner's two
 * accounts, resolved inside it so that it walks the (account_id, date, id) index. The page
 * is opened often; each ORM lookup cost a round trip and a hydration (docs/performance.md).
 *
 * Who may read it: whoever reads the building's books (finance.read, in scope), and the
 * owner themself — their own only (AR 12/07/2012: each co-owner can see their individual
 * account at any time), also in a building where they no longer hold a lot (they still have
 * accounts there).
 */
async function ownerStatementRows(ctx: HandlerContext, { buildingId, fiscalYearId, ownerId }: OpParsedInput<'ledger.ownerStatement'>, codes: string[]): Promise<OwnerStatementRow[]> {
  const finance = canReadFinance(ctx);
  const scope = await ctx.scope();
  if (finance) {
    if (!scope.all && !scope.buildingIds.has(buildingId)) throw new NotFoundError('Building', buildingId);
  } else if (!scope.ownerIds?.has(ownerId)) throw new ForbiddenError("You may read only your own owner's account");
  const knex = ctx.em.getKnex();
  const accounts = knex('ledger_account').select('id').where('building_id', buildingId).whereIn('code', codes);
  const lines = knex('journal_line as l')
    .join('ledger_account as a', 'a.id', 'l.account_id')
    .join('journal_entry as e', 'e.id', 'l.entry_id')
    .join('journal as j', 'j.id', 'e.journal_id')
    .where('l.fiscal_year_id', fiscalYearId)
    .whereIn('l.account_id', accounts)
    .select('l.fiscal_year_id as fyId', 'a.code as accountCode', 'l.id as lineId', 'l.entry_id as entryId', 'l.date', 'l.label', 'l.debit_cents as d', 'l.credit_cents as c', 'e.description', 'e.number', 'j.code as journalCode');
  const q = sql(ctx.em, 'building as b')
    .leftJoin('fiscal_year as fy', (j) => j.on('fy.building_id', '=', 'b.id').andOnVal('fy.id', '=', fiscalYearId))
    .leftJoin('owner as o', (j) => j.onVal('o.id', '=', ownerId))
    .leftJoin(lines.as('x'), 'x.fyId', 'fy.id')
    .where('b.id', buildingId)
    .select('b.id as buildingId', 'b.name', 'b.street', 'b.postal_code as postalCode', 'b.city', 'b.bce',
      'fy.id as fyId', 'fy.start_date as fyStart', 'fy.end_date as fyEnd', 'fy.status as fyStatus',
      'o.id as ownerId', 'o.kind as ownerKind', 'o.name as ownerName', 'o.first_name as ownerFirstName',
      'x.accountCode', 'x.lineId', 'x.entryId', 'x.date', 'x.label', 'x.d', 'x.c', 'x.description', 'x.number', 'x.journalCode')
    .orderBy([{ column: 'x.date' }, { column: 'x.lineId' }]);
  if (!finance) q.select({ accounts: knex('ledger_account').count('*').where('building_id', buildingId).whereIn('code', codes) });
  const rows = (await q) as OwnerStatementRow[];
  const h = rows[0];
  if (!h || (!finance && !scope.buildingIds.has(buildingId) && Number(h.accounts ?? 0) === 0)) throw new NotFoundError('Building', buildingId);
  if (h.fyId === null) throw new NotFoundError('Fiscal year', fiscalYearId);
  if (h.ownerId === null) throw new NotFoundError('Owner', ownerId);
  return rows;
}

export async function ownerStatementOf(ctx: HandlerContext, input: OpParsedInput<'ledger.ownerStatement'>): Promise<OwnerStatement> {
  // 4100-<id>: calls to the reserve fund; 4101-<id>: provisions for the working capital.
  const codes = { reserve: `4100-${input.ownerId}`, working: `4101-${input.ownerId}` } as const;
  const rows = await ownerStatementRows(ctx, input, [codes.reserve, codes.working]);
  const h = rows[0]!;
  const fy = { id: Number(h.fyId), startDate: rawDate(h.fyStart), endDate: rawDate(h.fyEnd), status: h.fyStatus as 'open' | 'closed' };
  const lines = rows.filter((r) => r.lineId !== null).map((r) => ({
    fund: r.accountCode === codes.reserve ? ('reserve' as const) : ('working' as const), lineId: Number(r.lineId), entryId: Number(r.entryId),
    date: rawDate(r.date), label: r.label, debitCents: Number(r.d), creditCents: Number(r.c), description: r.description,
    journalCode: r.journalCode, reference: entryReference(r.journalCode, fy.startDate, Number(r.number)),
  }));
  const fund = (f: 'reserve' | 'working') => {
    const run = withBalance(lines.filter((l) => l.fund === f));
    return { accountCode: codes[f], lines: run.lines, totalDebitCents: run.totalDebitCents, totalCreditCents: run.totalCreditCents, balanceCents: run.balanceCents };
  };
  const combined = withBalance(lines);
  return {
    building: { id: Number(h.buildingId), name: h.name, street: h.street, postalCode: h.postalCode, city: h.city, bce: h.bce ?? null },
    fiscalYear: fy,
    owner: { id: input.ownerId, displayName: ownerDisplayName({ kind: String(h.ownerKind), name: String(h.ownerName), firstName: h.ownerFirstName ?? null }) },
    reserve: fund('reserve'), working: fund('working'),
    combined: {
      lines: combined.lines.map((l, i) => {
        const f = lines[i]!.fund;
        return { ...l, fund: f, accountCode: codes[f] };
      }),
      totalDebitCents: combined.totalDebitCents,
      totalCreditCents: combined.totalCreditCents,
    },
    dueCents: combined.balanceCents,
  };
}

/** The chart of the building and the movements of the year per account code. */
async function balanceOf(ctx: HandlerContext, buildingId: number, fiscalYearId: number) {
  const { header } = await headerOf(ctx, buildingId, fiscalYearId);
  const accounts = await ctx.em.find(LedgerAccountSchema, { building: buildingId });
  const chart: ChartAccount[] = accounts.map((a) => ({ code: a.code, labelFr: a.labelFr, labelNl: a.labelNl, type: a.type as AccountType, parentCode: a.parentCode ?? null, fromChart: a.fromChart }));
  const codeOf = new Map(accounts.map((a) => [a.id, a.code]));
  const rows = (await sql(ctx.em, 'journal_line').where({ fiscal_year_id: fiscalYearId }).groupBy('account_id')
    .select('account_id').sum({ d: 'debit_cents' }).sum({ c: 'credit_cents' })) as { account_id: number; d: string | number; c: string | number }[];
  const movements = new Map<string, Movement>();
  for (const r of rows) {
    const code = codeOf.get(Number(r.account_id));
    if (code) movements.set(code, { debitCents: Number(r.d), creditCents: Number(r.c) });
  }
  return { header, chart, movements };
}

async function documentFor(ctx: HandlerContext, input: OpParsedInput<'reports.export'>): Promise<ReportDocument> {
  const { kind, language, buildingId, fiscalYearId } = input;
  if (kind === 'ownerStatement') return ownerStatementDocument(await ownerStatementOf(ctx, { buildingId, fiscalYearId, ownerId: input.ownerId! }), language);
  if (!canReadFinance(ctx)) throw new ForbiddenError('Your role does not allow this report');
  switch (kind) {
    case 'trialBalance': {
      const { header } = await headerOf(ctx, buildingId, fiscalYearId);
      return trialBalanceDocument(header, await ledgerHandlers['ledger.trialBalance']({ buildingId, fiscalYearId }, ctx), language);
    }
    case 'generalLedger':
      return generalLedgerDocument(await generalLedgerOf(ctx, { buildingId, fiscalYearId }), language);
    case 'balanceSheet':
      return balanceSheetDocument(await reportHandlers['ledger.balanceSheet']({ buildingId, fiscalYearId }, ctx), language);
    case 'incomeStatement':
      return incomeStatementDocument(await reportHandlers['ledger.incomeStatement']({ buildingId, fiscalYearId }, ctx), language);
  }
}

export const reportHandlers: Handlers<'ledger.generalLedger' | 'ledger.ownerStatement' | 'ledger.balanceSheet' | 'ledger.incomeStatement' | 'reports.export'> = {
  'ledger.generalLedger': (input, ctx) => generalLedgerOf(ctx, input),

  'ledger.ownerStatement': (input, ctx) => ownerStatementOf(ctx, input),

  'ledger.balanceSheet': async ({ buildingId, fiscalYearId }, ctx) => {
    const { header, chart, movements } = await balanceOf(ctx, buildingId, fiscalYearId);
    return { ...header, ...balanceSheet(chart, movements) };
  },

  'ledger.incomeStatement': async ({ buildingId, fiscalYearId }, ctx) => {
    const { header, chart, movements } = await balanceOf(ctx, buildingId, fiscalYearId);
    return { ...header, ...incomeStatement(chart, movements) };
  },

  'reports.export': async (input, ctx) => {
    const doc = await documentFor(ctx, input);
    const bytes = input.format === 'csv' ? toCsv(doc) : await toPdf(doc, ctx.now());
    return {
      fileName: `${doc.fileStem}.${input.format}`,
      mimeType: input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf',
      contentBase64: Buffer.from(bytes).toString('base64'),
    };
  },
};
