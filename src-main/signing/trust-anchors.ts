/**
 * Trust anchors for verifying eID signatures offline: the Belgian root CAs shipped in
 * assets/belgium-eid-certs (sources and fingerprints in its SOURCES.md; they are in no
 * OS or browser store), plus roots the user adds (`--trust CERT.pem`).
 *
 * The shipped self-signed certificates are anchors; the shipped Citizen/Foreigner CAs are
 * only intermediates that help build a chain when a signature does not embed its CA.
 */
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetDir } from './assets.js';

export class TrustFileError extends Error {
  override name = 'TrustFileError';
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

/** Every certificate of a PEM text (a file may hold a bundle); a DER file holds one. */
export function readCertificates(bytes: Buffer, source: string): X509Certificate[] {
  const text = bytes.toString('latin1');
  const blocks = [...text.matchAll(PEM_BLOCK)];
  try {
    if (blocks.length === 0) return [new X509Certificate(bytes)];
    return blocks.map((m) => new X509Certificate(Buffer.from((m[1] ?? '').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')));
  } catch {
    throw new TrustFileError(`${source} does not hold a readable X.509 certificate (PEM or DER).`);
  }
}

export const isSelfSigned = (c: X509Certificate): boolean => {
  try {
    return c.checkIssued(c) && c.verify(c.publicKey);
  } catch {
    return false;
  }
};

export interface TrustStore {
  anchors: X509Certificate[];
  /** Known CA certificates that are not anchors: used to fill gaps in a chain. */
  intermediates: X509Certificate[];
}

export function shippedCertsDir(): string {
  return assetDir('belgium-eid-certs', 'belgium-root-ca6.pem');
}

let shipped: TrustStore | null = null;

/** The Belgian roots and CAs shipped with the app (read once). */
export function shippedTrustStore(): TrustStore {
  if (!shipped) {
    const dir = shippedCertsDir();
    const certs = readdirSync(dir)
      .filter((f) => f.endsWith('.pem'))
      .sort()
      .flatMap((f) => readCertificates(readFileSync(join(dir, f)), f));
    shipped = { anchors: certs.filter(isSelfSigned), intermediates: certs.filter((c) => !isSelfSigned(c)) };
  }
  return shipped;
}

/**
 * The store used to verify: the shipped Belgian roots (unless `shipped: false`) and every
 * certificate of the `extra` files as anchors (the user said to trust them).
 */
export function loadTrustStore(options: { shipped?: boolean; extraFiles?: string[] } = {}): TrustStore {
  const base = options.shipped === false ? { anchors: [], intermediates: [] } : shippedTrustStore();
  const extra = (options.extraFiles ?? []).flatMap((f) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(f);
    } catch (e) {
      throw new TrustFileError(`Cannot read the trusted certificate ${f}: ${(e as Error).message}`);
    }
    return readCertificates(bytes, f);
  });
  return { anchors: [...base.anchors, ...extra], intermediates: base.intermediates };
}
