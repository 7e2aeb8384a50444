import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, compare, mul, rational, roundHalfUp } from './rational.js';

describe('rational', () => {
  it('normalises sign and common factors', () => {
    expect(rational(6, -4)).toEqual({ num: -3n, den: 2n });
    expect(add(rational(1, 3), rational(1, 6))).toEqual({ num: 1n, den: 2n });
    expect(mul(rational(400), rational(350, 400))).toEqual({ num: 350n, den: 1n });
    expect(() => rational(1, 0)).toThrow(RangeError);
  });

  it('compares exactly', () => {
    expect(compare(rational(2, 3), rational(666_666_667, 1_000_000_000))).toBe(-1);
    expect(compare(rational(4, 6), rational(2, 3))).toBe(0);
  });

  it('rounds half-up to 2 decimals, exactly', () => {
    expect(roundHalfUp(rational(201, 200))).toBe(1.01); // 1.005
    expect(roundHalfUp(rational(399, 200))).toBe(2); // 1.995
    expect(roundHalfUp(rational(1, 200))).toBe(0.01); // 0.005
    expect(roundHalfUp(rational(9, 2000))).toBe(0); // 0.0045
    expect(roundHalfUp(rational(-201, 200))).toBe(-1.01);
    expect(roundHalfUp(rational(0))).toBe(0);
  });

  it('rounds every value in [k/100 − 0.005, k/100 + 0.005) to k/100, as its decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: -500, max: 499 }), (k, offset) => {
        const r = roundHalfUp(rational(BigInt(k) * 1000n + BigInt(offset), 100_000n));
        expect(r).toBe(Number(`${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`));
      }),
    );
  });
});
