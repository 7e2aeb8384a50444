/**
 * Exact non-negative rationals on BigInt, for tallies: quote-parts scaled by the
 * art. 3.87 §7 cap are fractions, and a vote must be decided on exact values and
 * rounded only for display (see docs/adr/0006-tally-engine-exact-arithmetic.md).
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint; // always > 0
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Rational = { num: 0n, den: 1n };

export const add = (a: Rational, b: Rational): Rational => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);
/** Scales by an integer: k·a. */
export const scale = (a: Rational, k: bigint | number): Rational => rational(a.num * BigInt(k), a.den);

/** Sign of a − b: -1, 0 or 1. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const isZero = (a: Rational): boolean => a.num === 0n;

/**
 * Rounds to `decimals` places, half away from zero (= half-up for the non-negative
 * sums of a tally), and returns the nearest JS number. Exact up to the division:
 * k / 10^decimals with integer k < 2^53 is the correctly rounded double of the decimal.
 */
export function roundHalfUp(a: Rational, decimals = 2): number {
  const unit = 10n ** BigInt(decimals);
  const neg = a.num < 0n;
  const n = (neg ? -a.num : a.num) * unit;
  const k = (2n * n + a.den) / (2n * a.den); // floor(n/den + 1/2)
  const v = Number(k) / Number(unit);
  return neg && k !== 0n ? -v : v;
}
