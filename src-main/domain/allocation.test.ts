import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, fractionWeights, reserveFloorCents, type LotOwnerShare } from './allocation.js';

describe('allocation to owners', () => {
  it('splits over lots by quote-parts, then a joint lot over its owners by fraction', () => {
    const owners = new Map<string, LotOwnerShare[]>([
      ['A1', [{ ownerId: 1, fractionNum: 1, fractionDen: 1 }]],
      ['A2', [{ ownerId: 2, fractionNum: 1, fractionDen: 2 }, { ownerId: 3, fractionNum: 1, fractionDen: 2 }]],
    ]);
    const r = allocate(100001, { A1: 600, A2: 400 }, owners);
    expect(r.byLot).toEqual({ A1: 60001, A2: 40000 });
    expect([...r.byOwner.entries()].sort()).toEqual([[1, 60001], [2, 20000], [3, 20000]]);
  });
  it('an owner of two lots gets both shares; a lot without owner is reported apart', () => {
    const owners = new Map<string, LotOwnerShare[]>([['A1', [{ ownerId: 1, fractionNum: 1, fractionDen: 1 }]], ['P1', [{ ownerId: 1, fractionNum: 1, fractionDen: 1 }]]]);
    const r = allocate(1000, { A1: 90, P1: 10, X: 100 }, owners);
    expect(r.byOwner.get(1)).toBe(500);
    expect(r.unownedCents).toBe(500);
  });
  it('fractions with different denominators become integer weights', () => {
    expect(fractionWeights([{ ownerId: 1, fractionNum: 1, fractionDen: 3 }, { ownerId: 2, fractionNum: 1, fractionDen: 2 }, { ownerId: 3, fractionNum: 1, fractionDen: 6 }])).toEqual({ 1: 2, 2: 3, 3: 1 });
  });
  it('the owners’ cents always add up to the amount when every lot has owners', () => {
    const lots = fc.uniqueArray(fc.stringMatching(/^[A-Z][0-9]{1,2}$/), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), lots, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 12, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 12, maxLength: 12 }), (amount, ids, weights, joint) => {
      const owners = new Map<string, LotOwnerShare[]>();
      ids.forEach((id, i) => {
        const n = joint[i] ?? 1;
        owners.set(id, Array.from({ length: n }, (_, k) => ({ ownerId: i * 10 + k, fractionNum: 1, fractionDen: n })));
      });
      const r = allocate(amount, Object.fromEntries(ids.map((id, i) => [id, weights[i] ?? 1])), owners);
      return [...r.byOwner.values()].reduce((a, b) => a + b, 0) === amount && r.unownedCents === 0;
    }));
  });
});

describe('reserve fund floor (art. 3.86 §3)', () => {
  it('is 5 % of last year’s charges, rounded up to the cent', () => {
    expect(reserveFloorCents(1_000_000)).toBe(50_000);
    expect(reserveFloorCents(1_000_001)).toBe(50_001);
    expect(reserveFloorCents(0)).toBe(0);
  });
});
