/**
 * CODA (Febelfin "Coded statement of account", version 2) into the normalized form of
 * statement.ts. Positions below are the standard's, 1-based and inclusive, as printed in
 * Febelfin's "Standard CODA 2.6", annex I (record layouts; unchanged in 2.7/2.8); they
 * were cross-checked with two open-source readers (the Spring CODA models of
 * `wallaceespindola/coda-demo-spring` and a TypeScript parser citing the 2.6 PDF).
 * docs/formats/bank-statements.md
 * lists every field we read.
 *
 * A file is one or more groups `0 1 (2.x 3.x 4)* 8 (4)* 9`, one per account and statement,
 * every record exactly 128 characters of Windows-1252, LF or CRLF, final line end optional.
 */
import { checkIban, mod97, normalizeIban } from '../../../src-shared/values/iban.js';
import { ogmText, readOgm } from './references.js';
import { BankFileError, centsText, centsToNumber, type BankFile, type BankMovement, type BankStatement, type BankWarning } from './statement.js';

export const CODA_RECORD_LENGTH = 128;

/** Characters `from`..`to` (1-based, inclusive) of a record: the standard's own numbering. */
const pos = (record: string, from: number, to: number): string => record.slice(from - 1, to);

// ---------------------------------------------------------------------------- fields

function digits(record: string, from: number, to: number, what: string, line: number): string {
  const v = pos(record, from, to);
  if (!/^\d+$/.test(v)) throw new BankFileError(line, `${what} (positions ${from}–${to}) must be digits, found "${v}"`);
  return v;
}

/** A sign (0 credit, 1 debit) and 15 digits with 3 decimals (Febelfin "12 pos. + 3 decimals") → signed cents. */
function amount(record: string, signAt: number, from: number, what: string, line: number): bigint {
  const sign = pos(record, signAt, signAt);
  if (sign !== '0' && sign !== '1') throw new BankFileError(line, `${what}: the sign (position ${signAt}) must be 0 (credit) or 1 (debit), found "${sign}"`);
  const mills = BigInt(digits(record, from, from + 14, what, line));
  if (mills % 10n !== 0n) throw new BankFileError(line, `${what} (positions ${from}–${from + 14}) has a fraction of a cent, which cannot be booked`);
  return sign === '1' ? -(mills / 10n) : mills / 10n;
}

/** DDMMYY → YYYY-MM-DD; `000000` (unknown) → null. Years 00–69 are 2000–2069, 70–99 are 1970–1999. */
function date(record: string, from: number, what: string, line: number): string | null {
  const v = pos(record, from, from + 5);
  if (v === '000000') return null;
  const bad = () => new BankFileError(line, `${what} (positions ${from}–${from + 5}) is not a date DDMMYY: "${v}"`);
  if (!/^\d{6}$/.test(v)) throw bad();
  const [d, m, y] = [Number(v.slice(0, 2)), Number(v.slice(2, 4)), Number(v.slice(4, 6))];
  const year = y < 70 ? 2000 + y : 1900 + y;
  const t = new Date(Date.UTC(year, m - 1, d));
  if (m < 1 || m > 12 || t.getUTCDate() !== d || t.getUTCMonth() !== m - 1) throw bad();
  return `${year}-${v.slice(2, 4)}-${v.slice(0, 2)}`;
}

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

// ---------------------------------------------------------------------------- records

export interface CodaHeader {
  kind: '0';
  line: number;
  /** 6–11 creation date. */
  creationDate: string | null;
  /** 12–14 bank identification number. */
  bankId: string;
  /** 17 `D` when the bank sends a duplicate. */
  duplicate: boolean;
  /** 25–34 file reference. */
  fileReference: string | null;
  /** 35–60 name of the addressee. */
  addressee: string | null;
  /** 61–71 BIC of the bank holding the account. */
  bic: string | null;
  /** 72–82 identification number of the account holder (0 + company number). */
  holderId: string | null;
  /** 128 version code. */
  version: string;
}

