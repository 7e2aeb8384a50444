import { compareText } from '../../src-shared/text.js';

/**
 * Quote-parts (quotités / aandelen): the lots' shares must add up to the building's
 * total before it can hold an AG or distribute charges (art. 3.85 §1: the deed fixes
 * each lot's share of the common parts; votes and charges follow them).
 */
export interface LotShares { lotId: number; number: string; shares: number }

export interface SharesCheckResult {
  balanced: boolean;
  total: number;
  sum: number;
  difference: number;
  lotCount: number;
  lotsOff: { lotId: number; number: string; shares: number; issue: 'zero_shares' }[];
}

export function checkShares(total: number, lots: readonly LotShares[]): SharesCheckResult {
  const sum = lots.reduce((s, l) => s + l.shares, 0);
  const lotsOff = lots.filter((l) => l.shares <= 0).map((l) => ({ lotId: l.lotId, number: l.number, shares: l.shares, issue: 'zero_shares' as const }));
  return { balanced: sum === total && lots.length > 0 && lotsOff.length === 0, total, sum, difference: sum - total, lotCount: lots.length, lotsOff };
}

/** Exact sum of fractions n/d equals 1 (joint owners of one lot hold it whole). */
export function fractionsSumToOne(fractions: readonly { fractionNum: number; fractionDen: number }[]): boolean {
  let num = 0n, den = 1n;
  for (const f of fractions) {
    num = num * BigInt(f.fractionDen) + BigInt(f.fractionNum) * den;
    den = den * BigInt(f.fractionDen);
  }
  return num === den;
}

/** Natural order of lot numbers: "2" < "10", "A2" < "A10". */
export const compareLotNumbers = (a: string, b: string): number => compareText(a, b);
