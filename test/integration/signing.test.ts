/**
 * Signing minutes with Belgian eID cards, end to end with real components: SoftHSM2 tokens
 * standing in for an RSA card (2014–2021) and an EC P-384 card (2021+), the real
 * `bin/koprogo pv sign|verify`, and three independent verifiers — poppler's pdfsig with an
 * NSS database, `openssl cms -verify`, and our own. See docs/signing.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSignatureField, listFields } from '../../src-main/signing/fields.js';
import { signPdf } from '../../src-main/signing/pades.js';
import { applicationPin } from '../../src-main/signing/pin.js';
import { EidSigner } from '../../src-main/signing/pkcs11.js';
import { loadTrustStore } from '../../src-main/signing/trust-anchors.js';
import { verifyPdf, type SignatureReport } from '../../src-main/signing/verify.js';
import { runCli } from '../support/cli.js';
import { createTestPki, SOFTHSM_MODULE, softhsmAvailable, type TestPki } from '../support/softhsm.js';

const toolsPresent = softhsmAvailable() && ['pdfsig', 'certutil', 'qpdf'].every((t) => spawnSync('which', [t]).status === 0);

/** Minutes with two empty signature fields, saved the way pdf-lib saves by default: with object streams. */
async function minutesPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Procès-verbal de l’assemblée générale ordinaire', { x: 50, y: 780, size: 16, font });
  page.drawText('Résidence Les Tilleuls — 12 mars 2026', { x: 50, y: 755, size: 11, font });
  addSignatureField(doc, 'Sig_President', { page: 1, rect: [50, 90, 220, 70] });
  addSignatureField(doc, 'Sig_Secretaire', { page: 1, rect: [320, 90, 220, 70] });
  return doc.save(); // useObjectStreams: true
}

/** The ByteRange-signed bytes and the CMS of each signature, found in the raw file. */
function extractSignatures(pdf: Buffer): { signedBytes: Buffer; cms: Buffer }[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/g)].map((m) => {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    let hex = pdf.subarray(a + b + 1, c - 1).toString('latin1').replace(/0+$/, '');
    if (hex.length % 2) hex += '0';
    return { signedBytes: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), cms: Buffer.from(hex, 'hex') };
  });
}

const byField = (reports: SignatureReport[]) => Object.fromEntries(reports.map((r) => [r.field, r]));

