/**
 * What the benchmark measures: each query through the real handlers (in-process, and over
 * the browser door's HTTP), and the same result by one hand-written SQL query on the same
 * connection; the pure domain computations; a command's event reaching a WebSocket client.
 */
import type { Knex } from 'knex';
import { allocate, reserveFloorCents, type LotOwnerShare } from '../src-main/domain/allocation.js';
import { distribute } from '../src-main/domain/distribution.js';
import { tally, type TallyInput, type VoteChoice } from '../src-main/domain/tally.js';
import { parseTallyInput } from '../src-main/domain/tally-input.js';
import { ownerDisplayName } from '../src-main/app/portfolio/mappers.js';
import { isOperationName } from '../src-shared/contract/index.js';
import { compareText } from '../src-shared/text.js';
import { LAST_YEAR } from './bench-firm.js';

export interface Fixture {
  buildingId: number;
  buildingLots: number;
  /** The last closed year (a full year of data). */
  fiscalYearId: number;
  fiscalYearStart: string;
  busyAccount: string;
  busyAccountLines: number;
  ownerId: number;
  paidDeepCursor: string | null;
  paidDeepPages: number;
  ledgerDeepCursor: string | null;
  ledgerDeepPages: number;
  /** The purchase entry of the building's last paid invoice of the year (two lines). */
  entryId: number;
  /** The first invoice of the approval inbox. */
  invoiceId: number;
  /** Generated general assemblies (none in a database of an older generator). */
  assemblies: AssemblyFixture | null;
}

export interface AssemblyFixture {
  /** The closed assembly of the largest building: the most voters of the firm. */
  largest: { id: number; voters: number; resolutions: number; proxies: number };
  /** The closed assembly with 10 resolutions whose voters are closest to 40 (the minutes PDF). */
  minutes: { id: number; voters: number; resolutions: number };
}

/** A generated assembly as the meeting room reads it (ag.get): the engine's input of all its resolutions. */
interface AgDetail {
  voters: { key: string; name: string; shares: number; mode: string; holder: string | null }[];
  people: { key: string; name: string; syndic: boolean }[];
  items: { id: number; voted: boolean; majority: string; votes: Record<string, VoteChoice> }[];
}

async function assemblyFixture(knex: Knex, call: Call, buildingId: number): Promise<AssemblyFixture | null> {
  const list = await rows<{ id: number; buildingId: number; resolutions: number }>(knex,
    `select a.id, a.building_id as "buildingId", (select count(*) from agenda_item i where i.assembly_id = a.id and i.voted = ?) as resolutions
     from assembly a where a.status = 'closed' order by a.id`, [true]).catch(() => []);
  if (list.length === 0) return null;
  const voters = async (id: number) => ((await call('ag.get', { id })) as AgDetail).voters;
  const flagship = list.find((a) => Number(a.buildingId) === buildingId) ?? list[0]!;
  const fv = await voters(Number(flagship.id));
  let minutes: AssemblyFixture['minutes'] | null = null;
  const tens = list.filter((a) => Number(a.resolutions) === 10);
  for (const a of tens.length ? tens : list) {
    const n = (await voters(Number(a.id))).length;
    if (!minutes || Math.abs(n - 40) < Math.abs(minutes.voters - 40)) minutes = { id: Number(a.id), voters: n, resolutions: Number(a.resolutions) };
  }
  return {
    largest: { id: Number(flagship.id), voters: fv.length, resolutions: Number(flagship.resolutions), proxies: fv.filter((v) => v.mode === 'proxy').length },
    minutes: minutes as AssemblyFixture['minutes'],
  };
}

/** The tally engine's input for every resolution of a meeting read through ag.get. */
function tallyInputOf(ag: AgDetail): TallyInput {
  const input = {
    session: 'first', totalShares: ag.voters.reduce((s, v) => s + v.shares, 0),
    owners: ag.voters.map((v) => ({ id: v.key, name: v.name, shares: v.shares })),
    people: ag.people.map((p) => ({ id: p.key, name: p.name, ...(p.syndic ? { role: 'syndic' } : {}) })),
    attendance: ag.voters.filter((v) => v.mode !== 'absent').map((v) => (v.mode === 'present' ? { owner: v.key, present: true } : { owner: v.key, proxyHolder: v.holder ?? '' })),
    resolutions: ag.items.filter((i) => i.voted).map((i) => ({ id: String(i.id), majority: i.majority, votes: i.votes })),
  };
  const parsed = parseTallyInput(input);
  if (!parsed.ok) throw new Error(`generated assembly: ${parsed.problems.slice(0, 3).join('; ')}`);
  return parsed.value;
}

