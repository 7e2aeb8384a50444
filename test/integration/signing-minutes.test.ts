/**
 * The signing screen's operations, on the minutes a meeting produced: `pv.status` lists the
 * signature fields (who signs each, signed or not, verified offline) and `pv.sign` signs one
 * with an eID card — here SoftHSM2 tokens standing in for an RSA and an EC card
 * (test/support/softhsm.ts) — storing the signed file as the new minutes document. The card
 * work runs in the signing process (a Node child process here, ADR 0021). Refusals (wrong
 * PIN, wrong slot, field already signed, unknown module, no middleware, a signing process
 * that dies or does not answer in time) change nothing.
 * SQLite only: the signing does not depend on the driver, the storage is the documents'.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigningHost } from '../../src-main/signing/signing-host.js';
import { testApp, type TestApp } from '../support/app.js';
import { closedMeeting } from '../support/closed-meeting.js';
import { createTestPki, keepEnv, SOFTHSM_MODULE, softhsmAvailable, type TestPki } from '../support/softhsm.js';

const NOW = new Date('2026-03-01T09:00:00Z');

describe.skipIf(!softhsmAvailable())('signing the stored minutes from the app (pv.status, pv.sign) on sqlite', () => {
  let app: TestApp;
  let pki: TestPki;
  let work: string;
  let ag: number;
  const keys: string[] = [];
  const restoreEnv = keepEnv('SOFTHSM2_CONF', 'KOPROGO_PKCS11_MODULE');
  const fail = async (input: Record<string, unknown>, token?: string) => {
    const r = token ? await app.as(token, 'pv.sign', input) : await app.dispatcher.call('pv.sign', input, { cli: true });
    if (r.ok) throw new Error('pv.sign should have been refused');
    return r.error;
  };
  const status = () => app.admin('pv.status', { assemblyId: ag });

  beforeAll(async () => {
    pki = createTestPki();
    work = mkdtempSync(join(tmpdir(), 'koprogo-pv-sign-'));
    // The signing process inherits the environment: the module reads its tokens from
    // SOFTHSM2_CONF, and it is the module this computer "knows" (the only one pv.sign accepts
    // besides the middleware's and the one saved in Settings).
    process.env.SOFTHSM2_CONF = pki.env.SOFTHSM2_CONF;
    process.env.KOPROGO_PKCS11_MODULE = SOFTHSM_MODULE;
    app = await testApp('sqlite', () => NOW);
    const meeting = await closedMeeting(app);
    ag = meeting.assemblyId;
    keys.push(...meeting.voterKeys);
  });

  afterAll(async () => {
    await app?.close();
    pki?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
    restoreEnv();
  });

  it('before the minutes are drafted there is nothing to sign', async () => {
    expect(await status()).toMatchObject({ document: null, fields: [], status: 'closed', archived: false });
    expect(await fail({ assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin })).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'no_minutes' } });
  });

  it('lists the fields of the drafted minutes with who signs each: the chair, the secretary, the owners present at the end', async () => {
    const drafted = await app.admin('ag.minutes', { assemblyId: ag, language: 'fr' });
    const s = await status();
    expect(s.document).toMatchObject({ id: drafted.documentId, sha256: drafted.sha256 });
    expect(s.fields.map((f) => [f.name, f.role, f.label, f.signed])).toEqual([
      ['Sig_President', 'chair', 'Jean Dupont', false],
      ['Sig_Secretaire', 'secretary', 'Marie Martin-Lefèvre', false],
      [`Sig_${keys[0]}`, 'owner', 'Arnaud', false],
      [`Sig_${keys[1]}`, 'owner', 'Bosmans', false],
      [`Sig_${keys[2]}`, 'owner', 'Claes', false],
    ]);
  });

  it('refusals say what to do and change nothing: unknown module, bad slot, wrong PIN, no middleware, a role without governance', async () => {
    const before = (await status()).document;
    expect(await fail({ assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin, module: '/tmp/evil.so' })).toMatchObject({ details: { rule: 'module_not_allowed', path: ['module'] } });
    expect(await fail({ assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin, slot: 'card' })).toMatchObject({ details: { rule: 'signing_slot_format' } });
    expect(await fail({ assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin, slot: '0x1' })).toMatchObject({ details: { rule: 'signing_no_token' } });
    const wrong = await fail({ assemblyId: ag, field: 'Sig_President', pin: '0000', slot: pki.rsa.slotId });
    expect(wrong).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'signing_wrong_pin', path: ['pin'] } });
    expect(wrong.message).toContain('Nothing was signed');
    expect(JSON.stringify(wrong)).not.toContain('0000');
    expect(await fail({ assemblyId: ag, field: 'Sig_Nobody', pin: pki.rsa.pin })).toMatchObject({ details: { rule: 'signing_field_not_found', path: ['field'] } });
    // Without the variable, only the eID middleware's places are tried: it is not installed here.
    delete process.env.KOPROGO_PKCS11_MODULE;
    try {
      const none = await fail({ assemblyId: ag, field: 'Sig_President' });
      expect(none).toMatchObject({ details: { rule: 'signing_middleware_not_found' } });
      expect(none.message).toContain('https://eid.belgium.be');
    } finally {
      process.env.KOPROGO_PKCS11_MODULE = SOFTHSM_MODULE;
    }
    const accountant = await app.signedIn('accountant');
    expect(await fail({ assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin }, accountant)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await status()).document).toEqual(before);
  });

  it('lists the readers’ cards with their holders, read without the PIN in the signing process: both test cards; unknown module and no middleware refused', async () => {
    const { module, readers, cards } = await app.admin('pv.cards', {});
    expect(module).toBe(SOFTHSM_MODULE);
    // Every slot counts as a reader, with a card or not: the two cards and SoftHSM's free slot.
    expect(readers).toBe(3);
    const expected = (card: typeof pki.rsa, holder: string) => ({
      slot: card.slotId, reader: expect.stringContaining('SoftHSM'), label: 'BELPIC', eid: true, pinBlocked: false,
      holder, notAfter: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), expired: false, problem: null,
    });
    expect(cards).toEqual(expect.arrayContaining([expected(pki.rsa, 'Jean Dupont'), expected(pki.ec, 'Marie Martin-Lefèvre')]));
    // SoftHSM always offers one more, empty slot; it holds no initialized token and is not listed.
    expect(cards).toHaveLength(2);
    // The certificate's serialNumber (the national register number) never leaves the card.
    expect(JSON.stringify(cards)).not.toMatch(/00000000097|00000000196/);
    expect(app.services.signing.activePids()).toEqual([]);
    expect(await app.admin('pv.cards', { module: SOFTHSM_MODULE })).toMatchObject({ module: SOFTHSM_MODULE });

    const refused = async (input: Record<string, unknown>, token?: string) => {
      const r = token ? await app.as(token, 'pv.cards', input) : await app.dispatcher.call('pv.cards', input, { cli: true });
      if (r.ok) throw new Error('pv.cards should have been refused');
      return r.error;
    };
    expect(await refused({ module: '/tmp/evil.so' })).toMatchObject({ details: { rule: 'module_not_allowed', path: ['module'] } });
    delete process.env.KOPROGO_PKCS11_MODULE;
    try {
      const none = await refused({});
      expect(none).toMatchObject({ details: { rule: 'signing_middleware_not_found' } });
      expect(none.message).toContain('https://eid.belgium.be');
    } finally {
      process.env.KOPROGO_PKCS11_MODULE = SOFTHSM_MODULE;
    }
    expect(await refused({}, await app.signedIn('accountant'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a signing process that dies, or does not answer in time, gives a clear error and leaves the minutes as they were', async () => {
    const before = (await status()).document;
    // Killed while it works (a crash, a middleware that brings its process down).
    const pending = app.dispatcher.call('pv.sign', { assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin, slot: pki.rsa.slotId }, { cli: true });
    await expect.poll(() => app.services.signing.activePids().length, { interval: 5 }).toBe(1);
    process.kill(app.services.signing.activePids()[0]!, 'SIGKILL');
    const died = await pending;
    expect(died.ok || died.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'signing_process_failed' } });
    expect(died.ok || died.error.message).toMatch(/nothing was signed/);
    expect(app.services.signing.activePids()).toEqual([]);
    // A card that does not answer in time (here: a few milliseconds) is abandoned.
    const host = app.services.signing;
    app.services.signing = new SigningHost({ signTimeoutMs: 5 });
    try {
      expect(await fail({ assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin, slot: pki.rsa.slotId })).toMatchObject({ details: { rule: 'signing_timeout' } });
      expect(app.services.signing.activePids()).toEqual([]);
    } finally {
      app.services.signing = host;
    }
    expect((await status()).document).toEqual(before);
    expect((await status()).fields.filter((f) => f.signed)).toEqual([]);
  });

  it('signs the chair’s field with the RSA card: the signed file becomes the minutes, verified; the same field twice is refused', async () => {
    const before = (await status()).document!;
    // The screen follows the signature through progress events with its token.
    const steps: unknown[] = [];
    const off = app.dispatcher.services.events.subscribe((name, payload) => void (name === 'progress' && steps.push(payload)));
    // Without a PIN (a real card's middleware asks for it itself) the screen is told to look at the reader first; SoftHSM then refuses to sign without a login.
    await fail({ assemblyId: ag, field: 'Sig_President', slot: pki.rsa.slotId, progressToken: 'no-pin' });
    const r = await app.admin('pv.sign', { assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin, slot: pki.rsa.slotId, module: SOFTHSM_MODULE, progressToken: 'screen-1' });
    off();
    const step = (token: string, done: number, label: string) => ({ operation: 'pv.sign', token, done, total: 3, label });
    expect(steps).toEqual([step('no-pin', 0, 'card'), step('no-pin', 1, 'pin'), step('screen-1', 0, 'card'), step('screen-1', 2, 'saving')]);
    expect(r).toMatchObject({ field: 'Sig_President', signer: 'Jean Dupont', signingTime: NOW.toISOString() });
    expect(r.documentId).not.toBe(before.id);
    const s = await status();
    expect(s.document).toMatchObject({ id: r.documentId, sha256: r.sha256 });
    expect(s.document!.size).toBeGreaterThan(before.size);
    expect(s.fields.find((f) => f.name === 'Sig_President')).toMatchObject({ signed: true, signer: 'Jean Dupont', signingTime: '2026-03-01T09:00:00Z', integrity: 'valid', chain: 'untrusted' });
    // A test card does not chain to the Belgian roots: said, not hidden.
    expect(s.fields.find((f) => f.name === 'Sig_President')?.problem).toBeTruthy();
    expect(s.fields.filter((f) => f.signed).map((f) => f.name)).toEqual(['Sig_President']);
    // The old version stays stored; the audit names the field, not the PIN.
    const again = await fail({ assemblyId: ag, field: 'Sig_President', pin: pki.rsa.pin, slot: pki.rsa.slotId });
    expect(again).toMatchObject({ details: { rule: 'signing_field_already_signed', path: ['field'] } });
    const doc = await app.admin('documents.get', { id: r.documentId });
    const file = join(work, 'signed-once.pdf');
    writeFileSync(file, Buffer.from(doc.contentBase64, 'base64'));
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature Field Name: Sig_President');
  });

  it('the secretary signs with the EC card; both stay valid; the meeting is then archived and can no longer be signed', async () => {
    const r = await app.admin('pv.sign', { assemblyId: ag, field: 'Sig_Secretaire', pin: pki.ec.pin, slot: pki.ec.slotId });
    expect(r.signer).toBe('Marie Martin-Lefèvre');
    const s = await status();
    expect(s.fields.filter((f) => f.signed).map((f) => [f.name, f.integrity])).toEqual([
      ['Sig_President', 'valid'],
      ['Sig_Secretaire', 'valid'],
    ]);
    const doc = await app.admin('documents.get', { id: r.documentId });
    const file = join(work, 'signed-twice.pdf');
    writeFileSync(file, Buffer.from(doc.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Approbation des comptes');
    // Signed minutes are not redrafted by accident.
    const redraft = await app.dispatcher.call('ag.minutes', { assemblyId: ag, language: 'fr' }, { cli: true });
    expect(redraft.ok || redraft.error).toMatchObject({ details: { rule: 'minutes_signed' } });
    await app.admin('ag.archive', { assemblyId: ag });
    expect(await status()).toMatchObject({ archived: true });
    expect(await fail({ assemblyId: ag, field: `Sig_${keys[0]}`, pin: pki.rsa.pin, slot: pki.rsa.slotId })).toMatchObject({ details: { rule: 'assembly_archived' } });
  });
});
