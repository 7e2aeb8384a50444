import { describe, expect, it } from 'vitest';
import { shippedTrustStore } from './trust-anchors.js';
import { commonName } from './x509.js';

describe('shipped Belgian trust anchors', () => {
  it('loads the roots as anchors and the Citizen/Foreigner CAs as intermediates', () => {
    const { anchors, intermediates } = shippedTrustStore();
    const anchorNames = anchors.map((c) => commonName(Buffer.from(c.raw)));
    expect(anchorNames.filter((n) => n?.startsWith('Belgium Root CA'))).toHaveLength(anchors.length);
    expect(new Set(anchorNames)).toEqual(new Set(['Belgium Root CA2', 'Belgium Root CA3', 'Belgium Root CA4', 'Belgium Root CA6']));
    expect(anchors).toHaveLength(6);
    // RCA6 (EC P-384), with the fingerprint SOURCES.md lists
    expect(anchors.map((c) => c.fingerprint256)).toContain('9C:87:2B:C9:79:A7:C0:9A:58:D4:A2:74:C1:99:E5:CB:16:CF:A9:B9:61:8D:98:BC:9A:99:88:E9:84:B8:49:5C');
    expect(intermediates.map((c) => commonName(Buffer.from(c.raw))).sort()).toEqual(['Citizen CA', 'Citizen CA', 'Citizen CA', 'Citizen CA', 'Foreigner CA', 'Timestamp CA']);
  });

  it('each shipped intermediate verifies against a shipped root', () => {
    const { anchors, intermediates } = shippedTrustStore();
    for (const ca of intermediates) expect(anchors.some((r) => ca.checkIssued(r) && ca.verify(r.publicKey))).toBe(true);
  });
});