/** Runs an operation the way a door does (a signed-in session); throws on an error envelope. */
export type Call = (op: string, input: unknown) => Promise<unknown>;

export interface QueryScenario {
  kind: 'query';
  name: string;
  what: string;
  paged: boolean;
  /** A reference point, not a screen's query: no target applies. */
  floor?: boolean;
  op: string;
  input: unknown;
  raw: () => Promise<unknown>;
  /** Checks that the raw query gives the handler's result; a message when it does not. */
  compare?: (handler: unknown, raw: unknown) => string | null;
}
export interface PureScenario {
  kind: 'pure';
  name: string;
  what: string;
  run: () => unknown;
}
/** A handler with no hand-written SQL equivalent (a document, the meeting room's state): timed through both doors. */
export interface HandlerScenario {
  kind: 'handler';
  name: string;
  what: string;
  op: string;
  input: unknown;
  /** Calls per measure when the handler is slow or writes (a stored PDF). */
  iterations?: number;
}
export type Scenario = QueryScenario | PureScenario | HandlerScenario;

export async function rows<T = Record<string, unknown>>(knex: Knex, sql: string, bindings: readonly unknown[] = []): Promise<T[]> {
  const r = (await knex.raw(sql, bindings as Knex.RawBinding[])) as unknown;
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
}

