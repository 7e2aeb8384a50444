import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distribute, parseDistributionInput } from './distribution.js';
import { compareCodePoints } from './code-point-order.js';

describe('distribute (largest remainder)', () => {
  it('reproduces the example of the spec', () => {
    expect(distribute(100001, { A1: 125, A2: 125, B1: 250, P1: 0 })).toEqual({ A1: 25000, A2: 25000, B1: 50001, P1: 0 });
  });

  it('keeps every lot, in input order', () => {
    expect(Object.keys(distribute(7, { Z: 1, A: 0, M: 2 }))).toEqual(['Z', 'A', 'M']);
  });

  it('mirrors a credit note: the sign is applied after the split', () => {
    expect(distribute(-100001, { A1: 125, A2: 125, B1: 250, P1: 0 })).toEqual({ A1: -25000, A2: -25000, B1: -50001, P1: 0 });
    const r = distribute(-10, { a: 1, b: 1, c: 1 });
    expect(r).toEqual({ a: -4, b: -3, c: -3 });
    expect(Object.is(distribute(-1, { a: 1, b: 0 }).b, 0)).toBe(true); // never -0
  });

  it('gives nothing to a lot of weight 0, even with cents to spare', () => {
    expect(distribute(2, { x: 0, a: 1, b: 1, c: 1 })).toEqual({ x: 0, a: 1, b: 1, c: 0 });
    expect(distribute(0, { a: 3, b: 0 })).toEqual({ a: 0, b: 0 });
  });

  it('breaks equal remainders by the larger weight first', () => {
    // A = 1, W = 6: remainders 1·1, 1·2, 1·3 → c (3) gets the cent.
    expect(distribute(1, { a: 1, b: 2, c: 3 })).toEqual({ a: 0, b: 0, c: 1 });
    // A = 3, W = 9, weights 2,2,5: remainders 6,6,6 (all equal) → 5 first, then 2s by id.
    expect(distribute(3, { z: 2, y: 2, big: 5 })).toEqual({ z: 0, y: 1, big: 2 });
  });

  it('then by lot id in code point order', () => {
    expect(distribute(1, { b: 1, a: 1 })).toEqual({ b: 0, a: 1 });
    // Uppercase before lowercase (code points), "B10" < "B2" (no natural order).
    expect(distribute(2, { a: 1, B2: 1, B10: 1 })).toEqual({ a: 0, B2: 1, B10: 1 });
  });

  it('orders an astral id after a high-BMP id (code points, not UTF-16 units)', () => {
    const bmp = '\uFFFD'; // U+FFFD
    const astral = '😀'; // U+1F600, UTF-16 D83D DE00 — sorts *before* U+FFFD by code units
    expect(astral < bmp).toBe(true); // what a naive comparison would do
    expect(distribute(1, { [astral]: 1, [bmp]: 1 })).toEqual({ [astral]: 0, [bmp]: 1 });
    expect(distribute(1, { [bmp]: 1, [astral]: 1 })).toEqual({ [bmp]: 1, [astral]: 0 });
    // A private-use BMP character (U+E000) vs a supplementary one (U+10000).
    expect(distribute(1, { '\u{10000}': 1, '\uE000': 1 })).toEqual({ '\u{10000}': 0, '\uE000': 1 });
    expect(compareCodePoints('a😀', 'a\uFFFD')).toBe(1);
    expect(compareCodePoints('ab', 'a')).toBe(1);
    expect(compareCodePoints('', '')).toBe(0);
  });

  it('computes exactly when A × w exceeds 2^53', () => {
    const A = 2 ** 53 - 1;
    const r = distribute(A, { a: 2 ** 51, b: 2 ** 51 - 1, c: 3 }); // A·w ≈ 2^104
    const big = Object.values(r).reduce((s, v) => s + BigInt(v), 0n);
    expect(big).toBe(BigInt(A));
    // Lot c against its exact quota A·3/W, W = 2^52 + 2 (a float product would be off).
    const W = 2n ** 52n + 2n;
    const exact = (BigInt(A) * 3n) / W;
    expect([exact, exact + 1n]).toContain(BigInt(r.c!));
    expect(distribute(-(2 ** 53 - 1), { x: 1, y: 1 })).toEqual({ x: -(2 ** 52), y: -(2 ** 52 - 1) });
  });

  it('handles a lot named __proto__ as data', () => {
    const weights = JSON.parse('{"__proto__": 1, "a": 1}') as Record<string, number>;
    const r = distribute(3, weights);
    expect(Object.keys(r)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(r)).toBe('{"__proto__":2,"a":1}');
  });

  it('refuses inputs the parser would refuse', () => {
    expect(() => distribute(1, { a: 0 })).toThrow(RangeError);
    expect(() => distribute(1.5, { a: 1 })).toThrow(RangeError);
    expect(() => distribute(1, { a: -1 })).toThrow(RangeError);
  });
});

