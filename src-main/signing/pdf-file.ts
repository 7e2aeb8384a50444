/**
 * The byte-level structure of a PDF that pdf-lib does not expose: where the last
 * cross-reference section is, what kind it is, the trailer's /Size, where revisions end.
 * An incremental update (ISO 32000-1 §7.5.6) appends to the file and points back to the
 * previous cross-reference section with /Prev; earlier bytes — and earlier signatures —
 * stay untouched.
 */
import { NotAPdfError } from './errors.js';

const latin1 = (b: Uint8Array, start = 0, end = b.length): string => Buffer.from(b.buffer, b.byteOffset + start, Math.max(0, end - start)).toString('latin1');

export function assertPdfHeader(bytes: Uint8Array): void {
  if (!latin1(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-')) throw new NotAPdfError('no %PDF- header');
}

/** The offset after the last `startxref` keyword: where the newest cross-reference section starts. */
export function lastStartxref(bytes: Uint8Array): number {
  const tail = latin1(bytes, Math.max(0, bytes.length - 4096));
  const matches = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = matches[matches.length - 1];
  if (!last?.[1]) throw new NotAPdfError('no startxref at the end of the file');
  const offset = Number(last[1]);
  if (!Number.isSafeInteger(offset) || offset >= bytes.length) throw new NotAPdfError('startxref points outside the file');
  return offset;
}

export type XrefKind = 'table' | 'stream';

export interface LastXref {
  offset: number;
  kind: XrefKind;
  /** The trailer's /Size: one more than the highest object number ever used. */
  size: number;
}

/** Reads the newest cross-reference section: a classic `xref` table or a cross-reference stream. */
export function readLastXref(bytes: Uint8Array): LastXref {
  const offset = lastStartxref(bytes);
  const head = latin1(bytes, offset, Math.min(bytes.length, offset + 64)).trimStart();
  if (head.startsWith('xref')) {
    const after = latin1(bytes, offset);
    const trailer = after.indexOf('trailer');
    const size = /\/Size\s+(\d+)/.exec(after.slice(trailer, trailer + 4096));
    if (trailer < 0 || !size?.[1]) throw new NotAPdfError('the trailer has no /Size');
    return { offset, kind: 'table', size: Number(size[1]) };
  }
  if (/^\d+\s+\d+\s+obj/.test(head)) {
    const dict = latin1(bytes, offset, Math.min(bytes.length, offset + 4096));
    const end = dict.indexOf('stream');
    const size = /\/Size\s+(\d+)/.exec(end > 0 ? dict.slice(0, end) : dict);
    if (!size?.[1]) throw new NotAPdfError('the cross-reference stream has no /Size');
    return { offset, kind: 'stream', size: Number(size[1]) };
  }
  throw new NotAPdfError('startxref does not point to a cross-reference section');
}

/**
 * Where each revision ends: just after each `%%EOF` marker and its end-of-line. A signature
 * whose ByteRange ends at one of these covers exactly that revision.
 */
export function revisionEnds(bytes: Uint8Array): number[] {
  const text = latin1(bytes);
  const ends: number[] = [];
  let i = text.indexOf('%%EOF');
  while (i >= 0) {
    let end = i + 5;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    ends.push(end);
    i = text.indexOf('%%EOF', i + 5);
  }
  return ends;
}
