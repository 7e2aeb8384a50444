import { createHash } from 'node:crypto';
import { BankAccountSchema, BankMovementSchema, BankStatementSchema, FiscalYearSchema, type BankMovement } from '../../db/entities/index.js';
import { sql } from '../../db/knex.js';
import { parseBankFile } from '../../domain/bank/parse.js';
import { BankFileError, type BankFile, type BankStatement as ParsedStatement } from '../../domain/bank/statement.js';
import type { EntryLine } from '../../domain/ledger.js';
import type { OpOutput, OpParsedInput } from '../../../src-shared/contract/index.js';
import type { Problem } from '../../../src-shared/result.js';
import { normalizeIban } from '../../../src-shared/values/iban.js';
import type { HandlerContext } from '../context.js';
import { ImportInvalidError } from '../errors.js';
import { postEntry } from '../finance/posting.js';
import { isoDay } from './books.js';
import { autoMatchMovements, bankBooksOf, SUSPENSE_ACCOUNT } from './matching.js';

type ImportInput = OpParsedInput<'bank.import'>;
type ImportOutput = OpOutput<'bank.import'>;

/** Account, sequence, date and balances: the same statement, whichever file brings it again. */
export const statementKey = (s: Pick<ParsedStatement, 'sequence' | 'date' | 'openingBalanceCents' | 'closingBalanceCents'>) =>
  `${s.sequence ?? ''}|${s.date ?? ''}|${s.openingBalanceCents}|${s.closingBalanceCents}`;

const ogmLabel = (d: string) => (/^\d{12}$/.test(d) ? `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++` : d);
const movementLabel = (m: ParsedStatement['movements'][number]) =>
  [m.counterpartyName, m.structuredReference ? ogmLabel(m.structuredReference) : m.communication].filter(Boolean).join(' — ').slice(0, 300) || null;
const euros = (c: number) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

function parse(input: ImportInput): BankFile {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  try {
    return parseBankFile(bytes, input.format);
  } catch (e) {
    if (!(e instanceof BankFileError)) throw e;
    const where = e.line > 0 ? `${input.fileName}:${e.line}` : input.fileName;
    throw new ImportInvalidError(`${where}: ${e.path ? `${e.path}: ` : ''}${e.message}. Nothing was imported.`, [{ line: e.line, code: 'bank_file', message: `${e.path ? `${e.path}: ` : ''}${e.message}`, ...(e.path ? { path: [e.path] } : {}) }]);
  }
}

interface Planned {
  index: number;
  parsed: ParsedStatement;
  bankAccountId: number;
  buildingId: number;
  buildingName: string;
  duplicate: boolean;
}

/**
 * `bank.import`: every statement of the file goes to the building owning its account
 * (bank_account.iban). The whole file is checked first — unknown account, another
 * currency, a statement whose opening balance does not continue the previous one of its
 * account, a date outside an open fiscal year — and refused whole with every problem
 * named; statements imported before are left out as duplicates. Then each movement is
 * stored and posted on the building's bank journal, D 55x / C 499 (suspense) for money in,
 * the reverse for money out, one entry per statement and booking date, so the bank
 * account's ledger follows the statement; then auto-matching runs. One transaction.
 */
