/**
 * CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1, CAdES EN 319 122-1), detached:
 * the PDF's ByteRange is the content and is not embedded.
 *
 *   SignerInfo.signedAttrs = content-type (id-data), message-digest, signing-certificate-v2
 *   (ESS, RFC 5035: SHA-256 of the signer certificate + issuer/serial). No signing-time: PAdES
 *   puts the claimed time in the signature dictionary's /M.
 *
 * node-forge's pkcs7 signs only with RSA keys it holds, so the SignerInfo is built here with
 * forge's ASN.1 for RSA and EC alike, and the signature itself comes from a `CmsSigner`
 * (the eID card through PKCS#11, or a software key in tests). See ADR 0010.
 */
import { createHash, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { children, DerError, expectTag, isConstructed, oidOf, readTlv, tlvBytes, tlvContent, type Tlv } from './der.js';
import { certificateParts, keyAlgorithmOf, type KeyAlgorithm } from './x509.js';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export type DigestName = 'sha256' | 'sha384';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

const DIGEST_BY_OID: Record<string, string> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };
const SIGNATURE_ALGORITHMS: Record<string, { name: string; key: KeyAlgorithm; digest?: string }> = {
  [OID.rsaEncryption]: { name: 'rsaEncryption', key: 'rsa' },
  [OID.sha256WithRSA]: { name: 'sha256WithRSAEncryption', key: 'rsa', digest: 'sha256' },
  [OID.sha384WithRSA]: { name: 'sha384WithRSAEncryption', key: 'rsa', digest: 'sha384' },
  [OID.sha512WithRSA]: { name: 'sha512WithRSAEncryption', key: 'rsa', digest: 'sha512' },
  [OID.ecdsaWithSha256]: { name: 'ecdsa-with-SHA256', key: 'ec', digest: 'sha256' },
  [OID.ecdsaWithSha384]: { name: 'ecdsa-with-SHA384', key: 'ec', digest: 'sha384' },
  [OID.ecdsaWithSha512]: { name: 'ecdsa-with-SHA512', key: 'ec', digest: 'sha512' },
};

/** What signs: the card's `Signature` key, or a software key in tests. */
export interface CmsSigner {
  /** The signer certificate (DER). */
  readonly certificate: Buffer;
  /** Its CA certificates to embed (DER), nearest first: on an eID card, the "CA" certificate. */
  readonly chain: Buffer[];
  /**
   * Signs `data` (the DER of the signed attributes) hashed with `digest`. Returns a PKCS#1 v1.5
   * signature for RSA, a DER ECDSA-Sig-Value for EC.
   */
  sign(data: Buffer, digest: DigestName): Promise<Buffer>;
}

// ------------------------------------------------------------------------- building

const bin = (b: Buffer): string => b.toString('binary');
const buf = (s: string): Buffer => Buffer.from(s, 'binary');
const der = (node: Asn1): Buffer => buf(asn1.toDer(node).getBytes());

const seq = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (o: string): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
const int = (n: number): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const octets = (b: Buffer): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bin(b));
const nul = (): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const explicit = (tag: number, items: Asn1[]): Asn1 => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);

/** Existing DER (a certificate, a Name) as a forge node, checked to re-encode to the same bytes. */
function rawNode(bytes: Buffer): Asn1 {
  const fromDer = asn1.fromDer as unknown as (b: string, o: { strict: boolean; decodeBitStrings: boolean }) => Asn1;
  const node = fromDer(bin(bytes), { strict: true, decodeBitStrings: false });
  if (!der(node).equals(bytes)) throw new DerError('a certificate is not in canonical DER and cannot be embedded unchanged');
  return node;
}

/** DER orders the members of a SET OF by their encodings (X.690 11.6); verifiers re-encode to check. */
function sortedSetOf(items: Asn1[]): Asn1 {
  const encoded = items.map((node) => ({ node, bytes: der(node) }));
  encoded.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  return set(encoded.map((e) => e.node));
}

/** SHA-2 AlgorithmIdentifier: parameters absent (RFC 5754 §2). */
const digestAlgorithm = (d: DigestName): Asn1 => seq([oid(OID[d])]);

function signatureAlgorithm(key: KeyAlgorithm, d: DigestName): Asn1 {
  if (key === 'rsa') return seq([oid(d === 'sha256' ? OID.sha256WithRSA : OID.sha384WithRSA), nul()]); // NULL parameters (RFC 4055)
  return seq([oid(d === 'sha256' ? OID.ecdsaWithSha256 : OID.ecdsaWithSha384)]); // no parameters (RFC 5758)
}

const attribute = (type: string, value: Asn1): Asn1 => seq([oid(type), set([value])]);