export interface CodaOldBalance {
  kind: '1';
  line: number;
  /** 2 account structure: 0 Belgian account number, 1 foreign, 2 IBAN of a Belgian account, 3 IBAN of a foreign account. */
  structure: '0' | '1' | '2' | '3';
  /** 3–5 sequence number of the paper statement. */
  paperSequence: string;
  /** 6–42 account number and currency, as written. */
  accountField: string;
  /** Read from 6–42 according to the structure (see readAccountField). */
  account: string;
  currency: string;
  /** 43 sign, 44–58 old balance. */
  balanceCents: bigint;
  /** 59–64 old balance date. */
  date: string | null;
  /** 65–90 name of the account holder. */
  holderName: string | null;
  /** 91–125 account description. */
  description: string | null;
  /** 126–128 sequence number of the coded statement (CODA file) in the year. */
  codaSequence: string;
}

export interface CodaMovement21 {
  kind: '21';
  line: number;
  /** 3–6 continuous sequence number; 7–10 detail number. */
  sequence: string;
  detail: string;
  /** 11–31 reference number of the bank. */
  bankReference: string | null;
  /** 32 sign, 33–47 amount. */
  amountCents: bigint;
  /** 48–53 value date. */
  valueDate: string | null;
  /** 54–61 transaction code: 54 type, 55–56 family, 57–58 transaction, 59–61 category. */
  transactionCode: string;
  /** 62 communication type: 0 none or unstructured, 1 structured. */
  communicationType: '0' | '1';
  /** 63–115 communication zone, untrimmed (structured: 63–65 type, e.g. 101, then the communication). */
  communication: string;
  /** 116–121 entry (booking) date. */
  bookingDate: string | null;
  /** 125 globalisation code. */
  globalisation: string;
}

export interface CodaMovement22 {
  kind: '22';
  line: number;
  sequence: string;
  detail: string;
  /** 11–63 communication (continued), untrimmed. */
  communication: string;
  /** 64–98 customer reference. */
  customerReference: string | null;
  /** 99–109 BIC of the counterparty's bank. */
  counterpartyBic: string | null;
}

export interface CodaMovement23 {
  kind: '23';
  line: number;
  sequence: string;
  detail: string;
  /** 11–47 counterparty's account number (IBAN) and currency. */
  counterpartyAccount: string | null;
  counterpartyCurrency: string | null;
  /** 48–82 counterparty's name. */
  counterpartyName: string | null;
  /** 83–125 communication (continued), untrimmed. */
  communication: string;
}

export interface CodaInformation {
  kind: '31' | '32' | '33';
  line: number;
  /** 3–6 sequence number of the movement it belongs to; 7–10 detail number. */
  sequence: string;
  detail: string;
}

export interface CodaFreeMessage {
  kind: '4';
  line: number;
  /** 33–112 text of the free communication. */
  text: string;
}

export interface CodaNewBalance {
  kind: '8';
  line: number;
  /** 2–4 sequence number of the paper statement. */
  paperSequence: string;
  /** 5–41 account number and currency, as in record 1 (6–42) shifted by one. */
  accountField: string;
  /** 42 sign, 43–57 new balance. */
  balanceCents: bigint;
  /** 58–63 new balance date. */
  date: string | null;
}

export interface CodaTrailer {
  kind: '9';
  line: number;
  /** 17–22 number of records 1, 2.x, 3.x and 8. */
  recordCount: number;
  /** 23–37 debit movements, 38–52 credit movements (records 2.1 with detail number 0000). */
  debitCents: bigint;
  creditCents: bigint;
}

export type CodaRecord = CodaHeader | CodaOldBalance | CodaMovement21 | CodaMovement22 | CodaMovement23 | CodaInformation | CodaFreeMessage | CodaNewBalance | CodaTrailer;

