/**
 * Double-entry rules (AR 12/07/2012 and the general accounting rules it applies): an entry
 * has at least two lines, each line is a debit or a credit in positive integer cents,
 * debits equal credits; a posted entry is never changed — a correction is a reversing
 * entry; nothing is posted into a closed fiscal year.
 */
export interface EntryLine {
  accountCode: string;
  debitCents: number;
  creditCents: number;
  label?: string | null;
}

export class UnbalancedEntryError extends Error {
  override name = 'UnbalancedEntryError';
  constructor(public readonly debitCents: number, public readonly creditCents: number) {
    super(`The entry does not balance: debits ${debitCents} ≠ credits ${creditCents} (cents)`);
  }
}

export class InvalidEntryLineError extends Error {
  override name = 'InvalidEntryLineError';
  constructor(public readonly index: number, message: string) {
    super(`Line ${index + 1}: ${message}`);
  }
}

const isCents = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Throws unless the lines form a valid, balanced entry. */
export function assertBalanced(lines: readonly EntryLine[]): { totalCents: number } {
  if (lines.length < 2) throw new InvalidEntryLineError(lines.length, 'an entry has at least two lines');
  let debit = 0, credit = 0;
  lines.forEach((l, i) => {
    if (!isCents(l.debitCents) || !isCents(l.creditCents)) throw new InvalidEntryLineError(i, 'amounts are whole, non-negative cents');
    if ((l.debitCents > 0) === (l.creditCents > 0)) throw new InvalidEntryLineError(i, 'a line is either a debit or a credit, not both nor neither');
    debit += l.debitCents;
    credit += l.creditCents;
  });
  if (!Number.isSafeInteger(debit) || debit !== credit) throw new UnbalancedEntryError(debit, credit);
  return { totalCents: debit };
}

/** The lines of the entry that cancels `lines`: every debit becomes a credit and back. */
export function reversal<L extends EntryLine>(lines: readonly L[]): L[] {
  return lines.map((l) => ({ ...l, debitCents: l.creditCents, creditCents: l.debitCents }));
}

/** Balance of an account as debit − credit (positive = debit balance). */
export const balanceOf = (debitCents: number, creditCents: number) => debitCents - creditCents;

/** Whether `date` (ISO) falls within a fiscal year [start, end]. */
export const dateInYear = (date: string, start: string, end: string) => date >= start && date <= end;