/** ESS signing-certificate-v2 (RFC 5035): hashAlgorithm left out, as DER requires for its default SHA-256. */
function signingCertificateV2(certDer: Buffer): Asn1 {
  const { issuerDer, serialDer } = certificateParts(certDer);
  const certHash = createHash('sha256').update(certDer).digest();
  const issuerSerial = seq([seq([explicit(4, [rawNode(issuerDer)])]), rawNode(serialDer)]); // GeneralNames { directoryName }
  return seq([seq([seq([octets(certHash), issuerSerial])])]);
}

/** The signed attributes as a DER SET: what the key signs. The SignerInfo carries the same content tagged [0]. */
export function signedAttributes(contentDigest: Buffer, certDer: Buffer): Buffer {
  return der(
    sortedSetOf([
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.messageDigest, octets(contentDigest)),
      attribute(OID.signingCertificateV2, signingCertificateV2(certDer)),
    ]),
  );
}

/**
 * Builds the detached CMS SignedData (DER) for content whose `digest` hash is
 * `contentDigest`; the signer signs the signed attributes.
 */
export async function buildSignedData(contentDigest: Buffer, signer: CmsSigner, digest: DigestName = 'sha256'): Promise<Buffer> {
  const cert = new X509Certificate(signer.certificate);
  const key = keyAlgorithmOf(cert);
  const attrs = signedAttributes(contentDigest, signer.certificate);
  const signature = await signer.sign(attrs, digest);

  const { issuerDer, serialDer } = certificateParts(signer.certificate);
  const signedAttrsNode = rawNode(attrs);
  signedAttrsNode.tagClass = asn1.Class.CONTEXT_SPECIFIC; // [0] IMPLICIT SET OF Attribute
  signedAttrsNode.type = 0 as forge.asn1.Type;

  const signerInfo = seq([
    int(1), // version 1: sid is issuerAndSerialNumber
    seq([rawNode(issuerDer), rawNode(serialDer)]),
    digestAlgorithm(digest),
    signedAttrsNode,
    signatureAlgorithm(key, digest),
    octets(signature),
  ]);
  const certificates = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signer.certificate, ...signer.chain].map(rawNode));
  const signedData = seq([int(1), set([digestAlgorithm(digest)]), seq([oid(OID.data)]), certificates, set([signerInfo])]);
  return der(seq([oid(OID.signedData), explicit(0, [signedData])]));
}

// ------------------------------------------------------------------------- reading and checking

export interface ParsedSignerInfo {
  certificates: Buffer[];
  signerCertificate: Buffer | null;
  /** 'sha256', 'sha384', ... or the OID when unknown. */
  digest: string;
  signatureAlgorithm: string;
  signatureAlgorithmOid: string;
  /** The signed attributes re-tagged as SET: the bytes the signature covers. null when there are none. */
  signedAttributes: Buffer | null;
  attributes: Map<string, Tlv[]>;
  signature: Buffer;
}

/** Reads a CMS ContentInfo/SignedData with one SignerInfo. `bytes` may carry trailing zero padding (a PDF /Contents). */
export function parseSignedData(bytes: Buffer): ParsedSignerInfo {
  const contentInfo = expectTag(readTlv(bytes), 0x30, 'ContentInfo');
  const source = bytes.subarray(0, contentInfo.end);
  const [type, wrapped] = children(readTlv(source));
  if (!type || oidOf(type) !== OID.signedData) throw new DerError('not a CMS SignedData');
  const [signedData] = children(expectTag(wrapped, 0xa0, 'SignedData wrapper'));
  const parts = children(expectTag(signedData, 0x30, 'SignedData'));
  const certificates = parts.filter((p) => p.tag === 0xa0).flatMap((p) => children(p).filter((c) => c.tag === 0x30).map(tlvBytes));
  const signerInfos = parts[parts.length - 1];
  const infos = children(expectTag(signerInfos, 0x31, 'signerInfos'));
  if (infos.length !== 1) throw new DerError(`expected one SignerInfo, found ${infos.length}`);
  const si = children(expectTag(infos[0], 0x30, 'SignerInfo'));
  let i = 1;
  const sid = si[i++];
  const digestOid = oidOf(children(expectTag(si[i++], 0x30, 'digestAlgorithm'))[0]);
  let signedAttributes: Buffer | null = null;
  const attributes = new Map<string, Tlv[]>();
  if (si[i]?.tag === 0xa0) {
    const attrs = si[i++]!;
    const copy = Buffer.from(tlvBytes(attrs));
    copy[0] = 0x31; // RFC 5652 §5.4: the signature covers the EXPLICIT SET OF encoding
    signedAttributes = copy;
    for (const a of children(attrs)) {
      const [aType, values] = children(a);
      if (aType && values && isConstructed(values)) attributes.set(oidOf(aType), children(values));
    }
  }
  const sigAlgOid = oidOf(children(expectTag(si[i++], 0x30, 'signatureAlgorithm'))[0]);
  const signature = tlvContent(expectTag(si[i++], 0x04, 'signature'));

  let signerCertificate: Buffer | null = null;
  if (sid?.tag === 0x30) {
    const [issuer, serial] = children(sid);
    signerCertificate =
      certificates.find((c) => {
        const p = certificateParts(c);
        return issuer && serial && p.issuerDer.equals(tlvBytes(issuer)) && p.serialDer.equals(tlvBytes(serial));
      }) ?? null;
  }
  return {
    certificates,
    signerCertificate,
    digest: DIGEST_BY_OID[digestOid] ?? digestOid,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[sigAlgOid]?.name ?? sigAlgOid,
    signatureAlgorithmOid: sigAlgOid,
    signedAttributes,
    attributes,
    signature,
  };
}