/** Belgian account number (12 digits, last 2 = first 10 mod 97) → its IBAN, BE + check digits. */
export function belgianAccountToIban(bban: string): string | null {
  if (!/^\d{12}$/.test(bban)) return null;
  const rest = Number(BigInt(bban.slice(0, 10)) % 97n);
  if ((rest === 0 ? 97 : rest) !== Number(bban.slice(10))) return null;
  const check = 98 - mod97(`${bban}111400`); // B = 11, E = 14, then "00" (ISO 13616)
  return `BE${String(check).padStart(2, '0')}${bban}`;
}

/**
 * The account and currency of a record 1 (positions 6–42) or 8 (5–41), by the account
 * structure of record 1's position 2 (Febelfin 2.6, §7.5 of annex I):
 * 0: 12-digit Belgian number (+0–11), blank, currency (+13–15);
 * 1: foreign number (+0–33), currency (+34–36);
 * 2: Belgian IBAN (+0–30), extension zone (+31–33), currency (+34–36);
 * 3: foreign IBAN (+0–33), currency (+34–36).
 */
function readAccountField(field: string, structure: CodaOldBalance['structure']): { account: string; currency: string } {
  switch (structure) {
    case '0':
      return { account: field.slice(0, 12).trim(), currency: field.slice(13, 16).trim() };
    case '2':
      return { account: normalizeIban(field.slice(0, 31)), currency: field.slice(34, 37).trim() };
    default:
      return { account: normalizeIban(field.slice(0, 34)), currency: field.slice(34, 37).trim() };
  }
}

