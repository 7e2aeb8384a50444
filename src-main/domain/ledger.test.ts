import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertBalanced, reversal, UnbalancedEntryError, InvalidEntryLineError, type EntryLine } from './ledger.js';

const line = (accountCode: string, debitCents: number, creditCents: number): EntryLine => ({ accountCode, debitCents, creditCents });

/** Random balanced entries: n debits and m credits over the same total. */
const balancedEntry = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 5 }))
  .map(([debits, creditCount]) => {
    const total = debits.reduce((a, b) => a + b, 0);
    const credits: number[] = [];
    let left = total;
    for (let i = 0; i < creditCount - 1 && left > 1; i++) {
      const part = Math.max(1, Math.floor(left / (creditCount - i)));
      credits.push(part);
      left -= part;
    }
    credits.push(left);
    return [...debits.map((d, i) => line(`6${i}`, d, 0)), ...credits.map((c, i) => line(`44${i}`, 0, c))];
  });

describe('double entry', () => {
  it('accepts a balanced invoice entry', () => {
    expect(assertBalanced([line('6110', 12100, 0), line('440', 0, 12100)])).toEqual({ totalCents: 12100 });
  });
  it('refuses an unbalanced entry with both totals', () => {
    expect(() => assertBalanced([line('6110', 12100, 0), line('440', 0, 12000)])).toThrow(UnbalancedEntryError);
    expect(() => assertBalanced([line('6110', 12100, 0), line('440', 0, 12000)])).toThrow(/12100 ≠ credits 12000/);
  });
  it('refuses one-line entries, lines with both or no side, fractional or negative cents', () => {
    expect(() => assertBalanced([line('6110', 1, 0)])).toThrow(InvalidEntryLineError);
    expect(() => assertBalanced([line('6110', 1, 1), line('440', 0, 0)])).toThrow(/either a debit or a credit/);
    expect(() => assertBalanced([line('6110', 1.5, 0), line('440', 0, 1.5)])).toThrow(/whole/);
    expect(() => assertBalanced([line('6110', -5, 0), line('440', 0, -5)])).toThrow(/non-negative/);
  });
  it('every generated balanced entry passes, and its reversal too', () => {
    fc.assert(fc.property(balancedEntry, (lines) => {
      assertBalanced(lines);
      assertBalanced(reversal(lines));
      return true;
    }));
  });
  it('reversing twice gives the original lines', () => {
    fc.assert(fc.property(balancedEntry, (lines) => {
      expect(reversal(reversal(lines))).toEqual(lines);
    }));
  });
  it('changing one amount by a cent always unbalances', () => {
    fc.assert(fc.property(balancedEntry, fc.nat(), (lines, k) => {
      const i = k % lines.length;
      const changed = lines.map((l, j) => (j === i ? (l.debitCents ? { ...l, debitCents: l.debitCents + 1 } : { ...l, creditCents: l.creditCents + 1 }) : l));
      expect(() => assertBalanced(changed)).toThrow(UnbalancedEntryError);
    }));
  });
});