export interface CmsCheck {
  valid: boolean;
  /** Why not, for people. */
  reason?: string;
  /** e.g. 'sha256WithRSAEncryption', 'ecdsa-with-SHA384'. */
  algorithm: string;
}

/** The name of a signature made with `rsaEncryption` + a digest, as the combined algorithm. */
function algorithmName(p: ParsedSignerInfo): string {
  if (p.signatureAlgorithmOid === OID.rsaEncryption && ['sha256', 'sha384', 'sha512'].includes(p.digest)) return `${p.digest}WithRSAEncryption`;
  return p.signatureAlgorithm;
}

/**
 * Checks a detached SignedData over `content`: the message digest, the signature over the
 * signed attributes with the signer certificate's public key (RSA or EC), and the ESS
 * signing-certificate(-v2) reference to that certificate.
 */
export function checkSignedData(p: ParsedSignerInfo, content: Buffer[]): CmsCheck {
  const algorithm = algorithmName(p);
  const fail = (reason: string): CmsCheck => ({ valid: false, reason, algorithm });
  if (!p.signerCertificate) return fail('the signer certificate is not in the signature');
  if (!Object.values(DIGEST_BY_OID).includes(p.digest)) return fail(`unsupported digest algorithm ${p.digest}`);
  const alg = SIGNATURE_ALGORITHMS[p.signatureAlgorithmOid];
  if (!alg) return fail(`unsupported signature algorithm ${p.signatureAlgorithmOid}`);
  let publicKey: KeyObject;
  try {
    const cert = new X509Certificate(p.signerCertificate);
    if (keyAlgorithmOf(cert) !== alg.key) return fail('the signature algorithm does not match the certificate key');
    publicKey = cert.publicKey;
  } catch (e) {
    return fail(`unreadable signer certificate (${(e as Error).message})`);
  }

  const hash = createHash(p.digest);
  for (const part of content) hash.update(part);
  const contentDigest = hash.digest();

  if (!p.signedAttributes) {
    // No signed attributes (old adbe.pkcs7.detached signers): the signature is over the content itself.
    const ok = cryptoVerify(alg.digest ?? p.digest, Buffer.concat(content), { key: publicKey, dsaEncoding: 'der' }, p.signature);
    return ok ? { valid: true, algorithm } : fail('the signature does not match the signed bytes');
  }

  const md = p.attributes.get(OID.messageDigest)?.[0];
  if (!md || md.tag !== 0x04) return fail('the message-digest attribute is missing');
  if (!tlvContent(md).equals(contentDigest)) return fail('the document bytes changed after signing (digest mismatch)');
  const ct = p.attributes.get(OID.contentType)?.[0];
  if (!ct || oidOf(ct) !== OID.data) return fail('the content-type attribute is missing or not id-data');

  const essProblem = checkEssReference(p);
  if (essProblem) return fail(essProblem);

  let ok: boolean;
  try {
    ok = cryptoVerify(alg.digest ?? p.digest, p.signedAttributes, { key: publicKey, dsaEncoding: 'der' }, p.signature);
  } catch {
    ok = false;
  }
  return ok ? { valid: true, algorithm } : fail('the signature value does not verify with the signer certificate');
}

/** signing-certificate-v2 (or v1) must name the certificate that verifies: it stops certificate substitution. */
function checkEssReference(p: ParsedSignerInfo): string | null {
  const cert = p.signerCertificate!;
  const v2 = p.attributes.get(OID.signingCertificateV2)?.[0];
  const v1 = p.attributes.get(OID.signingCertificate)?.[0];
  const attr = v2 ?? v1;
  if (!attr) return null;
  try {
    const [certs] = children(attr);
    const [first] = children(expectTag(certs, 0x30, 'certs'));
    const fields = children(expectTag(first, 0x30, 'ESSCertID'));
    let hashName = v2 ? 'sha256' : 'sha1';
    let k = 0;
    if (v2 && fields[0]?.tag === 0x30) {
      const algOid = oidOf(children(fields[0])[0]);
      hashName = DIGEST_BY_OID[algOid] ?? algOid;
      k = 1;
    }
    const expected = tlvContent(expectTag(fields[k], 0x04, 'certHash'));
    if (!createHash(hashName).update(cert).digest().equals(expected)) return 'the signing-certificate attribute names another certificate';
    return null;
  } catch (e) {
    return `unreadable signing-certificate attribute (${(e as Error).message})`;
  }
}