/** One record of 128 characters at line `line`, its fields checked; throws BankFileError. */
export function parseCodaRecord(record: string, line: number): CodaRecord {
  if (record.length !== CODA_RECORD_LENGTH) {
    throw new BankFileError(line, `a CODA record has 128 characters, this one has ${record.length}${record.length > CODA_RECORD_LENGTH ? ' (CODA is one byte per character, Windows-1252)' : ''}`);
  }
  const id = record[0];
  const article = record[1];
  switch (id) {
    case '0':
      return {
        kind: '0',
        line,
        creationDate: date(record, 6, 'creation date', line),
        bankId: pos(record, 12, 14),
        duplicate: pos(record, 17, 17) === 'D',
        fileReference: blankToNull(pos(record, 25, 34)),
        addressee: blankToNull(pos(record, 35, 60)),
        bic: blankToNull(pos(record, 61, 71)),
        holderId: blankToNull(pos(record, 72, 82)),
        version: pos(record, 128, 128),
      };
    case '1': {
      if (article !== '0' && article !== '1' && article !== '2' && article !== '3') {
        throw new BankFileError(line, `account structure (position 2) must be 0, 1, 2 or 3, found "${article}"`);
      }
      const { account, currency } = readAccountField(pos(record, 6, 42), article);
      return {
        kind: '1',
        line,
        structure: article,
        paperSequence: pos(record, 3, 5),
        accountField: pos(record, 6, 42),
        account,
        currency,
        balanceCents: amount(record, 43, 44, 'old balance', line),
        date: date(record, 59, 'old balance date', line),
        holderName: blankToNull(pos(record, 65, 90)),
        description: blankToNull(pos(record, 91, 125)),
        codaSequence: pos(record, 126, 128),
      };
    }
    case '2': {
      const sequence = digits(record, 3, 6, 'continuous sequence number', line);
      const detail = digits(record, 7, 10, 'detail number', line);
      if (article === '1') {
        const type = pos(record, 62, 62);
        if (type !== '0' && type !== '1') throw new BankFileError(line, `communication type (position 62) must be 0 or 1, found "${type}"`);
        return {
          kind: '21',
          line,
          sequence,
          detail,
          bankReference: blankToNull(pos(record, 11, 31)),
          amountCents: amount(record, 32, 33, 'amount', line),
          valueDate: date(record, 48, 'value date', line),
          transactionCode: pos(record, 54, 61),
          communicationType: type,
          communication: pos(record, 63, 115),
          bookingDate: date(record, 116, 'entry date', line),
          globalisation: pos(record, 125, 125),
        };
      }
      if (article === '2') {
        return {
          kind: '22',
          line,
          sequence,
          detail,
          communication: pos(record, 11, 63),
          customerReference: blankToNull(pos(record, 64, 98)),
          counterpartyBic: blankToNull(pos(record, 99, 109)),
        };
      }
      if (article === '3') {
        // 11–44 the account (IBAN, left-aligned), 45–47 its currency; some banks write the
        // currency right after the IBAN, so the field is read as words.
        const [acct, ccy] = pos(record, 11, 47).trim().split(/\s+/);
        return {
          kind: '23',
          line,
          sequence,
          detail,
          counterpartyAccount: acct ? acct : null,
          counterpartyCurrency: ccy && /^[A-Z]{3}$/.test(ccy) ? ccy : null,
          counterpartyName: blankToNull(pos(record, 48, 82)),
          communication: pos(record, 83, 125),
        };
      }
      throw new BankFileError(line, `unknown record type 2.${article} (expected 2.1, 2.2 or 2.3)`);
    }
    case '3':
      if (article !== '1' && article !== '2' && article !== '3') throw new BankFileError(line, `unknown record type 3.${article} (expected 3.1, 3.2 or 3.3)`);
      return {
        kind: `3${article}`,
        line,
        sequence: digits(record, 3, 6, 'continuous sequence number', line),
        detail: digits(record, 7, 10, 'detail number', line),
      };
    case '4':
      return { kind: '4', line, text: pos(record, 33, 112).trim() };
    case '8':
      return {
        kind: '8',
        line,
        paperSequence: pos(record, 2, 4),
        accountField: pos(record, 5, 41),
        balanceCents: amount(record, 42, 43, 'new balance', line),
        date: date(record, 58, 'new balance date', line),
      };
    case '9': {
      const debit = BigInt(digits(record, 23, 37, 'debit total', line));
      const credit = BigInt(digits(record, 38, 52, 'credit total', line));
      if (debit % 10n !== 0n || credit % 10n !== 0n) throw new BankFileError(line, 'a trailer total has a fraction of a cent');
      return { kind: '9', line, recordCount: Number(digits(record, 17, 22, 'number of records', line)), debitCents: debit / 10n, creditCents: credit / 10n };
    }
    default:
      throw new BankFileError(line, `unknown record type "${id ?? ''}" (a CODA record starts with 0, 1, 2, 3, 4, 8 or 9)`);
  }
}

// ---------------------------------------------------------------------------- the file

/** Types of Febelfin transaction codes (annex II): 0–3 amounts, 5–9 their details; 4 does not exist. */
const TRANSACTION_TYPES = new Set(['0', '1', '2', '3', '5', '6', '7', '8', '9']);
/** Families of annex II. */
const TRANSACTION_FAMILIES = new Set(['01', '02', '03', '04', '05', '07', '09', '11', '13', '30', '35', '41', '43', '47', '80']);
/** Structured communication types that carry a Belgian OGM (annex III): 101, and 102 (reconstituted). */
const OGM_TYPES = new Set(['101', '102']);

interface MovementDraft {
  record: CodaMovement21;
  pieces: string[];
  name: string | null;
  account: string | null;
}

interface StatementDraft {
  old: CodaOldBalance;
  /** The IBAN of the account (a Belgian account number of structure 0 converted). */
  account: string;
  movements: MovementDraft[];
  /** The current 2.1 with detail 0000 and the last detail number seen under it. */
  current: MovementDraft | null;
  lastDetail: string;
}

interface GroupDraft {
  header: CodaHeader;
  counted: number;
  debitCents: bigint;
  creditCents: bigint;
}

