import { parseEuros } from './amount.js';

export interface EntryLineText {
  debit: string;
  credit: string;
}

export interface EntryBalance {
  debitCents: number;
  creditCents: number;
  /** debit − credit: positive when the debit side is heavier. */
  differenceCents: number;
  /** Lines whose debit or credit is not an amount (index in the form). */
  unreadable: number[];
  /** Lines with both a debit and a credit. */
  bothSides: number[];
  /** Balanced, something to post, every amount readable, no line on both sides. */
  ready: boolean;
}

const read = (s: string): number | null => (s.trim() === '' ? 0 : parseEuros(s));

/** The live balance check of an entry being typed (débit = crédit before it can be posted). */
export function entryBalance(lines: readonly EntryLineText[]): EntryBalance {
  let debitCents = 0, creditCents = 0;
  const unreadable: number[] = [];
  const bothSides: number[] = [];
  lines.forEach((l, i) => {
    const d = read(l.debit), c = read(l.credit);
    if (d === null || c === null) unreadable.push(i);
    if ((d ?? 0) > 0 && (c ?? 0) > 0) bothSides.push(i);
    debitCents += d ?? 0;
    creditCents += c ?? 0;
  });
  const differenceCents = debitCents - creditCents;
  return { debitCents, creditCents, differenceCents, unreadable, bothSides, ready: differenceCents === 0 && debitCents > 0 && !unreadable.length && !bothSides.length };
}
