import type { EntityManager } from '@mikro-orm/knex';
import { FiscalYearSchema, JournalEntrySchema, JournalLineSchema, JournalSchema, LedgerAccountSchema, type FiscalYear } from '../../db/entities/index.js';
import { assertBalanced, InvalidEntryLineError, UnbalancedEntryError, type EntryLine } from '../../domain/ledger.js';
import { DomainRuleError, NotFoundError } from '../errors.js';
import { rawDate, rawTimestamp, sql } from '../../db/knex.js';
import type { EntryDetail } from '../../../src-shared/contract/ledger.js';

export interface EntryToPost {
  buildingId: number;
  journalCode: string;
  date: string;
  description: string;
  lines: EntryLine[];
  sourceType: string;
  sourceId?: number | null;
  reversalOfId?: number | null;
}

export const entryReference = (journalCode: string, yearStart: string, number: number) => `${journalCode}-${yearStart.slice(0, 4)}-${String(number).padStart(4, '0')}`;

/** Class and group headings (1 or 2 digits) gather accounts; entries go to accounts of 3+ digits. */
const isPostable = (code: string) => code.replace(/-.*/, '').length >= 3;

export async function fiscalYearFor(em: EntityManager, buildingId: number, date: string): Promise<FiscalYear> {
  const fy = await em.findOne(FiscalYearSchema, { building: buildingId, startDate: { $lte: date }, endDate: { $gte: date } });
  if (!fy) throw new DomainRuleError('no_fiscal_year', `No fiscal year of this building contains ${date}: open it first`, { path: ['date'] });
  if (fy.status !== 'open') throw new DomainRuleError('fiscal_year_closed', `The fiscal year ${fy.startDate} – ${fy.endDate} is closed: nothing can be posted into it`, { path: ['date'] });
  return fy;
}

/** Checks an entry without writing; returns what posting needs. Problems name the line. */
export async function checkEntry(em: EntityManager, e: Omit<EntryToPost, 'sourceType'>, pathPrefix: (string | number)[] = []) {
  try {
    assertBalanced(e.lines);
  } catch (err) {
    if (err instanceof UnbalancedEntryError) throw new DomainRuleError('unbalanced_entry', err.message, { path: [...pathPrefix, 'lines'], debitCents: err.debitCents, creditCents: err.creditCents });
    if (err instanceof InvalidEntryLineError) throw new DomainRuleError('invalid_entry_line', err.message, { path: [...pathPrefix, 'lines', err.index] });
    throw err;
  }
  const fy = await fiscalYearFor(em, e.buildingId, e.date).catch((err: unknown) => {
    // Name the entry's date field, not a bare `date`, when the entry is part of a file.
    if (err instanceof DomainRuleError && pathPrefix.length) throw new DomainRuleError(String(err.details?.rule), err.message, { ...err.details, path: [...pathPrefix, 'date'] });
    throw err;
  });
  const journal = await em.findOne(JournalSchema, { building: e.buildingId, code: e.journalCode });
  if (!journal) throw new DomainRuleError('unknown_journal', `Journal ${e.journalCode} does not exist in this building`, { path: [...pathPrefix, 'journalCode'] });
  const codes = [...new Set(e.lines.map((l) => l.accountCode))];
  const accounts = await em.find(LedgerAccountSchema, { building: e.buildingId, code: { $in: codes } });
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  e.lines.forEach((l, i) => {
    if (!byCode.has(l.accountCode)) throw new DomainRuleError('unknown_account', `Line ${i + 1}: account ${l.accountCode} does not exist in this building's chart`, { path: [...pathPrefix, 'lines', i, 'accountCode'] });
    if (!isPostable(l.accountCode)) throw new DomainRuleError('heading_account', `Line ${i + 1}: ${l.accountCode} is a heading; post to an account of at least three digits`, { path: [...pathPrefix, 'lines', i, 'accountCode'] });
  });
  return { fy, journal, byCode };
}