const nextNumber = (n: string): string => String((Number(n) + 1) % 10000).padStart(4, '0');
const RECORD_NAME: Record<CodaRecord['kind'], string> = { '0': '0', '1': '1', '21': '2.1', '22': '2.2', '23': '2.3', '31': '3.1', '32': '3.2', '33': '3.3', '4': '4', '8': '8', '9': '9' };

/** Lines of the decoded text; a final line end is optional, LF or CRLF. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function parseCoda(bytes: Uint8Array): BankFile {
  const text = new TextDecoder('windows-1252').decode(bytes);
  const lines = splitLines(text);
  if (lines.length === 1 && lines[0] === '') throw new BankFileError(1, 'the file is empty: a CODA file starts with a header record 0');
  const warnings: BankWarning[] = [];
  const statements: BankStatement[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });

  let group: GroupDraft | null = null;
  let stmt: StatementDraft | null = null;
  /** The record before this one within the group, for the order checks. */
  let previous: CodaRecord | null = null;
  /** After a record 8: only 4, 9 (or another 1) may follow. */
  let closed = false;

  const unexpected = (r: CodaRecord, expected: string) =>
    new BankFileError(r.line, `record ${RECORD_NAME[r.kind]} is out of place: expected ${expected}`);

  lines.forEach((textLine, index) => {
    const r = parseCodaRecord(textLine, index + 1);
    if (r.kind === '0') {
      if (group) throw unexpected(r, stmt ? 'the movements or the new balance record 8 of the current statement' : 'the trailer record 9 of the current file');
      if (r.version !== '2') throw new BankFileError(r.line, `CODA version ${r.version.trim() || '(blank)'} (position 128) is not supported: this reads version 2`);
      if (r.duplicate) warn(r.line, 'the bank marked this file as a duplicate (position 17 "D")');
      group = { header: r, counted: 0, debitCents: 0n, creditCents: 0n };
      previous = r;
      closed = false;
      return;
    }
    if (!group) throw unexpected(r, 'a header record 0');
    const g: GroupDraft = group;
    if (r.kind !== '4' && r.kind !== '9') g.counted += 1;

    switch (r.kind) {
      case '1':
        if (stmt) throw unexpected(r, 'movements or the new balance record 8');
        if (previous?.kind !== '0' && !closed) throw unexpected(r, 'the old balance record 1 right after the header record 0');
        stmt = { old: r, account: statementAccount(r, warn), movements: [], current: null, lastDetail: '0000' };
        closed = false;
        break;
      case '21': {
        if (!stmt) throw unexpected(r, closed ? 'a free message 4 or the trailer record 9' : 'the old balance record 1');
        const s: StatementDraft = stmt;
        if (r.detail === '0000') {
          const expected = s.current ? nextNumber(s.current.record.sequence) : '0001';
          if (r.sequence !== expected) throw new BankFileError(r.line, `movement sequence ${r.sequence} is out of order: expected ${expected}`);
          const draft: MovementDraft = { record: r, pieces: [r.communication], name: null, account: null };
          s.movements.push(draft);
          s.current = draft;
          s.lastDetail = '0000';
          if (r.amountCents < 0n) g.debitCents -= r.amountCents;
          else g.creditCents += r.amountCents;
        } else {
          // A detail of a globalised amount: same sequence number, detail numbers 0001, 0002, …
          if (!s.current || r.sequence !== s.current.record.sequence) {
            throw new BankFileError(r.line, `detail record ${r.sequence}/${r.detail} is out of order: it does not follow its movement${s.current ? ` (current movement ${s.current.record.sequence})` : ''}`);
          }
          const expected = nextNumber(s.lastDetail);
          if (r.detail !== expected) throw new BankFileError(r.line, `detail number ${r.detail} of movement ${r.sequence} is out of order: expected ${expected}`);
          s.lastDetail = r.detail;
        }
        checkTransactionCode(r, warn);
        break;
      }
      case '22':
      case '23': {
        if (!stmt) throw unexpected(r, 'the old balance record 1');
        const s: StatementDraft = stmt;
        const p: CodaRecord | null = previous;
        const follows = r.kind === '22' ? p?.kind === '21' : p?.kind === '21' || p?.kind === '22';
        const same = p !== null && 'sequence' in p && 'detail' in p && p.sequence === r.sequence && p.detail === r.detail;
        if (!follows || !same) {
          throw new BankFileError(r.line, `record ${RECORD_NAME[r.kind]} ${r.sequence}/${r.detail} is out of order: it must follow the record ${r.kind === '22' ? '2.1' : '2.1 or 2.2'} of the same sequence and detail number`);
        }
        if (r.detail === '0000' && s.current) {
          s.current.pieces.push(r.communication);
          if (r.kind === '23') {
            s.current.name = r.counterpartyName;
            s.current.account = r.counterpartyAccount === null ? null : normalizeIban(r.counterpartyAccount);
            if (s.current.account && /^[A-Z]{2}\d{2}/.test(s.current.account) && checkIban(s.current.account) !== null) {
              warn(r.line, `the counterparty account ${s.current.account} fails its IBAN check`);
            }
          }
        }
        break;
      }
      case '31':
      case '32':
      case '33': {
        // Information records (names, addresses, SEPA data) are counted for the trailer and
        // otherwise skipped: the normalized form has no place for them.
        if (!stmt?.current) throw unexpected(r, 'a movement record 2.x before information records');
        const p: CodaRecord | null = previous;
        if (r.kind !== '31' && !(p && (p.kind === '31' || p.kind === '32' || p.kind === '33'))) throw unexpected(r, 'a record 3.1 or 3.2 before it');
        if (r.sequence !== stmt.current.record.sequence) {
          throw new BankFileError(r.line, `information record ${r.sequence}/${r.detail} is out of order: the current movement is ${stmt.current.record.sequence}`);
        }
        break;
      }
      case '4':
        if (!stmt && !closed) throw unexpected(r, 'the old balance record 1');
        break;
      case '8': {
        if (!stmt) throw unexpected(r, closed ? 'a free message 4 or the trailer record 9' : 'the old balance record 1');
        statements.push(closeStatement(stmt, r, g.header, warn));
        stmt = null;
        closed = true;
        break;
      }
      case '9': {
        if (stmt || !closed) throw unexpected(r, 'the new balance record 8 before the trailer');
        if (r.recordCount !== g.counted) {
          throw new BankFileError(r.line, `the trailer counts ${r.recordCount} records (1, 2.x, 3.x and 8) but the file has ${g.counted}`);
        }
        if (r.debitCents !== g.debitCents) {
          throw new BankFileError(r.line, `the trailer's debit total ${centsText(r.debitCents)} does not match the debit movements, ${centsText(g.debitCents)}`);
        }
        if (r.creditCents !== g.creditCents) {
          throw new BankFileError(r.line, `the trailer's credit total ${centsText(r.creditCents)} does not match the credit movements, ${centsText(g.creditCents)}`);
        }
        group = null;
        closed = false;
        break;
      }
    }
    previous = r;
  });
  if (group) throw new BankFileError(lines.length, 'the file ends without its trailer record 9');
  // A movement's communication is checked when its statement closes: put warnings back in line order.
  warnings.sort((a, b) => a.line - b.line);
  return { format: 'coda', statements, warnings };
}

