import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centsToDecimal, formatAmount, formatMoney } from './money.js';

const NBSP = '\u00a0';

describe('money as text', () => {
  it('writes euros the Belgian way in French and Dutch: 1.234,56 €', () => {
    expect(formatMoney(123456, 'fr')).toBe(`1.234,56${NBSP}€`);
    expect(formatMoney(123456, 'nl')).toBe(`1.234,56${NBSP}€`);
    expect(formatMoney(123456, 'de')).toBe(`1.234,56${NBSP}€`);
    expect(formatMoney(123456, 'en')).toBe('€1,234.56');
  });
  it('groups every three digits, keeps two decimals, signs debts', () => {
    expect(formatAmount(0)).toBe('0,00');
    expect(formatAmount(5)).toBe('0,05');
    expect(formatAmount(-99)).toBe('-0,99');
    expect(formatAmount(100000)).toBe('1.000,00');
    expect(formatAmount(-123456789012)).toBe('-1.234.567.890,12');
    expect(formatMoney(-500, 'fr')).toBe(`-5,00${NBSP}€`);
    expect(formatMoney(-123456, 'en')).toBe('-€1,234.56');
  });
  it('is exact beyond 2^53 cents when given a bigint', () => {
    expect(formatAmount(12345678901234567890n)).toBe('123.456.789.012.345.678,90');
    expect(() => formatAmount(0.5)).toThrow(RangeError);
  });
  it('writes plain decimals for spreadsheets: 1234,56, no grouping', () => {
    expect(centsToDecimal(123456)).toBe('1234,56');
    expect(centsToDecimal(-7)).toBe('-0,07');
    expect(centsToDecimal(0)).toBe('0,00');
  });
  it('reads back to the same cents (decimal and grouped forms)', () => {
    fc.assert(fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (cents) => {
      const fromDecimal = BigInt(centsToDecimal(cents).replace(',', ''));
      const fromGrouped = BigInt(formatAmount(cents, 'nl').replace(/\./g, '').replace(',', ''));
      return fromDecimal === BigInt(cents) && fromGrouped === BigInt(cents);
    }));
  });
});
