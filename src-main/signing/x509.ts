/**
 * X.509 certificates of eID cards: names, keys, and the chain to a trust anchor.
 *
 * Node's X509Certificate (OpenSSL) checks signatures for RSA and EC alike; node-forge cannot
 * read EC certificates (ADR 0010), so it is not used here. Names are read from the DER
 * directly, not from OpenSSL's printed form, whose escaping varies.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import { children, expectTag, oidOf, readTlv, tlvBytes, tlvContent, type Tlv } from './der.js';

const OID_NAME: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'GN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

export interface NameAttribute {
  type: string;
  value: string;
}

function decodeString(t: Tlv): string {
  const b = tlvContent(t);
  switch (t.tag) {
    case 0x1e: {
      // BMPString: UTF-16 big-endian
      const le = Buffer.from(b);
      le.swap16();
      return le.toString('utf16le');
    }
    case 0x14: // T61String: in practice Latin-1
      return b.toString('latin1');
    default: // UTF8String, PrintableString, IA5String, ...
      return b.toString('utf8');
  }
}

/** A Name (SEQUENCE OF SET OF AttributeTypeAndValue) as a flat list, in order. */
export function readName(name: Tlv): NameAttribute[] {
  const out: NameAttribute[] = [];
  for (const rdn of children(expectTag(name, 0x30, 'Name'))) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (!type || !value) continue;
      const oid = oidOf(type);
      out.push({ type: OID_NAME[oid] ?? oid, value: decodeString(value) });
    }
  }
  return out;
}

export interface CertificateParts {
  /** The exact DER of the issuer Name and of the serialNumber INTEGER, as CMS IssuerAndSerialNumber needs them. */
  issuerDer: Buffer;
  serialDer: Buffer;
  issuer: NameAttribute[];
  subject: NameAttribute[];
}

export function certificateParts(der: Buffer): CertificateParts {
  const cert = readTlv(der);
  const [tbs] = children(expectTag(cert, 0x30, 'Certificate'));
  const fields = children(expectTag(tbs, 0x30, 'TBSCertificate'));
  let i = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version
  const serial = expectTag(fields[i++], 0x02, 'serialNumber');
  i++; // signature AlgorithmIdentifier
  const issuer = expectTag(fields[i++], 0x30, 'issuer');
  i++; // validity
  const subject = expectTag(fields[i++], 0x30, 'subject');
  return { issuerDer: tlvBytes(issuer), serialDer: tlvBytes(serial), issuer: readName(issuer), subject: readName(subject) };
}

export const nameValue = (name: NameAttribute[], type: string): string | undefined => name.find((a) => a.type === type)?.value;

/** The person's name as shown in a signature: "GN SN" from the certificate, else its CN without "(Signature)". */
export function displayName(der: Buffer): string {
  const { subject } = certificateParts(der);
  const gn = nameValue(subject, 'GN');
  const sn = nameValue(subject, 'SN');
  if (gn && sn) return `${gn} ${sn}`;
  const cn = nameValue(subject, 'CN') ?? 'unknown signer';
  return cn.replace(/\s*\((Signature|Handtekening|Signatur)\)\s*$/i, '');
}

export function commonName(der: Buffer): string | undefined {
  return nameValue(certificateParts(der).subject, 'CN');
}

export type KeyAlgorithm = 'rsa' | 'ec';

export function keyAlgorithmOf(cert: X509Certificate): KeyAlgorithm {
  const type = cert.publicKey.asymmetricKeyType;
  if (type === 'rsa') return 'rsa';
  if (type === 'ec') return 'ec';
  throw new Error(`Unsupported key type ${type ?? 'unknown'} in the signer certificate`);
}

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/** "RSA 2048" or "EC P-384". */
export function keyDescription(cert: X509Certificate): string {
  const d = cert.publicKey.asymmetricKeyDetails ?? {};
  if (cert.publicKey.asymmetricKeyType === 'rsa') return `RSA ${d.modulusLength ?? '?'}`;
  if (cert.publicKey.asymmetricKeyType === 'ec') return `EC ${CURVES[d.namedCurve ?? ''] ?? d.namedCurve ?? '?'}`;
  return cert.publicKey.asymmetricKeyType ?? 'unknown';
}

export const sha256Hex = (der: Buffer): string => createHash('sha256').update(der).digest('hex');

export interface ChainResult {
  trusted: boolean;
  /** Subjects' CNs from the signer up to the anchor (or as far as it went). */
  path: string[];
  reason?: string;
}

const cnOf = (c: X509Certificate): string => commonName(Buffer.from(c.raw)) ?? c.subject;

function validAt(c: X509Certificate, at: Date): boolean {
  return new Date(c.validFrom) <= at && at <= new Date(c.validTo);
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Builds the chain signer → intermediates → a trust anchor, checking each signature, that
 * issuers are CAs, and that every certificate below the anchor was valid at `at` (the
 * claimed signing time: with B-B there is no trusted time, see docs/signing.md).
 */
export function verifyChain(signer: X509Certificate, intermediates: X509Certificate[], anchors: X509Certificate[], at: Date): ChainResult {
  const path: X509Certificate[] = [signer];
  const names = () => path.map(cnOf);
  let current = signer;
  for (let depth = 0; depth < 8; depth++) {
    if (!validAt(current, at)) return { trusted: false, path: names(), reason: `"${cnOf(current)}" was not valid at the signing time` };
    if (anchors.some((a) => a.fingerprint256 === current.fingerprint256)) return { trusted: true, path: names() };
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor) {
      path.push(anchor);
      return { trusted: true, path: names() };
    }
    const next = intermediates.find((c) => c.ca && !path.some((p) => p.fingerprint256 === c.fingerprint256) && issuedBy(current, c));
    if (!next) return { trusted: false, path: names(), reason: `no trusted issuer found for "${cnOf(current)}"` };
    path.push(next);
    current = next;
  }
  return { trusted: false, path: names(), reason: 'certificate chain too long' };
}
