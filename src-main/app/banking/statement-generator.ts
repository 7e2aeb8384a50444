/**
 * Bank statements written for the demo and the benchmark: owners paying their calls for
 * funds into a building's account, as CODA files, imported through `bank.import` like a
 * syndic's daily files. Deterministic for given inputs.
 *
 * Benchmark hook: `importYearOfStatements(dispatcher, buildingIds, { year })` writes and
 * imports a year of statements (default 52 a building, one a week) paying the buildings'
 * calls — "a year of statements for 300 buildings" is that call on 300 buildings with calls
 * issued. It returns counts; timing is the caller's.
 */
import { codaBytes, codaLines, type CodaMovementSpec } from '../../domain/bank/coda-writer.js';
import type { OpInput, OpOutput, OperationName } from '../../../src-shared/contract/index.js';
import type { Dispatcher } from '../dispatch.js';

export interface PaymentSpec {
  date: string;
  amountCents: number;
  counterpartyName: string;
  counterpartyAccount?: string;
  /** 12 digits: sent as a structured communication (type 101) */
  ogm?: string;
  communication?: string;
}

export interface StatementSpec {
  account: string;
  holderName: string;
  /** The statement's number in the year (1–999) */
  sequence: number;
  date: string;
  openingCents: number;
  payments: PaymentSpec[];
}

/** One statement as a CODA file (Febelfin 2.6 layout), movements in date order. */
export function codaStatement(s: StatementSpec, bankReferencePrefix = 'KPG'): Buffer {
  const seq = String(((s.sequence - 1) % 999) + 1).padStart(3, '0');
  const movements: CodaMovementSpec[] = [...s.payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((p, i) => ({
    amountCents: p.amountCents, bookingDate: p.date, valueDate: p.date, bankReference: `${bankReferencePrefix}${seq}${String(i + 1).padStart(5, '0')}`.slice(0, 21),
    counterpartyName: p.counterpartyName.slice(0, 35), ...(p.counterpartyAccount ? { counterpartyAccount: p.counterpartyAccount } : {}),
    ...(p.ogm ? { structured: { type: '101', text: p.ogm } } : { communication: p.communication ?? '' }),
  }));
  return codaBytes(codaLines({
    creationDate: s.date, bic: 'GEBABEBB', addressee: 'KOPROGO',
    statement: { account: s.account, holderName: s.holderName.slice(0, 26), codaSequence: seq, openingCents: s.openingCents, openingDate: s.date, closingDate: s.date, movements },
  }));
}

type Call = <N extends OperationName>(name: N, input: OpInput<N>) => Promise<OpOutput<N>>;
const caller = (d: Dispatcher, sessionToken?: string): Call => async (name, input) => {
  const r = await d.call(name, input, sessionToken ? { sessionToken } : { cli: true });
  if (!r.ok) throw new Error(`${name} failed: ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`);
  return r.value as never;
};

/** Where a building's statements continue from: the last statement imported for that account (number and closing balance). */
async function continuation(call: Call, buildingId: number, account: string): Promise<{ sequence: number; closingCents: number }> {
  const last = (await call('bank.statements', { buildingId })).filter((s) => s.account === account)[0];
  return { sequence: last ? Number(last.sequence ?? 0) : 0, closingCents: last?.closingBalanceCents ?? 0 };
}

/** Imports statements one file each, in order; returns what bank.import reported. */
export async function importStatements(d: Dispatcher, files: { fileName: string; bytes: Uint8Array }[], sessionToken?: string): Promise<{ statements: number; movements: number; matched: number }> {
  const call = caller(d, sessionToken);
  let statements = 0, movements = 0, matched = 0;
  for (const f of files) {
    const r = await call('bank.import', { fileName: f.fileName, contentBase64: Buffer.from(f.bytes).toString('base64') });
    statements += r.imported;
    movements += r.movements;
    matched += r.matched;
  }
  return { statements, movements, matched };
}

/**
 * Writes the statements of one account: the payments grouped into `count` statements over
 * the year (by date), each continuing the previous one's balance.
 */
export function statementsFor(account: string, holderName: string, payments: PaymentSpec[], opts: { year: number; count: number; firstSequence: number; openingCents: number }): { fileName: string; bytes: Buffer }[] {
  const out: { fileName: string; bytes: Buffer }[] = [];
  let opening = opts.openingCents;
  const start = Date.UTC(opts.year, 0, 1);
  const span = Date.UTC(opts.year + 1, 0, 1) - start;
  for (let i = 0; i < opts.count; i++) {
    const end = new Date(start + Math.floor((span * (i + 1)) / opts.count) - 86_400_000).toISOString().slice(0, 10);
    const from = i === 0 ? `${opts.year}-01-01` : new Date(start + Math.floor((span * i) / opts.count)).toISOString().slice(0, 10);
    const mine = payments.filter((p) => p.date >= from && p.date <= end);
    const sequence = opts.firstSequence + i;
    out.push({ fileName: `${account}-${opts.year}-${String(sequence).padStart(3, '0')}.cod`, bytes: codaStatement({ account, holderName, sequence, date: end, openingCents: opening, payments: mine }) });
    opening += mine.reduce((s, p) => s + p.amountCents, 0);
  }
  return out;
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The benchmark's year: for each building, its open calls paid into its working account —
 * nine owners out of ten with the OGM, the others with their name in a free communication —
 * a few days before each call's due date, in `statementsPerYear` statements imported one
 * file at a time through bank.import (with auto-matching).
 */
export async function importYearOfStatements(d: Dispatcher, buildingIds: number[], opts: { year: number; statementsPerYear?: number; sessionToken?: string }): Promise<{ statements: number; movements: number; matched: number }> {
  const call = caller(d, opts.sessionToken);
  const total = { statements: 0, movements: 0, matched: 0 };
  for (const buildingId of buildingIds) {
    const building = await call('buildings.get', { id: buildingId });
    const account = building.bankAccounts.find((a) => a.purpose === 'working') ?? building.bankAccounts[0];
    if (!account) continue;
    const open = await call('bank.openItems', { buildingId });
    const payments: PaymentSpec[] = open.callLines
      .filter((l) => l.dueDate.startsWith(String(opts.year)))
      .map((l, i) => ({
        date: addDays(l.dueDate, -((i % 9) + 1)) < `${opts.year}-01-01` ? l.dueDate : addDays(l.dueDate, -((i % 9) + 1)),
        amountCents: l.openCents, counterpartyName: l.ownerName.toUpperCase(),
        ...(i % 10 === 9 ? { communication: `PROVISION ${l.label} ${l.ownerName}` } : { ogm: l.ogm }),
      }));
    const from = await continuation(call, buildingId, account.iban);
    const files = statementsFor(account.iban, `ACP ${building.name}`, payments, { year: opts.year, count: opts.statementsPerYear ?? 52, firstSequence: from.sequence + 1, openingCents: from.closingCents });
    const r = await importStatements(d, files, opts.sessionToken);
    total.statements += r.statements;
    total.movements += r.movements;
    total.matched += r.matched;
  }
  return total;
}
