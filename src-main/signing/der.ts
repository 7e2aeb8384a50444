/**
 * A minimal DER reader that keeps the exact bytes of every element. Verifying a CMS needs
 * the signed attributes exactly as the signer encoded them (re-encoding them, as ASN.1
 * libraries do, could change the bytes and break a valid signature), so verification reads
 * with this; building uses node-forge's ASN.1 (cms.ts).
 */
export class DerError extends Error {
  override name = 'DerError';
}

export interface Tlv {
  /** The identifier octet (single-byte tags only: enough for X.509 and CMS). */
  tag: number;
  /** Where the element starts in `source`. */
  start: number;
  /** Where its content starts and ends (end is exclusive). */
  contentStart: number;
  end: number;
  source: Buffer;
}

export const tlvBytes = (t: Tlv): Buffer => t.source.subarray(t.start, t.end);
export const tlvContent = (t: Tlv): Buffer => t.source.subarray(t.contentStart, t.end);
export const isConstructed = (t: Tlv): boolean => (t.tag & 0x20) !== 0;

export function readTlv(source: Buffer, start = 0, limit = source.length): Tlv {
  let p = start;
  if (p + 2 > limit) throw new DerError('truncated DER element');
  const tag = source[p++] ?? 0;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not supported');
  const first = source[p++] ?? 0;
  let length: number;
  if (first < 0x80) length = first;
  else {
    const n = first & 0x7f;
    if (n === 0) throw new DerError('indefinite length (BER) is not DER');
    if (n > 4) throw new DerError('DER length too large');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (source[p++] ?? 0);
  }
  const end = p + length;
  if (end > limit) throw new DerError('DER element longer than its container');
  return { tag, start, contentStart: p, end, source };
}

/** The elements inside a constructed element. */
export function children(t: Tlv): Tlv[] {
  if (!isConstructed(t)) throw new DerError(`element with tag 0x${t.tag.toString(16)} is not constructed`);
  const out: Tlv[] = [];
  let p = t.contentStart;
  while (p < t.end) {
    const c = readTlv(t.source, p, t.end);
    out.push(c);
    p = c.end;
  }
  return out;
}

export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t || t.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}${t ? `, found 0x${t.tag.toString(16)}` : ', found nothing'}`);
  return t;
}

/** An OBJECT IDENTIFIER's dotted form. */
export function oidOf(t: Tlv | undefined): string {
  const b = tlvContent(expectTag(t, 0x06, 'OBJECT IDENTIFIER'));
  if (b.length === 0) throw new DerError('empty OBJECT IDENTIFIER');
  const subs: bigint[] = [];
  let v = 0n;
  for (const byte of b) {
    v = (v << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      subs.push(v);
      v = 0n;
    }
  }
  const head = subs[0] ?? 0n;
  const arc0 = head < 40n ? 0n : head < 80n ? 1n : 2n;
  const parts = [arc0, head - arc0 * 40n, ...subs.slice(1)];
  return parts.join('.');
}