export async function importBankFile(ctx: HandlerContext, input: ImportInput): Promise<ImportOutput> {
  const file = parse(input);
  const sha256 = createHash('sha256').update(Buffer.from(input.contentBase64, 'base64')).digest('hex');
  const scope = await ctx.scope();
  const problems: Problem[] = [];
  const planned: Planned[] = [];
  const lastOf = new Map<number, { key: string; closing: number; date: string | null; sequence: string | null }>();
  const years = new Map<number, { startDate: string; endDate: string }[]>();

  for (const [index, s] of file.statements.entries()) {
    const path = ['statements', index];
    const iban = normalizeIban(s.account);
    const bank = await ctx.em.findOne(BankAccountSchema, { iban }, { populate: ['building'] });
    if (!bank || (!scope.all && !scope.buildingIds.has(bank.building.id))) {
      problems.push({ path: [...path, 'account'], code: 'unknown_account', message: `Statement ${index + 1} (${s.sequence ?? 'no sequence'}, ${s.date ?? 'no date'}): the account ${iban} is not the bank account of any building; add it to its building first` });
      continue;
    }
    if (s.currency !== 'EUR') problems.push({ path: [...path, 'currency'], code: 'currency', message: `Statement ${index + 1} of ${iban} is in ${s.currency}: only euro accounts are kept` });
    const key = statementKey(s);
    let previous = lastOf.get(bank.id);
    if (!previous) {
      const last = await ctx.em.findOne(BankStatementSchema, { bankAccount: bank.id }, { orderBy: { id: 'desc' } });
      if (last) previous = { key: last.dedupKey, closing: last.closingBalanceCents, date: last.date ? isoDay(last.date) : null, sequence: last.sequence ?? null };
    }
    const duplicate = previous?.key === key || (await ctx.em.count(BankStatementSchema, { bankAccount: bank.id, dedupKey: key })) > 0
      || planned.some((p) => p.bankAccountId === bank.id && statementKey(p.parsed) === key);
    planned.push({ index, parsed: s, bankAccountId: bank.id, buildingId: bank.building.id, buildingName: bank.building.name, duplicate });
    if (duplicate) continue;
    if (previous && previous.closing !== s.openingBalanceCents) {
      problems.push({
        path: [...path, 'openingBalanceCents'], code: 'balance_gap',
        message: `Statement ${index + 1} of ${iban} (${s.sequence ?? 'no sequence'}, ${s.date ?? 'no date'}) opens at ${euros(s.openingBalanceCents)} but the previous statement of this account (${previous.sequence ?? 'no sequence'}, ${previous.date ?? 'no date'}) closed at ${euros(previous.closing)}: a statement is missing in between`,
      });
    } else if (previous?.date && s.date && s.date < previous.date) {
      problems.push({ path: [...path, 'date'], code: 'statement_order', message: `Statement ${index + 1} of ${iban} is dated ${s.date}, before the last one imported (${previous.date}): import statements in order` });
    }
    lastOf.set(bank.id, { key, closing: s.closingBalanceCents, date: s.date, sequence: s.sequence });
    if (!years.has(bank.building.id)) years.set(bank.building.id, (await ctx.em.find(FiscalYearSchema, { building: bank.building.id, status: 'open' })).map((y) => ({ startDate: isoDay(y.startDate), endDate: isoDay(y.endDate) })));
    const open = years.get(bank.building.id) ?? [];
    for (const [j, m] of s.movements.entries()) {
      const date = m.bookingDate ?? m.valueDate ?? s.date;
      if (m.amountCents !== 0 && (date === null || !open.some((y) => date >= y.startDate && date <= y.endDate))) {
        problems.push({ path: [...path, 'movements', j, 'bookingDate'], code: 'no_fiscal_year', message: `Movement ${m.sequence} of ${iban} is dated ${date ?? 'without a date'}: no open fiscal year of ${bank.building.name} contains it` });
      }
    }
  }
  if (problems.length) {
    throw new ImportInvalidError(`${input.fileName}: the file was refused (${problems.length} problem${problems.length > 1 ? 's' : ''}); nothing was imported. ${problems[0]?.message ?? ''}`, problems);
  }
  if (planned.length > 0 && planned.every((p) => p.duplicate)) {
    throw new ImportInvalidError(`${input.fileName}: ${planned.length > 1 ? 'every statement of this file was' : 'this statement was'} already imported; nothing was imported`,
      planned.map((p) => ({ path: ['statements', p.index], code: 'statement_duplicate', message: `Statement ${p.index + 1} (${p.parsed.account}, ${p.parsed.sequence ?? 'no sequence'}, ${p.parsed.date ?? 'no date'}) was already imported` })));
  }

  const today = ctx.now().toISOString().slice(0, 10);
  const stored = new Map<number, { statementId: number; movements: BankMovement[] }>();
  const todo = planned.filter((p) => !p.duplicate);
  for (const [n, p] of todo.entries()) {
    const s = p.parsed;
    const st = ctx.em.create(BankStatementSchema, {
      building: p.buildingId, bankAccount: p.bankAccountId, format: file.format, sequence: s.sequence, date: s.date, openingBalanceCents: s.openingBalanceCents, closingBalanceCents: s.closingBalanceCents,
      movementCount: s.movements.length, dedupKey: statementKey(s), fileName: input.fileName.slice(0, 260), fileSha256: sha256, importedAt: ctx.now(), importedBy: ctx.actor.label,
    });
    await ctx.em.flush();
    const movements = s.movements.map((m) => ctx.em.create(BankMovementSchema, {
      statement: st, building: p.buildingId, sequence: m.sequence, date: m.bookingDate ?? m.valueDate ?? s.date ?? today, bookingDate: m.bookingDate, valueDate: m.valueDate, amountCents: m.amountCents,
      counterpartyName: m.counterpartyName?.slice(0, 140) ?? null, counterpartyAccount: m.counterpartyAccount?.slice(0, 34) ?? null, structuredReference: m.structuredReference?.slice(0, 35) ?? null,
      communication: m.communication?.slice(0, 1000) ?? null, bankReference: m.bankReference?.slice(0, 60) ?? null, entryId: null,
      // A movement of zero moves nothing: nothing to post, nothing to match.
      status: m.amountCents === 0 ? 'matched' : 'unmatched', allocatedCents: 0,
    }));
    await ctx.em.flush();
    const books = await bankBooksOf(ctx.em, p.buildingId, p.bankAccountId);
    const byDate = new Map<string, { parsed: ParsedStatement['movements'][number]; row: BankMovement }[]>();
    s.movements.forEach((m, i) => {
      if (m.amountCents === 0) return;
      const row = movements[i] as BankMovement;
      const d = isoDay(row.date);
      byDate.set(d, [...(byDate.get(d) ?? []), { parsed: m, row }]);
    });
    for (const [date, group] of [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const lines: EntryLine[] = [];
      for (const { parsed: m } of group) {
        const label = movementLabel(m);
        const abs = Math.abs(m.amountCents);
        if (m.amountCents > 0) lines.push({ accountCode: books.accountCode, debitCents: abs, creditCents: 0, label }, { accountCode: SUSPENSE_ACCOUNT, debitCents: 0, creditCents: abs, label });
        else lines.push({ accountCode: SUSPENSE_ACCOUNT, debitCents: abs, creditCents: 0, label }, { accountCode: books.accountCode, debitCents: 0, creditCents: abs, label });
      }
      const entry = await postEntry(ctx.em, {
        buildingId: p.buildingId, journalCode: books.journalCode, date, description: `Extrait ${s.sequence ?? ''} ${s.account}`.replace(/\s+/g, ' ').slice(0, 300), lines, sourceType: 'bank_statement', sourceId: st.id,
      }, ctx.actor.label, ctx.now());
      for (const { row } of group) row.entryId = entry.id;
    }
    await ctx.em.flush();
    stored.set(p.index, { statementId: st.id, movements });
    ctx.audit('bank.import', 'bank_statement', st.id, null, { fileName: input.fileName, account: s.account, sequence: s.sequence, date: s.date, movements: s.movements.length });
    if (input.progressToken) ctx.services.events.emit('progress', { operation: 'bank.import', token: input.progressToken, done: n + 1, total: todo.length, label: `${s.account} ${s.sequence ?? ''}`.trim() });
  }

  if (input.autoMatch) {
    for (const buildingId of new Set(todo.map((p) => p.buildingId))) {
      const movements = todo.filter((p) => p.buildingId === buildingId).flatMap((p) => stored.get(p.index)?.movements ?? []);
      await autoMatchMovements(ctx, buildingId, movements);
    }
  }

  const statements: ImportOutput['statements'] = [];
  for (const p of planned) {
    const s = p.parsed;
    const st = stored.get(p.index);
    const ledgerBalanceCents = st ? await ledgerBalance(ctx, p.buildingId, p.bankAccountId, s.date ?? today) : null;
    statements.push({
      index: p.index, status: p.duplicate ? 'duplicate' : 'imported', statementId: st?.statementId ?? null, buildingId: p.buildingId, buildingName: p.buildingName, bankAccountId: p.bankAccountId,
      account: s.account, sequence: s.sequence, date: s.date, openingBalanceCents: s.openingBalanceCents, closingBalanceCents: s.closingBalanceCents, movements: s.movements.length,
      matched: st ? st.movements.filter((m) => m.amountCents !== 0 && m.status !== 'unmatched').length : 0, ledgerBalanceCents,
    });
  }
  const buildingIds = [...new Set(todo.map((p) => p.buildingId))];
  ctx.emit('data-changed', { entity: 'bank', ids: buildingIds });
  ctx.emit('data-changed', { entity: 'ledger', ids: buildingIds });
  return {
    format: file.format, statements, imported: todo.length, duplicates: planned.length - todo.length,
    movements: statements.reduce((t, s) => t + (s.status === 'imported' ? s.movements : 0), 0), matched: statements.reduce((t, s) => t + s.matched, 0), warnings: file.warnings,
  };
}

/** The bank account's ledger balance (55x-nn) at a date, all years. */
async function ledgerBalance(ctx: HandlerContext, buildingId: number, bankAccountId: number, date: string): Promise<number> {
  const { accountCode } = await bankBooksOf(ctx.em, buildingId, bankAccountId);
  const r = (await sql(ctx.em, 'journal_line as l').join('ledger_account as a', 'a.id', 'l.account_id').where({ 'a.building_id': buildingId, 'a.code': accountCode }).where('l.date', '<=', date)
    .sum({ d: 'l.debit_cents' }).sum({ c: 'l.credit_cents' })) as { d: string | number | null; c: string | number | null }[];
  return Number(r[0]?.d ?? 0) - Number(r[0]?.c ?? 0);
}

