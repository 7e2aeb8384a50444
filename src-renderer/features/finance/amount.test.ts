import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount } from '../../../src-shared/values/money.js';
import { centsToInput, parseEuros } from './amount.js';

describe('parseEuros: euros typed with a comma or a dot → cents', () => {
  it('reads the Belgian way: thousands with a dot, decimals with a comma', () => {
    expect(parseEuros('1.234,56')).toBe(123_456);
    expect(parseEuros('12,3')).toBe(1_230);
    expect(parseEuros('0,05')).toBe(5);
    expect(parseEuros('1.234.567,8')).toBe(123_456_780);
    expect(parseEuros('1 234,56 €')).toBe(123_456);
    expect(parseEuros('1\u00a0234,56')).toBe(123_456);
  });

  it('reads a decimal dot, as spreadsheets and English keyboards give it', () => {
    expect(parseEuros('1234.5')).toBe(123_450);
    expect(parseEuros('1,234.56')).toBe(123_456);
    expect(parseEuros('99.99')).toBe(9_999);
    expect(parseEuros('.5')).toBe(50);
  });

  it('reads whole euros, with or without a trailing separator', () => {
    expect(parseEuros('1234')).toBe(123_400);
    expect(parseEuros('12,')).toBe(1_200);
    expect(parseEuros('+7')).toBe(700);
  });

  it('takes one separator before exactly three digits as thousands, as invoices print them', () => {
    expect(parseEuros('1.234')).toBe(123_400);
    expect(parseEuros('1,234')).toBe(123_400);
  });

  it('refuses what is not an amount of euros and cents', () => {
    for (const bad of ['', '   ', 'abc', '12a', '-5', '1,2,3', '1.23,4.5', '12,345,6', '1,2345', '0,001', '1.2.3', ',', '€']) expect(parseEuros(bad), bad).toBeNull();
  });

  it('is exact: no float rounding, up to the largest safe number of cents', () => {
    expect(parseEuros('0,07')).toBe(7);
    expect(parseEuros('1.000.000,10')).toBe(100_000_010);
    expect(parseEuros('90071992547409,91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseEuros('90071992547409,92')).toBeNull();
  });

  it('reads back every amount it formats, in every language', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.constantFrom('fr', 'nl', 'en', 'de'), (cents, lang) => {
        expect(parseEuros(centsToInput(cents, lang))).toBe(cents);
      }),
    );
    expect(parseEuros(formatAmount(123_456, 'en'))).toBe(123_456);
  });
});
