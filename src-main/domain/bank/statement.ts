/**
 * The normalized form of a bank statement file (spec/bank-statements.md in the shared
 * specs; docs/formats/bank-statements.md). CODA and CAMT.053 are both read into it; the
 * reconciliation works on it and `koprogo bank parse FILE --json` prints it as it is.
 * Amounts are integer cents (credits positive, debits negative), dates `YYYY-MM-DD`.
 */

export type BankFormat = 'coda' | 'camt053';

export interface BankMovement {
  /** CODA: the continuous sequence number (4 digits); CAMT: the entry's 1-based position in its statement, 4 digits. */
  sequence: string;
  bookingDate: string | null;
  valueDate: string | null;
  amountCents: number;
  counterpartyName: string | null;
  /** The counterparty's IBAN without spaces (or its account number as given when it is not an IBAN). */
  counterpartyAccount: string | null;
  /** 12 digits of a Belgian OGM/VCS that passes mod-97, or an ISO 11649 `RF` reference as given. */
  structuredReference: string | null;
  communication: string | null;
  bankReference: string | null;
}

export interface BankStatement {
  account: string;
  currency: string;
  sequence: string | null;
  date: string | null;
  openingBalanceCents: number;
  closingBalanceCents: number;
  movements: BankMovement[];
}

export interface BankWarning {
  line: number;
  message: string;
}

export interface BankFile {
  format: BankFormat;
  statements: BankStatement[];
  warnings: BankWarning[];
}

/**
 * A file refused whole (nothing is imported): a malformed record, a sequence out of order,
 * a trailer or a balance that does not add up, a CAMT document that breaks its schema.
 * `line` is 1-based (0 when the file has no line to name, e.g. an empty file); `path` is the
 * CAMT element path (`Document/BkToCstmrStmt/Stmt[1]/Bal[0]/Amt`), null for CODA.
 */
export class BankFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly path: string | null = null,
  ) {
    super(message);
    this.name = 'BankFileError';
  }
}

/** Cents as a JavaScript number, refusing what a double cannot hold exactly. */
export function centsToNumber(cents: bigint, line: number, path: string | null = null): number {
  const n = Number(cents);
  if (!Number.isSafeInteger(n)) throw new BankFileError(line, `amount of ${cents} cents is too large`, path);
  return n;
}

/** `1234567` cents → `12345.67` for messages (never for computation). */
export function centsText(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
