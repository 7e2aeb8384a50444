/**
 * The CMS SignedData of a PAdES B-B signature, with software keys (RSA 2048, EC P-384):
 * what it contains, that it verifies, and the tampering it must catch.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedData, checkSignedData, OID, parseSignedData, type CmsSigner, type DigestName } from './cms.js';
import { children, oidOf, readTlv, tlvBytes } from './der.js';

let dir: string;
const made: Record<'rsa' | 'ec', { cert: Buffer; key: KeyObject }> = {} as never;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'koprogo-cms-'));
  const o = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  o(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa.key', '-out', 'rsa.der', '-outform', 'DER', '-days', '2', '-subj', '/CN=Jean Dupont (Signature)']);
  o(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', 'ec.key', '-out', 'ec.der', '-outform', 'DER', '-days', '2', '-subj', '/CN=Marie Martin (Signature)']);
  for (const k of ['rsa', 'ec'] as const) made[k] = { cert: readFileSync(join(dir, `${k}.der`)), key: createPrivateKey(readFileSync(join(dir, `${k}.key`))) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const softwareSigner = (k: 'rsa' | 'ec'): CmsSigner => ({
  certificate: made[k].cert,
  chain: [],
  sign: async (data: Buffer, digest: DigestName) => cryptoSign(digest, data, { key: made[k].key, dsaEncoding: 'der' }),
});

const content = [Buffer.from('%PDF-1.7 the minutes, part one'), Buffer.from('part two, after the /Contents hole')];
const digestOf = (d: DigestName, parts = content) => parts.reduce((h, p) => h.update(p), createHash(d)).digest();

describe('CMS SignedData for PAdES B-B', () => {
  it.each([
    ['rsa', 'sha256', 'sha256WithRSAEncryption'],
    ['ec', 'sha256', 'ecdsa-with-SHA256'],
    ['ec', 'sha384', 'ecdsa-with-SHA384'],
  ] as const)('%s with %s verifies as %s', async (k, digest, algorithm) => {
    const cms = await buildSignedData(digestOf(digest), softwareSigner(k), digest);
    const parsed = parseSignedData(Buffer.concat([cms, Buffer.alloc(300)])); // /Contents is zero-padded
    expect(parsed.signerCertificate?.equals(made[k].cert)).toBe(true);
    expect(checkSignedData(parsed, content)).toEqual({ valid: true, algorithm });
  });

  it('signs content-type, message-digest and signing-certificate-v2 only — no signing-time — in DER order', async () => {
    const parsed = parseSignedData(await buildSignedData(digestOf('sha256'), softwareSigner('rsa')));
    expect([...parsed.attributes.keys()].sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(parsed.attributes.has(OID.signingTime)).toBe(false);
    expect(oidOf(parsed.attributes.get(OID.contentType)?.[0])).toBe(OID.data);
    // DER: the SET OF attributes is sorted by encoding, as OpenSSL re-encodes it to verify.
    const seqs = children(readTlv(parsed.signedAttributes!)).map(tlvBytes);
    expect(seqs).toHaveLength(3);
    expect([...seqs].sort(Buffer.compare)).toEqual(seqs);
  });

  it('catches changed content, a changed signature, and a substituted certificate', async () => {
    const cms = await buildSignedData(digestOf('sha256'), softwareSigner('ec'));
    const changed = [content[0]!, Buffer.from('part two, after the /Contents hole!')];
    expect(checkSignedData(parseSignedData(cms), changed)).toMatchObject({ valid: false, reason: expect.stringContaining('changed after signing') });

    const badSig = Buffer.from(cms);
    badSig[badSig.length - 5] = (badSig[badSig.length - 5] ?? 0) ^ 0x01;
    expect(checkSignedData(parseSignedData(badSig), content).valid).toBe(false);

    // Another certificate in place of the signer's: the ESS reference no longer matches.
    const parsed = parseSignedData(cms);
    parsed.signerCertificate = made.rsa.cert;
    expect(checkSignedData(parsed, content)).toMatchObject({ valid: false });
  });
});
