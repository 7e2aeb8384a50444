import { describe, expect, it } from 'vitest';
import { epcPayload, EpcQrError } from './epc-qr.js';

describe('EPC QR payload', () => {
  it('carries the beneficiary, IBAN, amount and the OGM in the remittance text', () => {
    expect(epcPayload({ name: 'ACP Résidence Les Tilleuls', iban: 'BE68 5390 0754 7034', amountCents: 123456, ogm: '123456789002' }).split('\n')).toEqual([
      'BCD', '002', '1', 'SCT', '', 'ACP Résidence Les Tilleuls', 'BE68539007547034', 'EUR1234.56', '', '', '+++123/4567/89002+++',
    ]);
  });
  it('writes cents with two decimals', () => {
    expect(epcPayload({ name: 'X', iban: 'BE68539007547034', amountCents: 5, ogm: '+++123/4567/89002+++' })).toContain('\nEUR0.05\n');
  });
  it('refuses a bad IBAN, a bad OGM or an amount out of range', () => {
    expect(() => epcPayload({ name: 'X', iban: 'BE68539007547035', amountCents: 100, ogm: '123456789002' })).toThrow(EpcQrError);
    expect(() => epcPayload({ name: 'X', iban: 'BE68539007547034', amountCents: 100, ogm: '123456789003' })).toThrow(/structured communication/);
    expect(() => epcPayload({ name: 'X', iban: 'BE68539007547034', amountCents: 0, ogm: '123456789002' })).toThrow(/amount/);
  });
});
