/**
 * ECDSA signatures: PKCS#11 `CKM_ECDSA` returns the raw concatenation r‖s (each half the
 * length of the curve order, 48 bytes for P-384); CMS and X.509 carry
 * `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 5480 / RFC 5753).
 */

/** A DER length: short form below 128, else 0x81/0x82 + big-endian bytes. */
function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  if (n < 0x100) return Buffer.from([0x81, n]);
  if (n < 0x10000) return Buffer.from([0x82, n >> 8, n & 0xff]);
  throw new RangeError('DER length too large for an ECDSA signature');
}

/** A positive big-endian integer as DER INTEGER: minimal (no leading zeros), 0x00 prefix when the high bit is set. */
function derPositiveInteger(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  let v = bytes.subarray(i);
  if (v.length === 0) v = Buffer.from([0]);
  if ((v[0] ?? 0) & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
  return Buffer.concat([Buffer.from([0x02]), derLength(v.length), v]);
}

/** raw r‖s (even length) → DER ECDSA-Sig-Value. */
export function ecdsaRawToDer(raw: Uint8Array): Buffer {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new RangeError(`An ECDSA r‖s signature has an even, non-zero length (got ${raw.length})`);
  const half = raw.length / 2;
  const buf = Buffer.from(raw);
  const body = Buffer.concat([derPositiveInteger(buf.subarray(0, half)), derPositiveInteger(buf.subarray(half))]);
  return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
}

/** DER ECDSA-Sig-Value → raw r‖s, each integer left-padded to `size` bytes (48 for P-384). */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Buffer {
  const buf = Buffer.from(der);
  let p = 0;
  const readLen = (): number => {
    const first = buf[p++] ?? 0;
    if (first < 0x80) return first;
    const n = first & 0x7f;
    if (n === 0 || n > 2) throw new RangeError('Bad DER length in ECDSA signature');
    let len = 0;
    for (let i = 0; i < n; i++) len = (len << 8) | (buf[p++] ?? 0);
    return len;
  };
  if (buf[p++] !== 0x30) throw new RangeError('An ECDSA signature is a DER SEQUENCE');
  const seqLen = readLen();
  if (p + seqLen !== buf.length) throw new RangeError('Trailing bytes after the ECDSA signature');
  const ints: Buffer[] = [];
  for (let k = 0; k < 2; k++) {
    if (buf[p++] !== 0x02) throw new RangeError('An ECDSA signature holds two DER INTEGERs');
    const len = readLen();
    let v = buf.subarray(p, p + len);
    p += len;
    while (v.length > 1 && v[0] === 0) v = v.subarray(1);
    if (v.length > size) throw new RangeError('ECDSA integer longer than the curve size');
    ints.push(Buffer.concat([Buffer.alloc(size - v.length), v]));
  }
  return Buffer.concat(ints);
}