/** The statement's account as an IBAN where it can be: structure 0 is converted, 1 kept as given. */
function statementAccount(r: CodaOldBalance, warn: (line: number, message: string) => void): string {
  if (r.structure === '0') {
    const iban = belgianAccountToIban(r.account);
    if (iban) return iban;
    warn(r.line, `the Belgian account number ${r.account} fails its check digits`);
  } else if (r.structure === '1') {
    warn(r.line, `the account ${r.account} is a foreign account number, not an IBAN`);
  } else if (checkIban(r.account) !== null) {
    warn(r.line, `the account ${r.account} fails its IBAN check`);
  }
  return r.account;
}

function checkTransactionCode(r: CodaMovement21, warn: (line: number, message: string) => void): void {
  const c = r.transactionCode;
  if (!/^\d{8}$/.test(c) || !TRANSACTION_TYPES.has(c.slice(0, 1)) || !TRANSACTION_FAMILIES.has(c.slice(1, 3))) {
    warn(r.line, `unknown transaction code "${c}" (positions 54–61)`);
  }
}

function closeStatement(s: StatementDraft, r8: CodaNewBalance, header: CodaHeader, warn: (line: number, message: string) => void): BankStatement {
  const movements = s.movements.map((m) => toMovement(m, warn));
  const sum = s.movements.reduce((t, m) => t + m.record.amountCents, 0n);
  if (s.old.balanceCents + sum !== r8.balanceCents) {
    throw new BankFileError(
      r8.line,
      `the new balance ${centsText(r8.balanceCents)} is not the old balance ${centsText(s.old.balanceCents)} plus the movements ${centsText(sum)} (= ${centsText(s.old.balanceCents + sum)})`,
    );
  }
  const closingAccount = readAccountField(r8.accountField, s.old.structure).account;
  if (closingAccount !== s.old.account) {
    warn(r8.line, `the new balance record names the account ${closingAccount}, the old balance record ${s.old.account}`);
  }
  const sequence = s.old.codaSequence !== '000' ? s.old.codaSequence : s.old.paperSequence !== '000' ? s.old.paperSequence : null;
  return {
    account: s.account,
    currency: s.old.currency,
    sequence,
    date: r8.date ?? header.creationDate,
    openingBalanceCents: centsToNumber(s.old.balanceCents, s.old.line),
    closingBalanceCents: centsToNumber(r8.balanceCents, r8.line),
    movements,
  };
}

