import { createSign, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaDerToRaw, ecdsaRawToDer } from './ecdsa-der.js';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');

describe('ECDSA r‖s → DER', () => {
  it('encodes two small integers', () => {
    expect(ecdsaRawToDer(hex('0102 0304')).toString('hex')).toBe('3008' + '02020102' + '02020304');
  });

  it('prefixes 0x00 when the high bit is set (else the INTEGER would be negative)', () => {
    expect(ecdsaRawToDer(hex('8001 ff02')).toString('hex')).toBe('300a' + '0203008001' + '020300ff02');
  });

  it('drops leading zero bytes, keeping one byte for zero and the 0x00 before a high bit', () => {
    expect(ecdsaRawToDer(hex('00007f 000000')).toString('hex')).toBe('3006' + '02017f' + '020100');
    expect(ecdsaRawToDer(hex('000080 000001')).toString('hex')).toBe('3007' + '0202' + '0080' + '020101');
  });

  it('uses the long length form above 127 bytes (P-521 sized halves)', () => {
    const raw = Buffer.concat([Buffer.alloc(66, 0xff), Buffer.alloc(66, 0x01)]);
    const der = ecdsaRawToDer(raw);
    expect(der.subarray(0, 3).toString('hex')).toBe('308189'); // (2 + 67) + (2 + 66) = 137 = 0x89
    expect(ecdsaDerToRaw(der, 66).equals(raw)).toBe(true);
  });

  it('refuses an odd length', () => {
    expect(() => ecdsaRawToDer(hex('010203'))).toThrow(RangeError);
  });

  it('round-trips with real P-384 signatures, and Node verifies the converted DER', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const data = Buffer.from('procès-verbal de l’assemblée générale');
    let sawHighBit = false;
    let sawShort = false;
    for (let i = 0; i < 200 && !(sawHighBit && sawShort); i++) {
      const raw = createSign('sha384').update(data).sign({ key: privateKey, dsaEncoding: 'ieee-p1363' });
      expect(raw.length).toBe(96);
      sawHighBit ||= ((raw[0] ?? 0) & 0x80) !== 0 || ((raw[48] ?? 0) & 0x80) !== 0;
      sawShort ||= raw[0] === 0 || raw[48] === 0;
      const der = ecdsaRawToDer(raw);
      expect(verify('sha384', data, { key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
      expect(ecdsaDerToRaw(der, 48).equals(raw)).toBe(true);
    }
    expect(sawHighBit).toBe(true);
  });
});