/**
 * Posts a balanced entry: next number of its journal and year (no gaps: taken inside the
 * caller's transaction), lines carrying building, year and date for the ledger's indexes.
 */
export async function postEntry(em: EntityManager, e: EntryToPost, postedBy: string, now: Date): Promise<{ id: number; number: number }> {
  const { fy, journal, byCode } = await checkEntry(em, e);
  const last = await sql(em, 'journal_entry').where({ journal_id: journal.id, fiscal_year_id: fy.id }).max({ n: 'number' }).first();
  const number = Number((last as { n: number | null } | undefined)?.n ?? 0) + 1;
  const totalCents = e.lines.reduce((s, l) => s + l.debitCents, 0);
  // Inserted directly, not as managed entities: an import posts thousands of entries in one
  // unit of work, and every flush would otherwise walk all of them again.
  const id = Number(await em.insert(JournalEntrySchema, {
    building: e.buildingId, journal: journal.id, fiscalYear: fy.id, number, date: e.date, description: e.description, totalCents,
    reversalOfId: e.reversalOfId ?? null, reversedById: null, sourceType: e.sourceType, sourceId: e.sourceId ?? null, postedAt: now, postedBy,
  }));
  await em.insertMany(JournalLineSchema, e.lines.map((l) => ({
    entry: id, building: e.buildingId, fiscalYear: fy.id, account: (byCode.get(l.accountCode) as { id: number }).id, date: e.date, debitCents: l.debitCents, creditCents: l.creditCents, label: l.label ?? null,
  })));
  return { id, number };
}

/** An entry with the building it belongs to (for the scope check). */
export async function loadEntry(em: EntityManager, entryId: number): Promise<{ buildingId: number; detail: EntryDetail }> {
  // Two plain queries (entry with its journal and year; lines with their accounts): this opens on every click in the ledger.
  const e = (await sql(em, 'journal_entry as e').join('journal as j', 'j.id', 'e.journal_id').join('fiscal_year as f', 'f.id', 'e.fiscal_year_id').where('e.id', entryId)
    .first('e.id', 'e.building_id as buildingId', 'j.code as journalCode', 'e.number', 'f.start_date as yearStart', 'e.date', 'e.description', 'e.total_cents as totalCents',
      'e.reversal_of_id as reversalOfId', 'e.reversed_by_id as reversedById', 'e.source_type as sourceType', 'e.posted_at as postedAt', 'e.posted_by as postedBy')) as Record<string, unknown> | undefined;
  if (!e) throw new NotFoundError('Entry', entryId);
  const lines = (await sql(em, 'journal_line as l').join('ledger_account as a', 'a.id', 'l.account_id').where('l.entry_id', entryId).orderBy('l.id')
    .select('a.code', 'a.label_fr as labelFr', 'l.debit_cents as d', 'l.credit_cents as c', 'l.label')) as { code: string; labelFr: string; d: number | string; c: number | string; label: string | null }[];
  const nullableId = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const detail: EntryDetail = {
    id: Number(e.id), journalCode: String(e.journalCode), number: Number(e.number), reference: entryReference(String(e.journalCode), rawDate(e.yearStart), Number(e.number)),
    date: rawDate(e.date), description: String(e.description), totalCents: Number(e.totalCents), reversalOfId: nullableId(e.reversalOfId), reversedById: nullableId(e.reversedById),
    sourceType: String(e.sourceType), postedAt: rawTimestamp(e.postedAt), postedBy: String(e.postedBy),
    lines: lines.map((l) => ({ accountCode: l.code, accountLabel: l.labelFr, debitCents: Number(l.d), creditCents: Number(l.c), label: l.label ?? null })),
  };
  return { buildingId: Number(e.buildingId), detail };
}

export const entryDetail = async (em: EntityManager, entryId: number): Promise<EntryDetail> => (await loadEntry(em, entryId)).detail;
