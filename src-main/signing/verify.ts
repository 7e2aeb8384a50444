/**
 * Verifies every signature of a PDF offline (docs/signing.md, "Verifying"):
 *
 * - integrity: the ByteRange covers the file except the /Contents hole, its hash matches the
 *   CMS message-digest, and the CMS signature over the signed attributes verifies with the
 *   signer certificate's key (RSA or EC), which signing-certificate-v2 must name;
 * - coverage: the ByteRange ends exactly where a revision ends, and what came after it is
 *   further signatures only, or other changes;
 * - chain: the signer certificate chains, through the CAs in the signature (or shipped), to
 *   a trust anchor — the shipped Belgian roots and/or the caller's.
 *
 * Not checked offline: revocation (OCSP/CRL) and the EU trusted list ("qualified").
 */
import { X509Certificate } from 'node:crypto';
import { PDFArray, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDict } from 'pdf-lib';
import { checkSignedData, parseSignedData } from './cms.js';
import { listFields, N, textOf } from './fields.js';
import { loadPdf } from './pades.js';
import { revisionEnds } from './pdf-file.js';
import type { TrustStore } from './trust-anchors.js';
import { certificateParts, commonName, displayName, keyDescription, nameValue, sha256Hex, verifyChain } from './x509.js';

export interface SignatureReport {
  field: string;
  signer: {
    cn: string | null;
    /** "GN SN", as shown in the appearance. The national register number (serialNumber) is left out on purpose. */
    name: string | null;
    issuer: string | null;
    key: string | null;
    certificateSha256: string | null;
    validFrom: string | null;
    validTo: string | null;
  };
  /** /M, the time claimed by the signer (no trusted time-stamp at level B-B), ISO 8601 UTC. */
  signingTime: string | null;
  reason: string | null;
  location: string | null;
  subFilter: string | null;
  integrity: 'valid' | 'invalid' | 'unknown';
  /** Why integrity is not valid. */
  integrityProblem?: string;
  coverage: {
    byteRange: number[];
    /** 1-based revision the signature covers exactly, null when it ends elsewhere. */
    revision: number | null;
    revisions: number;
    wholeFile: boolean;
    /** What was appended after the signed revision. */
    laterChanges: 'none' | 'signatures-only' | 'other';
  };
  chain: 'trusted' | 'untrusted';
  chainPath: string[];
  chainProblem?: string;
  algorithm: string | null;
}

/** PDF date (D:YYYYMMDDHHmmSSOHH'mm') → ISO 8601 UTC; null when unreadable. */
export function parsePdfDate(s: string | undefined): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(s?.trim() ?? '');
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const offsetMin = sign === '+' || sign === '-' ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)) - offsetMin * 60_000;
  return Number.isNaN(utc) ? null : new Date(utc).toISOString().replace('.000Z', 'Z');
}

const nameOf = (o: unknown): string | null => (o instanceof PDFName ? o.decodeText() : null);

function contentsBytes(sig: PDFDict): Buffer | null {
  const c = sig.lookup(N('Contents'));
  if (c instanceof PDFHexString) return Buffer.from(c.asBytes());
  if (c instanceof PDFString) return Buffer.from(c.asBytes());
  return null;
}

function byteRangeOf(sig: PDFDict): number[] | null {
  const br = sig.lookupMaybe(N('ByteRange'), PDFArray);
  if (!br) return null;
  const n = br.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : Number.NaN));
  return n.length % 2 === 0 && n.every((x) => Number.isSafeInteger(x) && x >= 0) ? n : null;
}

/** The ByteRange must be [0 a b rest-of-file-up-to-a-revision] with only the /Contents hex in the hole. */
function byteRangeProblem(bytes: Uint8Array, br: number[]): string | null {
  if (br.length !== 4) return 'the ByteRange does not have two ranges';
  const [a = 0, b = 0, c = 0, d = 0] = br;
  if (a !== 0) return 'the ByteRange does not start at the beginning of the file';
  if (c <= b || c + d > bytes.length) return 'the ByteRange points outside the file';
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) return 'the ByteRange hole is not the /Contents string';
  for (let i = b + 1; i < c - 1; i++) {
    const ch = bytes[i] ?? 0;
    const hex = (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66);
    if (!hex) return 'the unsigned hole holds more than the signature';
  }
  return null;
}

/** Index (0-based) of the revision whose end `end` is (allowing the end-of-line after %%EOF), or -1. */
function revisionIndex(ends: number[], bytes: Uint8Array, end: number): number {
  return ends.findIndex((e) => {
    if (e === end) return true;
    // "%%EOF" + EOL: the signed part may stop before the EOL.
    return end < e && end >= e - 2 && [...bytes.subarray(end, e)].every((x) => x === 0x0a || x === 0x0d);
  });
}