const isoDate = (v: unknown) => (typeof v === 'string' ? v : (v as Date).toISOString().slice(0, 10));
const reference = (journal: string, yearStart: string, n: number) => `${journal}-${yearStart.slice(0, 4)}-${String(n).padStart(4, '0')}`;
const decode = <T>(cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;

/** Finds what the scenarios read: the largest building, its last closed year, a busy account, deep cursors. */
export async function findFixture(knex: Knex, call: Call): Promise<Fixture> {
  const [b] = await rows<{ id: number; n: number }>(knex, 'select building_id as id, count(*) as n from lot group by building_id order by count(*) desc, building_id asc limit 1');
  if (!b) throw new Error('the benchmark database has no lots');
  const buildingId = Number(b.id);
  const [fy] = await rows<{ id: number; start: unknown }>(knex, 'select id, start_date as start from fiscal_year where building_id = ? and start_date = ?', [buildingId, `${LAST_YEAR - 1}-01-01`]);
  if (!fy) throw new Error('the benchmark database has no fiscal year');
  const fiscalYearId = Number(fy.id);
  const [busy] = await rows<{ code: string; n: number }>(knex,
    "select a.code, count(*) as n from journal_line l join ledger_account a on a.id = l.account_id where l.fiscal_year_id = ? and a.code like '55%' group by a.code order by count(*) desc limit 1", [fiscalYearId]);
  const [owner] = await rows<{ owner_id: number }>(knex,
    "select a.owner_id from journal_line l join ledger_account a on a.id = l.account_id where l.fiscal_year_id = ? and a.code like '4101-%' group by a.owner_id order by count(*) desc, a.owner_id limit 1", [fiscalYearId]);
  const busyAccount = busy?.code ?? '551-01';

  // Deep pages are reached by following cursors, as a user scrolling would.
  let paidDeepCursor: string | null = null, paidDeepPages = 0;
  for (let i = 0; i < 30; i++) {
    const page = (await call('invoices.list', { status: 'paid', sort: 'dueDate', limit: 50, cursor: paidDeepCursor })) as { nextCursor: string | null };
    if (!page.nextCursor) break;
    paidDeepCursor = page.nextCursor;
    paidDeepPages++;
  }
  let ledgerDeepCursor: string | null = null, ledgerDeepPages = 0;
  for (let i = 0; i < 8; i++) {
    const page = (await call('ledger.accountLines', { buildingId, fiscalYearId, accountCode: busyAccount, cursor: ledgerDeepCursor, limit: 100 })) as { nextCursor: string | null };
    if (!page.nextCursor) break;
    ledgerDeepCursor = page.nextCursor;
    ledgerDeepPages++;
  }
  const [entry] = await rows<{ entry_id: number }>(knex,
    "select entry_id from invoice where building_id = ? and status = 'paid' and invoice_date between ? and ? order by invoice_date desc, id desc limit 1", [buildingId, `${LAST_YEAR - 1}-01-01`, `${LAST_YEAR - 1}-12-31`]);
  const inbox = (await call('invoices.list', { status: 'pending_approval', sort: 'dueDate', limit: 1 })) as { rows: { id: number }[] };
  const assemblies = await assemblyFixture(knex, call, buildingId);
  return {
    assemblies,
    entryId: Number(entry?.entry_id ?? 0), invoiceId: inbox.rows[0]?.id ?? 0,
    buildingId, buildingLots: Number(b.n), fiscalYearId, fiscalYearStart: isoDate(fy.start), busyAccount, busyAccountLines: Number(busy?.n ?? 0),
    ownerId: Number(owner?.owner_id ?? 0), paidDeepCursor, paidDeepPages, ledgerDeepCursor, ledgerDeepPages,
  };
}

// ---------------------------------------------------------------------------- raw SQL

const INVOICE_PAGE = `select i.id, i.building_id as "buildingId", b.name as "buildingName", i.supplier_id as "supplierId", s.name as "supplierName", i.number,
  i.invoice_date as "invoiceDate", i.due_date as "dueDate", i.amount_cents as "amountCents", i.status, i.description, i.document_id as "documentId"
from invoice i join building b on b.id = i.building_id join supplier s on s.id = i.supplier_id
where i.status = ? {cursor}
order by i.due_date asc, i.id asc limit ?`;

async function rawInvoicePage(knex: Knex, status: string, cursor: string | null, limit = 50) {
  const c = cursor ? decode<{ v: string; i: number }>(cursor) : null;
  const sql = INVOICE_PAGE.replace('{cursor}', c ? 'and (i.due_date, i.id) > (?, ?)' : '');
  const raw = await rows<Record<string, unknown>>(knex, sql, c ? [status, c.v, c.i, limit + 1] : [status, limit + 1]);
  const out = raw.slice(0, limit).map((r) => ({ id: Number(r.id), dueDate: isoDate(r.dueDate), buildingName: String(r.buildingName), supplierName: String(r.supplierName), amountCents: Number(r.amountCents) }));
  const last = out[out.length - 1];
  return { rows: out, nextCursor: raw.length > limit && last ? Buffer.from(JSON.stringify({ v: last.dueDate, i: last.id })).toString('base64url') : null };
}

// The account and the year's dates as scalar subqueries: PostgreSQL then knows them before
// scanning (init plans), walks (account_id, date, id) in order and stops at the limit. As
// joins, it sorted the account's whole year first (2.2 ms instead of 0.2 ms at scale 1).
const LEDGER_PAGE = `select l.id, l.entry_id as "entryId", l.date, l.label, l.debit_cents as d, l.credit_cents as c, e.description, e.number, j.code as "journalCode",
  (select start_date from fiscal_year where id = ? and building_id = ?) as "yearStart"
from journal_line l
join journal_entry e on e.id = l.entry_id
join journal j on j.id = e.journal_id
where l.account_id = (select id from ledger_account where building_id = ? and code = ?)
  and l.date between (select start_date from fiscal_year where id = ? and building_id = ?) and (select end_date from fiscal_year where id = ? and building_id = ?) {cursor}
order by l.date, l.id limit ?`;

async function rawLedgerPage(knex: Knex, fx: Fixture, cursor: string | null, limit = 100) {
  const c = cursor ? decode<{ d: string; i: number; b: number }>(cursor) : null;
  const sql = LEDGER_PAGE.replace('{cursor}', c ? 'and (l.date, l.id) > (?, ?)' : '');
  const year = [fx.fiscalYearId, fx.buildingId];
  const head = [...year, fx.buildingId, fx.busyAccount, ...year, ...year];
  const raw = await rows<Record<string, unknown>>(knex, sql, c ? [...head, c.d, c.i, limit + 1] : [...head, limit + 1]);
  let balance = c?.b ?? 0;
  const lines = raw.slice(0, limit).map((r) => {
    const d = Number(r.d), cr = Number(r.c);
    balance += d - cr;
    return { lineId: Number(r.id), entryId: Number(r.entryId), reference: reference(String(r.journalCode), isoDate(r.yearStart), Number(r.number)), date: isoDate(r.date), description: String(r.description), label: r.label ?? null, debitCents: d, creditCents: cr, balanceCents: balance };
  });
  return { lines, openingCents: c?.b ?? 0 };
}

const TRIAL_BALANCE = `select a.code, a.label_fr as "labelFr", a.label_nl as "labelNl", a.type, sum(l.debit_cents) as d, sum(l.credit_cents) as c
from journal_line l join ledger_account a on a.id = l.account_id
where l.fiscal_year_id = ?
group by a.id, a.code, a.label_fr, a.label_nl, a.type
order by a.code`;

const ACCOUNTS = `select a.id, a.code, a.label_fr as "labelFr", a.label_nl as "labelNl", a.type, a.parent_code as "parentCode", a.owner_id as "ownerId", coalesce(s.d, 0) as d, coalesce(s.c, 0) as c
from ledger_account a
left join (select account_id, sum(debit_cents) as d, sum(credit_cents) as c from journal_line where fiscal_year_id = ? group by account_id) s on s.account_id = a.id
where a.building_id = ?
order by a.code`;

const BUILDINGS = `select b.id, b.name, b.street, b.postal_code as "postalCode", b.city, b.total_shares as "totalShares",
  coalesce(l.n, 0) as "lotCount", coalesce(l.s, 0) as "sharesSum", coalesce(o.n, 0) as "ownerCount"
from building b
left join (select building_id, count(*) as n, sum(shares) as s from lot group by building_id) l on l.building_id = b.id
left join (select lt.building_id, count(distinct os.owner_id) as n from ownership os join lot lt on lt.id = os.lot_id where os.valid_to is null group by lt.building_id) o on o.building_id = b.id
order by b.name asc, b.id asc`;

const LOT_OWNERS = `select b.total_shares as "totalShares", l.id as "lotId", l.number, l.shares, os.owner_id as "ownerId", os.fraction_num as "num", os.fraction_den as "den", w.kind, w.name, w.first_name as "firstName", w.language
from building b
join lot l on l.building_id = b.id
left join ownership os on os.lot_id = l.id and os.valid_from <= ? and (os.valid_to is null or os.valid_to >= ?)
left join owner w on w.id = os.owner_id
where b.id = ?
order by l.id, os.id`;

// The reserve-fund floor (art. 3.86 §3): 5 % of the previous year's ordinary charges (class 6),
// against what was called for the reserve in the year of the call.
const RESERVE_FLOOR = `select
  (select coalesce(sum(l.debit_cents), 0) - coalesce(sum(l.credit_cents), 0) from journal_line l join ledger_account a on a.id = l.account_id
   where a.building_id = y.building_id and a.code like '6%'
     and l.fiscal_year_id = (select p.id from fiscal_year p where p.building_id = y.building_id and p.end_date < y.start_date order by p.end_date desc limit 1)) as charges,
  (select coalesce(sum(c.total_cents), 0) from fund_call c where c.building_id = y.building_id and c.kind = 'reserve' and c.call_date between y.start_date and y.end_date) as called
from fiscal_year y where y.building_id = ? and y.start_date <= ? and y.end_date >= ?`;

const OWNER_LINES = `select a.code, l.id, l.date, l.label, l.debit_cents as d, l.credit_cents as c, e.description, e.number, j.code as "journalCode"
from journal_line l
join ledger_account a on a.id = l.account_id
join journal_entry e on e.id = l.entry_id
join journal j on j.id = e.journal_id
where l.fiscal_year_id = ? and l.account_id in (select id from ledger_account where building_id = ? and code in (?, ?))
order by l.date, l.id`;

const ENTRY = `select e.id, e.number, e.date, e.description, e.total_cents as "totalCents", e.reversal_of_id as "reversalOfId", e.reversed_by_id as "reversedById",
  e.source_type as "sourceType", e.posted_at as "postedAt", e.posted_by as "postedBy", j.code as "journalCode", f.start_date as "yearStart"
from journal_entry e join journal j on j.id = e.journal_id join fiscal_year f on f.id = e.fiscal_year_id
where e.id = ?`;

const ENTRY_LINES = `select a.code as "accountCode", a.label_fr as "accountLabel", l.debit_cents as "debitCents", l.credit_cents as "creditCents", l.label
from journal_line l join ledger_account a on a.id = l.account_id
where l.entry_id = ? order by l.id`;

const INVOICE = `select i.*, s.name as "supplierName", b.name as "buildingName"
from invoice i join supplier s on s.id = i.supplier_id join building b on b.id = i.building_id
where i.id = ?`;

const INVOICE_EVENTS = 'select at, actor, action, from_status as "fromStatus", to_status as "toStatus", note from invoice_event where invoice_id = ? order by id';

const sameIds = (a: { id?: number; lineId?: number }[], b: { id?: number; lineId?: number }[]) =>
  a.length === b.length && a.every((x, i) => (x.id ?? x.lineId) === (b[i]?.id ?? b[i]?.lineId));

// ---------------------------------------------------------------------------- the scenarios

/** A synthetic assembly: 500 owners, 60 % present, 15 % by proxy (some holders over the cap), ten resolutions. */
export function assemblyOf500(): TallyInput {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const shares = distribute(100_000, Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`o${i + 1}`, 50 + Math.floor(rnd() * 400)])));
  const owners = Object.entries(shares).map(([id, s]) => ({ id, shares: s }));
  const people = [{ id: 'syndic', role: 'syndic' }, ...Array.from({ length: 20 }, (_, i) => ({ id: `m${i + 1}` }))];
  const present = owners.filter(() => rnd() < 0.6).map((o) => o.id);
  const presentSet = new Set(present);
  const attendance: TallyInput['attendance'] = present.map((owner) => ({ owner, present: true }));
  for (const o of owners) {
    if (presentSet.has(o.id) || rnd() > 0.375) continue;
    const r = rnd();
    const proxyHolder = r < 0.05 ? 'syndic' : r < 0.55 ? `m${1 + Math.floor(rnd() * 20)}` : (present[Math.floor(rnd() * present.length)] as string);
    attendance.push({ owner: o.id, proxyHolder });
  }
  const majorities = ['absolute', 'absolute', 'absolute', 'twoThirds', 'twoThirds', 'fourFifths', 'absolute', 'twoThirds', 'unanimity', 'absolute'] as const;
  const voters = attendance.map((a) => a.owner);
  const resolutions = majorities.map((majority, i) => ({
    id: `r${i + 1}`, majority,
    votes: Object.fromEntries(voters.map((o) => [o, (rnd() < 0.7 ? 'for' : rnd() < 0.6 ? 'against' : 'abstain') as VoteChoice])),
  }));
  const input = { session: 'first', totalShares: 100_000, owners, people, attendance, resolutions };
  const parsed = parseTallyInput(input);
  if (!parsed.ok) throw new Error(`synthetic assembly invalid: ${parsed.problems.slice(0, 3).join('; ')}`);
  return parsed.value;
}

