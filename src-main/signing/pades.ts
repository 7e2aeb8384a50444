/**
 * PAdES baseline B-B signatures (ETSI EN 319 142-1) on a PDF's signature field, written as
 * an incremental update: the original bytes are kept as they are and the update appends the
 * signature dictionary, the field and widget it fills, the appearance, and a cross-reference
 * section of the same kind as the previous one. Earlier signatures stay valid and every
 * other field is untouched. See docs/signing.md.
 *
 *   /Filter /Adobe.PPKLite  /SubFilter /ETSI.CAdES.detached  /M (claimed time)
 *   /ByteRange [0 a b c] covers the whole new file except /Contents <CMS hex, zero-padded>
 */
import { createHash } from 'node:crypto';
import { EncryptedPDFError, ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFNumber, type PDFObject, type PDFRef } from 'pdf-lib';
import { formatSigningTime, signatureAppearance } from './appearance.js';
import { buildSignedData, type CmsSigner, type DigestName } from './cms.js';
import { EncryptedPdfError, FieldAlreadySignedError, FieldNotFoundError, NotAPdfError, NotASignatureFieldError, SignatureTooLargeError } from './errors.js';
import { acroForm, addSignatureField, listFields, N, widgetRect, type FormField, type NewSignatureField } from './fields.js';
import { assertPdfHeader, readLastXref, type LastXref } from './pdf-file.js';
import { displayName } from './x509.js';

export interface SignPdfOptions {
  /** The fully qualified name of the signature field. */
  field: string;
  signer: CmsSigner;
  /** Shown and stored as /Reason: the signer's role, e.g. "Président de séance". */
  reason?: string;
  /** /Location, e.g. the building or the meeting room. */
  location?: string;
  /** The claimed signing time (/M); now by default. */
  signingTime?: Date;
  digest?: DigestName;
  /** Add the field here when the PDF has none of that name (otherwise a missing field is refused). */
  newField?: NewSignatureField;
  /** The time zone of the date shown in the appearance. */
  timeZone?: string;
  /** Bytes reserved for the CMS (hex takes twice as much). */
  contentsBytes?: number;
}

export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  assertPdfHeader(bytes);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (e) {
    if (e instanceof EncryptedPDFError) throw new EncryptedPdfError();
    throw new NotAPdfError();
  }
  // A damaged file can parse without a catalog (e.g. an object stream no longer recognised).
  if (!((doc.catalog as unknown) instanceof PDFDict)) throw new NotAPdfError('no document catalog: the file is damaged');
  return doc;
}

function signableField(doc: PDFDocument, name: string, newField?: NewSignatureField): FormField {
  const fields = listFields(doc);
  const field = fields.find((f) => f.name === name);
  if (!field) {
    if (newField) return addSignatureField(doc, name, newField);
    throw new FieldNotFoundError(
      name,
      fields.filter((f) => f.type === 'Sig').map((f) => f.name),
    );
  }
  if (field.type !== 'Sig') throw new NotASignatureFieldError(name);
  if (field.signature) throw new FieldAlreadySignedError(name);
  return field;
}

/**
 * Refuses, before the card is asked for anything, a PDF that cannot take this signature:
 * not a PDF, encrypted, no such field (unless it is to be added), not a signature field,
 * already signed. Cheap: nothing is written.
 */
export async function checkSignable(pdf: Uint8Array, field: string, newField?: NewSignatureField): Promise<void> {
  const doc = await loadPdf(pdf);
  if (doc.isEncrypted) throw new EncryptedPdfError();
  readLastXref(pdf);
  signableField(doc, field, newField);
}

/** /M and other PDF dates: D:YYYYMMDDHHmmSS+00'00' (UTC). */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

const serialize = (o: PDFObject): Buffer => {
  const b = new Uint8Array(o.sizeInBytes());
  o.copyBytesInto(b, 0);
  return Buffer.from(b);
};
const digestOf = (o: PDFObject): string => createHash('sha256').update(serialize(o)).digest('base64');

/** A text string for the signature dictionary: UTF-16BE hex, safe for any character and any parenthesis. */
const text = (s: string): string => PDFHexString.fromText(s).toString();