export async function verifyPdf(pdf: Uint8Array, trust: TrustStore, now = new Date()): Promise<SignatureReport[]> {
  const doc = await loadPdf(pdf);
  const ends = revisionEnds(pdf);
  const signed = listFields(doc).filter((f) => f.type === 'Sig' && f.signature);
  const ranges = signed.map((f) => byteRangeOf(f.signature!));
  const coveredRevisions = new Set(ranges.map((br) => (br && br.length === 4 ? revisionIndex(ends, pdf, (br[2] ?? 0) + (br[3] ?? 0)) : -1)));

  return signed.map((field, i): SignatureReport => {
    const sig = field.signature!;
    const br = ranges[i] ?? null;
    const signingTime = parsePdfDate(textOf(sig.lookup(N('M'))));
    const subFilter = nameOf(sig.lookup(N('SubFilter')));
    const report: SignatureReport = {
      field: field.name,
      signer: { cn: null, name: null, issuer: null, key: null, certificateSha256: null, validFrom: null, validTo: null },
      signingTime,
      reason: textOf(sig.lookup(N('Reason'))) ?? null,
      location: textOf(sig.lookup(N('Location'))) ?? null,
      subFilter,
      integrity: 'invalid',
      coverage: { byteRange: br ?? [], revision: null, revisions: ends.length, wholeFile: false, laterChanges: 'other' },
      chain: 'untrusted',
      chainPath: [],
      algorithm: null,
    };

    if (br && br.length === 4) {
      const end = (br[2] ?? 0) + (br[3] ?? 0);
      const rev = revisionIndex(ends, pdf, end);
      report.coverage.revision = rev >= 0 ? rev + 1 : null;
      report.coverage.wholeFile = end === pdf.length || (rev === ends.length - 1 && rev >= 0 && ends[rev] === pdf.length);
      if (rev >= 0) {
        const later = ends.slice(rev + 1).map((_, k) => rev + 1 + k);
        report.coverage.laterChanges = later.length === 0 ? 'none' : later.every((r) => coveredRevisions.has(r)) ? 'signatures-only' : 'other';
      }
    }

    const contents = contentsBytes(sig);
    if (subFilter === 'ETSI.RFC3161') {
      report.integrity = 'unknown';
      report.integrityProblem = 'document time-stamps are not checked yet';
      return report;
    }
    const problem = !br ? 'the signature has no readable ByteRange' : !contents ? 'the signature has no /Contents' : byteRangeProblem(pdf, br);
    if (problem || !br || !contents) {
      report.integrityProblem = problem ?? 'unreadable signature';
      return report;
    }

    let parsed;
    try {
      parsed = parseSignedData(contents);
    } catch (e) {
      report.integrityProblem = `unreadable CMS signature (${(e as Error).message})`;
      return report;
    }
    const content = [Buffer.from(pdf.subarray(br[0], (br[0] ?? 0) + (br[1] ?? 0))), Buffer.from(pdf.subarray(br[2], (br[2] ?? 0) + (br[3] ?? 0)))];
    const check = checkSignedData(parsed, content);
    report.algorithm = check.algorithm;
    report.integrity = check.valid ? 'valid' : 'invalid';
    if (check.reason) report.integrityProblem = check.reason;

    const signerDer = parsed.signerCertificate;
    if (!signerDer) {
      report.chainProblem = 'the signer certificate is not in the signature';
      return report;
    }
    try {
      const cert = new X509Certificate(signerDer);
      const parts = certificateParts(signerDer);
      report.signer = {
        cn: commonName(signerDer) ?? null,
        name: displayName(signerDer),
        issuer: nameValue(parts.issuer, 'CN') ?? null,
        key: keyDescription(cert),
        certificateSha256: sha256Hex(signerDer),
        validFrom: new Date(cert.validFrom).toISOString(),
        validTo: new Date(cert.validTo).toISOString(),
      };
      const embedded = parsed.certificates.filter((c) => !c.equals(signerDer)).map((c) => new X509Certificate(c));
      const chain = verifyChain(cert, [...embedded, ...trust.intermediates], trust.anchors, signingTime ? new Date(signingTime) : now);
      report.chain = chain.trusted ? 'trusted' : 'untrusted';
      report.chainPath = chain.path;
      if (chain.reason) report.chainProblem = chain.reason;
    } catch (e) {
      report.chainProblem = `unreadable certificate (${(e as Error).message})`;
    }
    return report;
  });
}