export async function buildScenarios(knex: Knex, fx: Fixture, call: Call): Promise<Scenario[]> {
  const yearInput = { buildingId: fx.buildingId, fiscalYearId: fx.fiscalYearId };
  const callDate = `${LAST_YEAR}-10-01`;
  const out: Scenario[] = [
    {
      kind: 'query', name: 'dispatch.floor', what: 'system.info: the cost every call pays before its handler (session user and roles loaded); raw: select 1', paged: false, floor: true,
      op: 'system.info', input: {},
      raw: () => rows(knex, 'select 1 as one'),
    },
    {
      kind: 'query', name: 'buildings.list', what: 'the whole portfolio with lot, owner and quote-part counts (not paged)', paged: false,
      op: 'buildings.list', input: {},
      raw: () => rows(knex, BUILDINGS),
      compare: (h, r) => ((h as unknown[]).length === (r as unknown[]).length ? null : 'row counts differ'),
    },
    {
      kind: 'query', name: 'invoices.inbox.first', what: 'inbox: 50 invoices waiting for approval, by due date, first page', paged: true,
      op: 'invoices.list', input: { status: 'pending_approval', sort: 'dueDate', limit: 50 },
      raw: () => rawInvoicePage(knex, 'pending_approval', null),
      compare: (h, r) => (sameIds((h as { rows: { id: number }[] }).rows, (r as { rows: { id: number }[] }).rows) ? null : 'rows differ'),
    },
    {
      kind: 'query', name: 'invoices.paid.first', what: '50 paid invoices by due date, first page', paged: true,
      op: 'invoices.list', input: { status: 'paid', sort: 'dueDate', limit: 50 },
      raw: () => rawInvoicePage(knex, 'paid', null),
      compare: (h, r) => (sameIds((h as { rows: { id: number }[] }).rows, (r as { rows: { id: number }[] }).rows) ? null : 'rows differ'),
    },
    {
      kind: 'query', name: 'invoices.paid.deep', what: `the same, page ${fx.paidDeepPages + 1} (cursor)`, paged: true,
      op: 'invoices.list', input: { status: 'paid', sort: 'dueDate', limit: 50, cursor: fx.paidDeepCursor },
      raw: () => rawInvoicePage(knex, 'paid', fx.paidDeepCursor),
      compare: (h, r) => (sameIds((h as { rows: { id: number }[] }).rows, (r as { rows: { id: number }[] }).rows) ? null : 'rows differ'),
    },
    {
      kind: 'query', name: 'ledger.lines.first', what: `account ${fx.busyAccount} (${fx.busyAccountLines} lines in the year), 100 lines with running balance, first page`, paged: true,
      op: 'ledger.accountLines', input: { ...yearInput, accountCode: fx.busyAccount, limit: 100 },
      raw: () => rawLedgerPage(knex, fx, null),
      compare: (h, r) => {
        const a = (h as { lines: { lineId: number; balanceCents: number }[] }).lines, b = (r as { lines: { lineId: number; balanceCents: number }[] }).lines;
        return sameIds(a, b) && a.at(-1)?.balanceCents === b.at(-1)?.balanceCents ? null : 'lines or balances differ';
      },
    },
    {
      kind: 'query', name: 'ledger.lines.deep', what: `the same account, page ${fx.ledgerDeepPages + 1} (cursor)`, paged: true,
      op: 'ledger.accountLines', input: { ...yearInput, accountCode: fx.busyAccount, limit: 100, cursor: fx.ledgerDeepCursor },
      raw: () => rawLedgerPage(knex, fx, fx.ledgerDeepCursor),
      compare: (h, r) => {
        const a = (h as { lines: { lineId: number; balanceCents: number }[] }).lines, b = (r as { lines: { lineId: number; balanceCents: number }[] }).lines;
        return sameIds(a, b) && a.at(-1)?.balanceCents === b.at(-1)?.balanceCents ? null : 'lines or balances differ';
      },
    },
    {
      kind: 'query', name: 'ledger.trialBalance', what: `trial balance of the largest building (${fx.buildingLots} lots), one year`, paged: false,
      op: 'ledger.trialBalance', input: yearInput,
      raw: async () => {
        const r = await rows<{ d: unknown; c: unknown }>(knex, TRIAL_BALANCE, [fx.fiscalYearId]);
        return r.map((x) => ({ ...x, debitCents: Number(x.d), creditCents: Number(x.c), balanceCents: Number(x.d) - Number(x.c) }));
      },
      compare: (h, r) => ((h as { rows: unknown[] }).rows.length === (r as unknown[]).length ? null : 'row counts differ'),
    },
    {
      kind: 'query', name: 'ledger.accounts', what: 'chart of the largest building with the year\'s balances rolled up', paged: false,
      op: 'ledger.accounts', input: yearInput,
      raw: async () => {
        const r = await rows<{ id: number; code: string; parentCode: string | null; d: unknown; c: unknown }>(knex, ACCOUNTS, [fx.fiscalYearId, fx.buildingId]);
        const byCode = new Map(r.map((a) => [a.code, { a, d: 0, c: 0 }]));
        for (const a of r) {
          const d = Number(a.d), c = Number(a.c);
          if (!d && !c) continue;
          let node = byCode.get(a.code);
          while (node) {
            node.d += d;
            node.c += c;
            node = node.a.parentCode ? byCode.get(node.a.parentCode) : undefined;
          }
        }
        return [...byCode.values()].map(({ a, d, c }) => ({ ...a, debitCents: d, creditCents: c, balanceCents: d - c }));
      },
      compare: (h, r) => {
        const a = h as { code: string; balanceCents: number }[], b = r as { code: string; balanceCents: number }[];
        return a.length === b.length && a.find((x) => x.code === '6')?.balanceCents === b.find((x) => x.code === '6')?.balanceCents ? null : 'accounts or balances differ';
      },
    },
  ];
  out.push(
    {
      kind: 'query', name: 'ledger.entry', what: 'one entry with its lines (opened from the ledger page)', paged: false,
      op: 'ledger.entry', input: { entryId: fx.entryId },
      raw: async () => {
        const [e] = await rows<Record<string, unknown>>(knex, ENTRY, [fx.entryId]);
        const lines = await rows<Record<string, unknown>>(knex, ENTRY_LINES, [fx.entryId]);
        return { ...e, reference: reference(String(e?.journalCode), isoDate(e?.yearStart), Number(e?.number)), lines };
      },
      compare: (h, r) => ((h as { lines: unknown[] }).lines.length === (r as { lines: unknown[] }).lines.length ? null : 'lines differ'),
    },
    {
      kind: 'query', name: 'invoices.get', what: 'one invoice with its history (opened from the inbox)', paged: false,
      op: 'invoices.get', input: { id: fx.invoiceId },
      raw: async () => {
        const [i] = await rows<Record<string, unknown>>(knex, INVOICE, [fx.invoiceId]);
        return { ...i, history: await rows(knex, INVOICE_EVENTS, [fx.invoiceId]) };
      },
      compare: (h, r) => ((h as { history: unknown[] }).history.length === (r as { history: unknown[] }).history.length ? null : 'history differs'),
    },
  );
  if (isOperationName('ledger.ownerStatement')) {
    out.push({
      kind: 'query', name: 'ledger.ownerStatement', what: 'an owner\'s account (4100 + 4101) in the largest building, one year', paged: false,
      op: 'ledger.ownerStatement', input: { ...yearInput, ownerId: fx.ownerId },
      raw: async () => {
        const [o] = await rows<{ kind: string; name: string; firstName: string | null }>(knex, 'select kind, name, first_name as "firstName" from owner where id = ?', [fx.ownerId]);
        const r = await rows<Record<string, unknown>>(knex, OWNER_LINES, [fx.fiscalYearId, fx.buildingId, `4100-${fx.ownerId}`, `4101-${fx.ownerId}`]);
        let balance = 0;
        return { owner: o ? ownerDisplayName(o) : '', lines: r.map((x) => ({ ...x, balanceCents: (balance += Number(x.d) - Number(x.c)), reference: reference(String(x.journalCode), fx.fiscalYearStart, Number(x.number)) })) };
      },
    });
  }
  const lotShares = await rows<{ id: number; shares: number }>(knex, 'select id, shares from lot where building_id = ? order by id limit 200', [fx.buildingId]);
  const weights = Object.fromEntries(lotShares.map((l) => [String(l.id), Number(l.shares)]));
  // A call for funds: the lots' quote-parts (checked against the building's total, as the
  // handler refuses unbalanced shares), the owners of the day and their names in one join,
  // the allocation, sorted by name; a reserve-fund call also computes the 5 % floor.
  const callInput = { buildingId: fx.buildingId, label: 'Bench', callDate, dueDate: `${LAST_YEAR}-10-28`, totalCents: 4_500_000, keyId: null };
  const rawCall = async (kind: 'working' | 'reserve') => {
    const r = await rows<{ totalShares: number; lotId: number; number: string; shares: number; ownerId: number | null; num: number; den: number; kind: string; name: string; firstName: string | null; language: string }>(knex, LOT_OWNERS, [callDate, callDate, fx.buildingId]);
    const lotWeights: Record<string, number> = {};
    const owners = new Map<string, LotOwnerShare[]>();
    const names = new Map<number, string>();
    for (const x of r) {
      lotWeights[String(x.lotId)] = Number(x.shares);
      if (x.ownerId === null) continue;
      owners.set(String(x.lotId), [...(owners.get(String(x.lotId)) ?? []), { ownerId: Number(x.ownerId), fractionNum: Number(x.num), fractionDen: Number(x.den) }]);
      names.set(Number(x.ownerId), ownerDisplayName(x));
    }
    const sum = Object.values(lotWeights).reduce((t, w) => t + w, 0);
    if (sum !== Number(r[0]?.totalShares)) throw new Error(`quote-parts ${sum} ≠ ${r[0]?.totalShares}`);
    const a = allocate(callInput.totalCents, lotWeights, owners);
    const lines = [...a.byOwner].map(([ownerId, amountCents]) => ({ ownerId, amountCents, name: names.get(ownerId) ?? '' })).sort((x, y) => compareText(x.name, y.name));
    if (kind === 'working') return { lines, reserveFloor: null };
    const [f] = await rows<{ charges: unknown; called: unknown }>(knex, RESERVE_FLOOR, [fx.buildingId, callDate, callDate]);
    const floorCents = reserveFloorCents(Number(f?.charges));
    const calledThisYearCents = Number(f?.called) + callInput.totalCents;
    return { lines, reserveFloor: f ? { previousYearChargesCents: Number(f.charges), floorCents, calledThisYearCents, shortfallCents: Math.max(0, floorCents - calledThisYearCents) } : null };
  };
  const sameCall = (h: unknown, r: unknown) => {
    const a = h as { lines: { ownerId: number; amountCents: number }[]; reserveFloor: unknown }, b = r as typeof a;
    if (a.lines.length !== b.lines.length || a.lines.some((l, i) => l.ownerId !== b.lines[i]?.ownerId || l.amountCents !== b.lines[i]?.amountCents)) return 'owners or amounts differ';
    return JSON.stringify(a.reserveFloor) === JSON.stringify(b.reserveFloor) ? null : 'reserve floor differs';
  };
  out.push(
    {
      kind: 'query', name: 'calls.preview', what: `a working-capital call over the largest building (${fx.buildingLots} lots): per-owner amounts`, paged: false,
      op: 'calls.preview', input: { ...callInput, kind: 'working' }, raw: () => rawCall('working'), compare: sameCall,
    },
    {
      kind: 'query', name: 'calls.preview.reserve', what: 'the same as a reserve-fund call: per-owner amounts and the 5 % floor of the previous year\'s charges', paged: false,
      op: 'calls.preview', input: { ...callInput, kind: 'reserve' }, raw: () => rawCall('reserve'), compare: sameCall,
    },
  );
  const assembly = assemblyOf500();
  out.push(
    { kind: 'pure', name: 'distribute.200lots', what: `distribute() of an invoice over ${lotShares.length} lots (largest remainder, BigInt)`, run: () => distribute(1_234_567, weights) },
    { kind: 'pure', name: 'tally.500owners', what: 'tally() of a synthetic assembly built in memory: 500 owners, proxies, 10 resolutions', run: () => tally(assembly) },
  );
  const ag = fx.assemblies;
  if (ag) {
    const generated = tallyInputOf((await call('ag.get', { id: ag.largest.id })) as AgDetail);
    out.push(
      { kind: 'handler', name: 'ag.get.largest', what: `the meeting room's state (ag.get: voters, attendance, proxies, quorum, results) of the generated assembly of the largest building: ${ag.largest.voters} voters, ${ag.largest.proxies} proxies, ${ag.largest.resolutions} resolutions`, op: 'ag.get', input: { id: ag.largest.id } },
      { kind: 'pure', name: 'tally.generated', what: `tally() of that generated assembly read through ag.get: ${ag.largest.voters} voters, all ${ag.largest.resolutions} resolutions recounted`, run: () => tally(generated) },
      { kind: 'handler', name: 'ag.minutes', what: `minutes PDF (ag.minutes, drafted and stored) of a generated closed meeting: ${ag.minutes.voters} voters, ${ag.minutes.resolutions} resolutions`, op: 'ag.minutes', input: { assemblyId: ag.minutes.id, language: 'fr' }, iterations: 60 },
    );
  }
  return out;
}