describe('distribute properties', () => {
  const idArb = fc.string({ unit: 'binary', minLength: 0, maxLength: 4 });
  const weightsArb = fc
    .dictionary(idArb, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 ** 40 })), { minKeys: 1, maxKeys: 12 })
    .filter((w) => Object.values(w).some((v) => v > 0));
  const amountArb = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger().map((v) => v), fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }));

  const exactQuota = (amount: number, w: number, W: bigint) => (BigInt(Math.abs(amount)) * BigInt(w)) / W;

  it('shares add up to the amount, each is floor or floor+1 of the exact quota', () => {
    fc.assert(
      fc.property(amountArb, weightsArb, (amount, weights) => {
        const r = distribute(amount, weights);
        const W = Object.values(weights).reduce((s, v) => s + BigInt(v), 0n);
        expect(Object.values(r).reduce((s, v) => s + BigInt(v), 0n)).toBe(BigInt(amount));
        expect(Object.keys(r)).toEqual(Object.keys(weights));
        for (const [id, w] of Object.entries(weights)) {
          const share = BigInt(Math.abs(r[id]!));
          const floor = exactQuota(amount, w, W);
          expect(share === floor || share === floor + 1n).toBe(true);
          if (w === 0) expect(r[id]).toBe(0);
          if (r[id] !== 0) expect(Math.sign(r[id]!)).toBe(Math.sign(amount));
        }
      }),
    );
  });

  it('is deterministic and independent of the key order of the input', () => {
    fc.assert(
      fc.property(amountArb, weightsArb, fc.infiniteStream(fc.nat()), (amount, weights, rnd) => {
        const entries = Object.entries(weights);
        const shuffled = [...entries];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = distribute(amount, weights);
        const b = distribute(amount, Object.fromEntries(shuffled));
        expect(distribute(amount, weights)).toEqual(a);
        expect(b).toEqual(a);
      }),
    );
  });

  it('the credit note is the exact mirror of the invoice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 53 - 1 }), weightsArb, (amount, weights) => {
        const pos = distribute(amount, weights);
        const neg = distribute(-amount, weights);
        for (const id of Object.keys(weights)) expect(neg[id]).toBe(pos[id] === 0 ? 0 : -pos[id]!);
      }),
    );
  });
});

describe('parseDistributionInput', () => {
  const problems = (json: unknown) => {
    const r = parseDistributionInput(json);
    return r.ok ? [] : r.problems;
  };

  it('accepts the example of the spec', () => {
    const json = JSON.parse('{ "amountCents": 100001, "weights": { "A1": 125, "A2": 125, "B1": 250, "P1": 0 } }');
    expect(parseDistributionInput(json)).toEqual({ ok: true, value: json });
  });

  it('accepts 1.0 (JSON.parse gives the integer 1) and negative amounts', () => {
    expect(parseDistributionInput(JSON.parse('{"amountCents": 1.0, "weights": {"a": 2.0}}')).ok).toBe(true);
    expect(parseDistributionInput({ amountCents: -(2 ** 53 - 1), weights: { a: 1 } }).ok).toBe(true);
  });

  it.each([
    ['a missing amount', { weights: { a: 1 } }, 'amountCents: must be a JSON integer'],
    ['a string amount', { amountCents: '100', weights: { a: 1 } }, 'amountCents: must be a JSON integer'],
    ['a fractional amount', { amountCents: 10.5, weights: { a: 1 } }, 'amountCents: must be a JSON integer'],
    ['a null amount', { amountCents: null, weights: { a: 1 } }, 'amountCents: must be a JSON integer'],
    ['|amount| = 2^53', { amountCents: 2 ** 53, weights: { a: 1 } }, 'amountCents: must satisfy |amountCents| < 2^53'],
    ['amount -2^53', { amountCents: -(2 ** 53), weights: { a: 1 } }, 'amountCents: must satisfy |amountCents| < 2^53'],
    ['amount 1e300', JSON.parse('{"amountCents": 1e300, "weights": {"a": 1}}'), 'amountCents: must satisfy |amountCents| < 2^53'],
    ['a string weight', { amountCents: 1, weights: { A1: '5' } }, 'weights.A1: must be a non-negative integer'],
    ['a negative weight', { amountCents: 1, weights: { A1: -5 } }, 'weights.A1: must be a non-negative integer'],
    ['a fractional weight', { amountCents: 1, weights: { A1: 0.5 } }, 'weights.A1: must be a non-negative integer'],
    ['a weight of 2^53', { amountCents: 1, weights: { A1: 2 ** 53 } }, 'weights.A1: must be below 2^53'],
    ['all weights 0', { amountCents: 1, weights: { a: 0, b: 0 } }, 'weights: all weights are 0'],
    ['no lots', { amountCents: 1, weights: {} }, 'weights: no lots'],
    ['missing weights', { amountCents: 1 }, 'weights: must be a JSON object'],
    ['weights as an array', { amountCents: 1, weights: [1, 2] }, 'weights: must be a JSON object'],
    ['a sum of weights ≥ 2^53', { amountCents: 1, weights: { a: 2 ** 52, b: 2 ** 52 } }, 'weights: the sum of the weights must be below 2^53'],
    ['not an object', [1], '(input): must be a JSON object'],
  ])('refuses %s', (_label, json, expected) => {
    const p = problems(json);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('reports every problem, quoting ids that are not plain names', () => {
    expect(problems({ amountCents: '1', weights: { 'lot 3': -1, ok: 2, 'a.b': 'x' } })).toEqual([
      'amountCents: must be a JSON integer, got the string "1"',
      'weights["lot 3"]: must be a non-negative integer, got -1',
      'weights["a.b"]: must be a non-negative integer, got the string "x"',
    ]);
  });
});
