import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIban, formatIban, isValidIban } from './iban.js';
import { checkBce, formatBce, isValidBce } from './bce.js';
import { isValidOgm, makeOgm, ogmDigits } from './ogm.js';

describe('IBAN', () => {
  it('accepts real Belgian and foreign IBANs, typed with spaces or not', () => {
    expect(isValidIban('BE68 5390 0754 7034')).toBe(true);
    expect(isValidIban('be71096123456769')).toBe(true);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('FR1420041010050500013M02606')).toBe(true);
  });
  it('says what is wrong', () => {
    expect(checkIban('BE68 5390 0754 7035')).toBe('checksum');
    expect(checkIban('BE68 5390 0754 703')).toBe('length');
    expect(checkIban('hello')).toBe('format');
  });
  it('catches every single-digit typo of a Belgian IBAN', () => {
    const iban = 'BE68539007547034';
    fc.assert(fc.property(fc.integer({ min: 4, max: 15 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
      const d = (Number(iban[pos]) + delta) % 10;
      return !isValidIban(iban.slice(0, pos) + d + iban.slice(pos + 1));
    }));
  });
  it('prints in groups of four', () => expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034'));
});

describe('BCE/KBO number', () => {
  it('checks 97 − (first eight mod 97)', () => {
    expect(isValidBce('0417.497.106')).toBe(true);
    expect(isValidBce('BE 0417 497 106')).toBe(true);
    expect(checkBce('0417.497.107')).toBe('checksum');
    expect(checkBce('2417.497.106')).toBe('format');
    expect(checkBce('417497106')).toBe('format');
  });
  it('formats as 0000.000.000', () => expect(formatBce('0417497106')).toBe('0417.497.106'));
});

describe('structured communication (OGM/VCS)', () => {
  it('follows the example of the domain notes', () => {
    expect(makeOgm('1234567890')).toBe('+++123/4567/89002+++');
  });
  it('uses 97 when the rest is 0', () => {
    expect(makeOgm('0000000097')).toBe('+++000/0000/09797+++');
  });
  it('reads the usual typed forms', () => {
    expect(ogmDigits('***123/4567/89002***')).toBe('123456789002');
    expect(isValidOgm('123 4567 89002')).toBe(true);
    expect(isValidOgm('+++123/4567/89003+++')).toBe(false);
  });
  it('every generated OGM is valid', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{10}$/), (base) => isValidOgm(makeOgm(base))));
  });
});