const BYTE_RANGE_PLACEHOLDER = `/ByteRange [0 ${'9'.repeat(10)} ${'9'.repeat(10)} ${'9'.repeat(10)}]`;

interface UpdateObject {
  ref: PDFRef;
  body: Buffer;
}

/**
 * The bytes of the update: objects, cross-reference section (a table or a stream, like the
 * previous one), trailer, startxref. Returns the offsets of the objects written.
 */
function writeUpdate(original: Uint8Array, objects: UpdateObject[], prev: LastXref, trailer: Record<string, PDFObject | undefined>): { bytes: Buffer; offsets: Map<number, number> } {
  const chunks: Buffer[] = [Buffer.from(original)];
  let length = original.length;
  const push = (b: Buffer) => {
    chunks.push(b);
    length += b.length;
  };
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n'));

  const offsets = new Map<number, number>();
  const sorted = [...objects].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  for (const o of sorted) {
    offsets.set(o.ref.objectNumber, length);
    push(Buffer.from(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`, 'latin1'));
    push(o.body);
    push(Buffer.from('\nendobj\n', 'latin1'));
  }
  const gens = new Map(sorted.map((o) => [o.ref.objectNumber, o.ref.generationNumber]));
  const highest = sorted.reduce((m, o) => Math.max(m, o.ref.objectNumber), 0);
  const trailerEntries = Object.entries(trailer)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `/${k} ${v!.toString()}`)
    .join(' ');

  /** Consecutive object numbers grouped: [[first, count], ...]. */
  const runs = (nums: number[]): [number, number][] => {
    const out: [number, number][] = [];
    for (const n of nums) {
      const r = out[out.length - 1];
      if (r && r[0] + r[1] === n) r[1]++;
      else out.push([n, 1]);
    }
    return out;
  };

  if (prev.kind === 'table') {
    const size = Math.max(prev.size, highest + 1);
    const xrefOffset = length;
    let table = 'xref\n0 1\n0000000000 65535 f\r\n';
    for (const [first, count] of runs(sorted.map((o) => o.ref.objectNumber))) {
      table += `${first} ${count}\n`;
      for (let n = first; n < first + count; n++) table += `${String(offsets.get(n)).padStart(10, '0')} ${String(gens.get(n)).padStart(5, '0')} n\r\n`;
    }
    table += `trailer\n<< /Size ${size} ${trailerEntries} /Prev ${prev.offset} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
    push(Buffer.from(table, 'latin1'));
  } else {
    // A cross-reference stream names itself too: it takes the next free number.
    const xrefNum = Math.max(prev.size, highest + 1);
    const xrefOffset = length;
    offsets.set(xrefNum, xrefOffset);
    gens.set(xrefNum, 0);
    const nums = [...sorted.map((o) => o.ref.objectNumber), xrefNum];
    const offsetWidth = xrefOffset > 0xffffffff ? 8 : 4;
    const data = Buffer.alloc(nums.length * (1 + offsetWidth + 2));
    nums.forEach((n, i) => {
      const at = i * (1 + offsetWidth + 2);
      data[at] = 1;
      if (offsetWidth === 4) data.writeUInt32BE(offsets.get(n)!, at + 1);
      else data.writeBigUInt64BE(BigInt(offsets.get(n)!), at + 1);
      data.writeUInt16BE(gens.get(n)!, at + 1 + offsetWidth);
    });
    const index = runs(nums)
      .map(([f, c]) => `${f} ${c}`)
      .join(' ');
    push(
      Buffer.from(
        `${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /W [1 ${offsetWidth} 2] /Index [${index}] ${trailerEntries} /Prev ${prev.offset} /Length ${data.length} >>\nstream\n`,
        'latin1',
      ),
    );
    push(data);
    push(Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  }
  return { bytes: Buffer.concat(chunks, length), offsets };
}

export interface SignedPdf {
  pdf: Buffer;
  field: string;
  signer: string;
  signingTime: Date;
}

/** Signs `options.field` of `pdf` and returns the new file (the input buffer is not changed). */
export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<SignedPdf> {
  const digest = options.digest ?? 'sha256';
  const signingTime = options.signingTime ?? new Date();
  const doc = await loadPdf(pdf);
  if (doc.isEncrypted) throw new EncryptedPdfError();
  const prev = readLastXref(pdf);
  const context = doc.context;

  // New objects are numbered from the trailer's /Size: pdf-lib's own counter ignores the
  // numbers of object streams and cross-reference streams, and reusing one would replace
  // it for every reader (docs/signing.md, "Object numbers").
  context.largestObjectNumber = Math.max(context.largestObjectNumber, prev.size - 1);
  const before = new Map(context.enumerateIndirectObjects().map(([ref, obj]) => [ref.tag, digestOf(obj)]));

  const field = signableField(doc, options.field, options.newField);
  const sigRef = context.nextRef();
  const name = displayName(options.signer.certificate);

  for (const widget of field.widgets) {
    const rect = widgetRect(widget);
    if (rect && rect[2] - rect[0] > 1 && rect[3] - rect[1] > 1) {
      const ap = await signatureAppearance(doc, rect[2] - rect[0], rect[3] - rect[1], {
        name,
        when: formatSigningTime(signingTime, options.timeZone),
        reason: options.reason,
        location: options.location,
      });
      widget.dict.set(N('AP'), context.obj({ N: ap }));
    }
    const flags = widget.dict.lookupMaybe(N('F'), PDFNumber)?.asNumber() ?? 0;
    if (!(flags & 4)) widget.dict.set(N('F'), PDFNumber.of(flags | 4)); // printed with the minutes
  }
  field.dict.set(N('V'), sigRef);
  const form = acroForm(doc);
  if (form) {
    const sigFlags = form.lookupMaybe(N('SigFlags'), PDFNumber)?.asNumber() ?? 0;
    if ((sigFlags & 3) !== 3) form.set(N('SigFlags'), PDFNumber.of(sigFlags | 3)); // SignaturesExist | AppendOnly
  }

  const objects: UpdateObject[] = context
    .enumerateIndirectObjects()
    .filter(([ref, obj]) => before.get(ref.tag) !== digestOf(obj))
    .map(([ref, obj]) => ({ ref, body: serialize(obj) }));

  const contentsBytes = Math.max(options.contentsBytes ?? 8192, [options.signer.certificate, ...options.signer.chain].reduce((n, c) => n + c.length, 0) + 4096);
  const sigDict =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_PLACEHOLDER}\n` +
    `/Contents <${'0'.repeat(contentsBytes * 2)}>\n` +
    `/M (${pdfDate(signingTime)}) /Name ${text(name)}` +
    (options.reason ? ` /Reason ${text(options.reason)}` : '') +
    (options.location ? ` /Location ${text(options.location)}` : '') +
    ' >>';
  objects.push({ ref: sigRef, body: Buffer.from(sigDict, 'latin1') });

  const trailer = { Root: context.trailerInfo.Root, Info: context.trailerInfo.Info, ID: context.trailerInfo.ID };
  const { bytes, offsets } = writeUpdate(pdf, objects, prev, trailer as Record<string, PDFObject | undefined>);

  // Fill the ByteRange, hash everything but the /Contents hex, sign, put the CMS in.
  const sigStart = offsets.get(sigRef.objectNumber)!;
  const brAt = bytes.indexOf('/ByteRange [', sigStart, 'latin1');
  const contentsAt = bytes.indexOf('/Contents <', sigStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + contentsBytes * 2 + 2;
  const range = [0, contentsAt, contentsEnd, bytes.length - contentsEnd];
  const filled = `/ByteRange [${range.join(' ')}`.padEnd(BYTE_RANGE_PLACEHOLDER.length - 1, ' ') + ']';
  bytes.write(filled, brAt, 'latin1');

  const hash = createHash(digest).update(bytes.subarray(0, contentsAt)).update(bytes.subarray(contentsEnd)).digest();
  const cms = await buildSignedData(hash, options.signer, digest);
  if (cms.length > contentsBytes) throw new SignatureTooLargeError(cms.length, contentsBytes);
  bytes.write(cms.toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  return { pdf: bytes, field: field.name, signer: name, signingTime };
}