/**
 * The communication of a movement: the pieces of 2.1 (63–115), 2.2 (11–63) and 2.3
 * (83–125) concatenated as they are (words may be cut across records), then trimmed.
 * A structured communication of type 101/102 is a Belgian OGM in the 12 characters after
 * the type; one that fails mod-97 stays in `communication` (without the type code) and is
 * reported. Other structured types (annex III: 105, 107, 127, …) are kept whole, type first.
 */
function toMovement(m: MovementDraft, warn: (line: number, message: string) => void): BankMovement {
  const r = m.record;
  const raw = m.pieces.join('');
  let structuredReference: string | null = null;
  let communication: string | null = blankToNull(raw);
  if (r.communicationType === '1' && OGM_TYPES.has(raw.slice(0, 3))) {
    const rest = raw.slice(3);
    const candidate = rest.slice(0, 12);
    communication = blankToNull(rest);
    if (/^\d{12}$/.test(candidate)) {
      const ogm = readOgm(candidate);
      if (ogm.kind === 'ogm') {
        structuredReference = ogm.digits;
        communication = blankToNull(rest.slice(12));
      } else if (ogm.kind === 'ogm-bad-check') {
        warn(r.line, `structured communication ${ogmText(candidate)} fails its mod-97 check (check digits should be ${ogm.expected}): kept as text`);
      }
    } else {
      warn(r.line, `structured communication of type ${raw.slice(0, 3)} is not 12 digits: "${candidate.trim()}", kept as text`);
    }
  }
  return {
    sequence: r.sequence,
    bookingDate: r.bookingDate,
    valueDate: r.valueDate,
    amountCents: centsToNumber(r.amountCents, r.line),
    counterpartyName: m.name,
    counterpartyAccount: m.account,
    structuredReference,
    communication,
    bankReference: r.bankReference,
  };
}
