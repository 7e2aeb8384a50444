import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkShares, compareLotNumbers, fractionsSumToOne } from './quota-shares.js';

describe('quote-parts check', () => {
  it('is balanced when the lots add up to the total', () => {
    const r = checkShares(1000, [{ lotId: 1, number: 'A1', shares: 600 }, { lotId: 2, number: 'A2', shares: 400 }]);
    expect(r).toMatchObject({ balanced: true, sum: 1000, difference: 0, lotsOff: [] });
  });
  it('says how many quote-parts are missing and which lots have none', () => {
    const r = checkShares(1000, [{ lotId: 1, number: 'A1', shares: 600 }, { lotId: 2, number: 'C1', shares: 0 }, { lotId: 3, number: 'A2', shares: 380 }]);
    expect(r.balanced).toBe(false);
    expect(r.difference).toBe(-20);
    expect(r.lotsOff).toEqual([{ lotId: 2, number: 'C1', shares: 0, issue: 'zero_shares' }]);
  });
  it('a building without lots is not balanced', () => {
    expect(checkShares(1000, []).balanced).toBe(false);
  });
});

describe('joint ownership fractions', () => {
  it('accepts halves and thirds that make a whole', () => {
    expect(fractionsSumToOne([{ fractionNum: 1, fractionDen: 2 }, { fractionNum: 1, fractionDen: 2 }])).toBe(true);
    expect(fractionsSumToOne([{ fractionNum: 1, fractionDen: 3 }, { fractionNum: 2, fractionDen: 3 }])).toBe(true);
    expect(fractionsSumToOne([{ fractionNum: 1, fractionDen: 3 }, { fractionNum: 1, fractionDen: 3 }])).toBe(false);
  });
  it('splitting a whole into n equal parts always sums to one', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), (n) => fractionsSumToOne(Array.from({ length: n }, () => ({ fractionNum: 1, fractionDen: n })))));
  });
});

it('orders lot numbers naturally', () => {
  expect(['10', '2', 'A10', 'A2', '1'].sort(compareLotNumbers)).toEqual(['1', '2', '10', 'A2', 'A10']);
});