describe.skipIf(!toolsPresent)('signing the minutes with eID cards (SoftHSM2 tokens)', () => {
  let pki: TestPki;
  let work: string;
  let nssDir: string;
  let input: string;
  let once: string;
  let twice: string;
  const M = ['--pkcs11-module', SOFTHSM_MODULE];

  beforeAll(async () => {
    pki = createTestPki();
    work = mkdtempSync(join(tmpdir(), 'koprogo-sign-'));
    input = join(work, 'minutes.pdf');
    once = join(work, 'minutes-president.pdf');
    twice = join(work, 'minutes-signed.pdf');
    writeFileSync(input, await minutesPdf());
    nssDir = join(work, 'nss');
    mkdirSync(nssDir);
    execFileSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nssDir}`, '-n', 'KoproGo Test Root CA', '-t', 'CT,C,C', '-i', pki.rootPem]);
  });

  afterAll(() => {
    pki?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the test PDF uses object streams (new objects must be numbered from the trailer /Size)', () => {
    expect(readFileSync(input).toString('latin1')).toContain('/ObjStm');
  });

  it('signs the president field with the RSA card, then the secretary field with the EC P-384 card', async () => {
    const before = readFileSync(input);
    const r1 = await runCli(['pv', 'sign', input, '--out', once, '--field', 'Sig_President', ...M, '--slot', pki.rsa.slotId, '--pin-stdin', '--reason', 'Président de séance', '--location', 'Bruxelles'], { env: pki.env, input: `${pki.rsa.pin}\n` });
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    expect(r1.stdout).toContain('Signed the field Sig_President as Jean Dupont');
    // No --slot: the first BELPIC token would be the RSA one, so the EC card is chosen by its slot.
    const r2 = await runCli(['pv', 'sign', once, '--out', twice, '--field', 'Sig_Secretaire', ...M, '--slot', pki.ec.slotId, '--pin-stdin', '--reason', 'Secrétaire', '--json'], { env: pki.env, input: `${pki.ec.pin}\r\n` });
    expect(r2.code).toBe(0);
    expect(JSON.parse(r2.stdout)).toMatchObject({ field: 'Sig_Secretaire', signer: 'Marie Martin-Lefèvre' });

    // Incremental updates: each file starts with the previous one, byte for byte; the input is untouched.
    expect(readFileSync(input).equals(before)).toBe(true);
    const one = readFileSync(once);
    const two = readFileSync(twice);
    expect(one.subarray(0, before.length).equals(before)).toBe(true);
    expect(two.subarray(0, one.length).equals(one)).toBe(true);
    expect(execFileSync('qpdf', ['--check', twice], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    // Every field survives, each signed once.
    const doc = await PDFDocument.load(two);
    expect(listFields(doc).map((f) => [f.name, !!f.signature])).toEqual([
      ['Sig_President', true],
      ['Sig_Secretaire', true],
    ]);
  });

  it('pdfsig (poppler + NSS, test root trusted) reports both signatures valid and trusted', () => {
    const r = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, twice], { encoding: 'utf8' });
    const out = r.stdout;
    expect(out).toContain('Signature Field Name: Sig_President');
    expect(out).toContain('Signature Field Name: Sig_Secretaire');
    expect(out).toContain('Signer Certificate Common Name: Jean Dupont (Signature)');
    expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(out.match(/Certificate Validation: Certificate is Trusted\./g)).toHaveLength(2);
    expect(out.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(2);
    expect(out).toContain('Total document signed');
  });

  it('openssl cms -verify accepts each extracted CMS over its signed bytes (signing-certificate-v2 included)', () => {
    const sigs = extractSignatures(readFileSync(twice));
    expect(sigs).toHaveLength(2);
    sigs.forEach((s, i) => {
      const cms = join(work, `sig${i}.der`);
      const content = join(work, `signed${i}.bin`);
      writeFileSync(cms, s.cms);
      writeFileSync(content, s.signedBytes);
      const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cms, '-content', content, '-CAfile', pki.rootPem, '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
      expect(r.stderr).toContain('Verification successful');
      expect(r.status).toBe(0);
      const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cms], { encoding: 'utf8' });
      expect(printed).toContain('id-smime-aa-signingCertificateV2');
      expect(printed).not.toContain('signingTime');
    });
  });

  it('pv verify --json --trust root: both valid and trusted, RSA and EC, the first followed only by a signature', async () => {
    const r = await runCli(['pv', 'verify', twice, '--trust', pki.rootPem, '--json']);
    expect(r.code).toBe(0);
    const reports = byField(JSON.parse(r.stdout) as SignatureReport[]);
    expect(reports.Sig_President).toMatchObject({
      signer: { cn: 'Jean Dupont (Signature)', name: 'Jean Dupont', issuer: 'KoproGo Test Citizen CA', key: 'RSA 2048' },
      integrity: 'valid',
      chain: 'trusted',
      chainPath: ['Jean Dupont (Signature)', 'KoproGo Test Citizen CA', 'KoproGo Test Root CA'],
      algorithm: 'sha256WithRSAEncryption',
      reason: 'Président de séance',
      location: 'Bruxelles',
      subFilter: 'ETSI.CAdES.detached',
      coverage: { revision: 2, revisions: 3, wholeFile: false, laterChanges: 'signatures-only' },
    });
    expect(reports.Sig_Secretaire).toMatchObject({
      signer: { cn: 'Marie Martin-Lefèvre (Signature)', key: 'EC P-384' },
      integrity: 'valid',
      chain: 'trusted',
      algorithm: 'ecdsa-with-SHA256',
      coverage: { revision: 3, wholeFile: true, laterChanges: 'none' },
    });
    expect(reports.Sig_President?.signingTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Without the test root, only the shipped Belgian roots: valid but untrusted, exit 0.
    const untrusted = await runCli(['pv', 'verify', twice, '--json']);
    expect(untrusted.code).toBe(0);
    expect((JSON.parse(untrusted.stdout) as SignatureReport[]).map((x) => [x.integrity, x.chain])).toEqual([
      ['valid', 'untrusted'],
      ['valid', 'untrusted'],
    ]);
  });

  it('one changed byte inside a signed range is detected: integrity invalid, exit 3', async () => {
    const two = readFileSync(twice);
    // In the first revision (covered by both signatures): one byte of the page's content stream.
    const early = Buffer.from(two);
    const text = early.toString('latin1');
    const content = [...text.matchAll(/stream\r?\n/g)].find((m) => {
      const dict = text.slice(text.lastIndexOf('<<', m.index), m.index);
      return !/\/Type \/(ObjStm|XRef)/.test(dict);
    });
    const at = (content?.index ?? 0) + (content?.[0].length ?? 0) + 10;
    expect(at).toBeLessThan(extractSignatures(two)[0]!.signedBytes.length);
    early[at] = (early[at] ?? 0) ^ 0x01;
    const tampered1 = join(work, 'tampered-1.pdf');
    writeFileSync(tampered1, early);
    const r1 = await runCli(['pv', 'verify', tampered1, '--trust', pki.rootPem, '--json']);
    expect(r1.code).toBe(3);
    expect(r1.stderr).toContain('2 signatures do not verify');
    expect((JSON.parse(r1.stdout) as SignatureReport[]).map((x) => x.integrity)).toEqual(['invalid', 'invalid']);

    // In the last revision only (the EC signature's /M): the president's signature stays valid.
    const late = Buffer.from(two);
    const m = late.lastIndexOf('/M (D:');
    late[m + 7] = late[m + 7] === 0x31 ? 0x32 : 0x31; // one digit of the year
    const tampered2 = join(work, 'tampered-2.pdf');
    writeFileSync(tampered2, late);
    const r2 = await runCli(['pv', 'verify', tampered2, '--trust', pki.rootPem, '--json']);
    expect(r2.code).toBe(3);
    const reports = byField(JSON.parse(r2.stdout) as SignatureReport[]);
    expect(reports.Sig_President?.integrity).toBe('valid');
    expect(reports.Sig_Secretaire?.integrity).toBe('invalid');
    expect(reports.Sig_Secretaire?.integrityProblem).toMatch(/changed after signing/);
    expect(r2.stderr).toContain('1 signature does not verify: Sig_Secretaire');

    // A byte that breaks the structure itself: refused as an unreadable PDF, not an internal error.
    const broken = Buffer.from(two);
    broken[broken.indexOf('/ObjStm') + 1] = 0x6f;
    const tampered3 = join(work, 'tampered-3.pdf');
    writeFileSync(tampered3, broken);
    const r3 = await runCli(['pv', 'verify', tampered3]);
    expect([r3.code, r3.stderr]).toEqual([2, expect.stringContaining('damaged')]);
  });

  it('refuses a field already signed, before asking for the PIN (exit 2, nothing written)', async () => {
    const out = join(work, 'again.pdf');
    const r = await runCli(['pv', 'sign', twice, '--out', out, '--field', 'Sig_President', ...M, '--slot', pki.rsa.slotId, '--pin-stdin'], { env: pki.env, input: `${pki.rsa.pin}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The field "Sig_President" is already signed');
    expect(existsSync(out)).toBe(false);
  });

  it('a wrong PIN gives its message with the tries hint, and writes nothing', async () => {
    const out = join(work, 'wrong-pin.pdf');
    const before = readFileSync(input);
    const r = await runCli(['pv', 'sign', input, '--out', out, '--field', 'Sig_President', ...M, '--slot', pki.rsa.slotId, '--pin-stdin'], { env: pki.env, input: '0000\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Wrong PIN.');
    expect(r.stderr).toContain('Few tries left'); // SoftHSM2 sets CKF_USER_PIN_COUNT_LOW after a failure
    expect(r.stderr).toContain('Nothing was signed.');
    expect(r.stderr).not.toContain('0000');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(execFileSync('ls', ['-a', work], { encoding: 'utf8' })).not.toMatch(/\.tmp/);
  });

  it('pv cards lists the readers’ cards with their holders (JSON and table); a non-eID token is marked; no middleware exits 1', async () => {
    const json = await runCli(['pv', 'cards', ...M, '--json'], { env: pki.env });
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as { module: string; cards: { slot: string; holder: string | null; eid: boolean; expired: boolean; problem: string | null }[] };
    expect(listed.module).toBe(SOFTHSM_MODULE);
    // Listed in the module's slot order; SoftHSM numbers its slots at random, so compared by holder.
    expect(listed.cards.map((c) => [c.slot, c.holder, c.eid, c.expired, c.problem]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      [pki.rsa.slotId, 'Jean Dupont', true, false, null],
      [pki.ec.slotId, 'Marie Martin-Lefèvre', true, false, null],
    ]);
    expect(json.stdout).not.toMatch(/00000000097|00000000196/);

    const table = await runCli(['pv', 'cards', ...M], { env: pki.env });
    expect(table.stdout).toMatch(/^Slot\s+Reader\s+Holder\s+Valid until\s+State/);
    expect(table.stdout).toMatch(new RegExp(`${pki.ec.slotId}\\s+SoftHSM.*Marie Martin-Lefèvre\\s+\\d{4}-\\d\\d-\\d\\d\\s+ready`));

    const other = await runCli(['pv', 'cards', ...M], { env: pki.otherEnv });
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('not an eID card (token OTHER)');

    const none = await runCli(['pv', 'cards', '--pkcs11-module', join(work, 'libbeidpkcs11.so.0')], { env: pki.env });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('https://eid.belgium.be');
  });

  it('pv cards and pv sign use the module saved in the app’s Settings on this computer, unless --pkcs11-module names another', async () => {
    const home = join(work, 'home');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ signing: { modulePath: SOFTHSM_MODULE } }));
    const env = { ...pki.env, KOPROGO_HOME: home };
    const saved = await runCli(['pv', 'cards', '--json'], { env });
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ module: SOFTHSM_MODULE });
    const out = join(work, 'saved-module.pdf');
    const signed = await runCli(['pv', 'sign', input, '--out', out, '--field', 'Sig_President', '--slot', pki.rsa.slotId, '--pin-stdin'], { env, input: `${pki.rsa.pin}\n` });
    expect(signed.code, signed.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    const named = await runCli(['pv', 'cards', '--pkcs11-module', join(work, 'libbeidpkcs11.so.0')], { env });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('libbeidpkcs11.so.0');
  });

  it('no eID card: a wrong slot, a module whose only token is not BELPIC, no middleware at all (exit 1)', async () => {
    const base = ['pv', 'sign', input, '--out', join(work, 'none.pdf'), '--field', 'Sig_President', '--pin-stdin'];
    const wrongSlot = await runCli([...base, ...M, '--slot', '0x7777'], { env: pki.env, input: '1234\n' });
    expect(wrongSlot.code).toBe(1);
    expect(wrongSlot.stderr).toContain('No card in slot 0x7777');
    expect(wrongSlot.stderr).toContain(pki.rsa.slotId);

    const noBelpic = await runCli([...base, ...M], { env: pki.otherEnv, input: '1234\n' });
    expect(noBelpic.code).toBe(1);
    expect(noBelpic.stderr).toContain('No Belgian eID card (token BELPIC) found');
    expect(noBelpic.stderr).toContain('"OTHER"');

    const noModule = await runCli([...base, '--pkcs11-module', join(work, 'libbeidpkcs11.so.0')], { env: pki.env, input: '1234\n' });
    expect(noModule.code).toBe(1);
    expect(noModule.stderr).toContain('https://eid.belgium.be');
    expect(existsSync(join(work, 'none.pdf'))).toBe(false);
  });

  it('bad input is refused with exit 2: missing file, not a PDF, unknown field, output over the input', async () => {
    const sign = (file: string, field: string, out = join(work, 'x.pdf')) =>
      runCli(['pv', 'sign', file, '--out', out, '--field', field, ...M, '--pin-stdin'], { env: pki.env, input: '1234\n' });
    const missing = await sign(join(work, 'nope.pdf'), 'Sig_President');
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const text = join(work, 'notes.pdf');
    writeFileSync(text, 'not a pdf at all');
    const notPdf = await sign(text, 'Sig_President');
    expect([notPdf.code, notPdf.stderr]).toEqual([2, expect.stringContaining('not a PDF')]);
    const unknown = await sign(input, 'Sig_Tresorier');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no field named "Sig_Tresorier"');
    expect(unknown.stderr).toContain('Sig_President, Sig_Secretaire');
    const over = await sign(input, 'Sig_President', input);
    expect([over.code, over.stderr]).toEqual([2, expect.stringContaining('never modified')]);
    const verifyMissing = await runCli(['pv', 'verify', join(work, 'nope.pdf')]);
    expect(verifyMissing.code).toBe(2);
  });

  it('the signing API adds a field when the minutes have none (classic xref table), in-process, SHA-384 with the EC card', async () => {
    process.env.SOFTHSM2_CONF = pki.env.SOFTHSM2_CONF;
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    const bare = await doc.save({ useObjectStreams: false });
    expect(Buffer.from(bare).toString('latin1')).toMatch(/\nxref\n/);
    const signer = await EidSigner.open({ modulePath: SOFTHSM_MODULE, slotId: BigInt(pki.ec.slotId), pin: applicationPin(async () => pki.ec.pin) });
    let signed;
    try {
      signed = await signPdf(bare, { field: 'Sig_Syndic', signer, digest: 'sha384', reason: 'Syndic', newField: { page: 1, rect: [300, 40, 240, 60] } });
    } finally {
      signer.close();
    }
    const [report] = await verifyPdf(signed.pdf, loadTrustStore({ extraFiles: [pki.rootPem] }));
    expect(report).toMatchObject({ field: 'Sig_Syndic', integrity: 'valid', chain: 'trusted', algorithm: 'ecdsa-with-SHA384', coverage: { wholeFile: true } });
    const file = join(work, 'syndic.pdf');
    writeFileSync(file, signed.pdf);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    const pdfsig = spawnSync('pdfsig', ['-nssdir', `sql:${nssDir}`, file], { encoding: 'utf8' }).stdout;
    expect(pdfsig).toContain('Signature is Valid.');
    expect(pdfsig).toContain('Certificate is Trusted.');
    expect(pdfsig).toContain('Signing Hash Algorithm: SHA-384');
  });
});
