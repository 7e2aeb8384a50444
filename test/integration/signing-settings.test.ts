/**
 * The PKCS#11 module chosen in Settings (settings.signing.get / settings.signing.save), with
 * the real SoftHSM2 module: saving loads it in the signing process and reports what it is;
 * what is not an absolute path to a shared library that is a PKCS#11 module is refused on
 * the field; pv.sign then signs with the saved module without any variable, and still
 * refuses a module nobody chose. On SQLite and PostgreSQL (the audit goes to the database).
 */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecordSchema } from '../../src-main/db/entities/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { closedMeeting } from '../support/closed-meeting.js';
import { DRIVERS } from '../support/drivers.js';
import { createTestPki, keepEnv, SOFTHSM_MODULE, softhsmAvailable, type TestPki } from '../support/softhsm.js';

const NOW = new Date('2026-03-01T09:00:00Z');
/** A real shared library that is not a PKCS#11 module. */
const ZLIB = ['/usr/lib/x86_64-linux-gnu/libz.so.1', '/usr/lib/aarch64-linux-gnu/libz.so.1', '/lib/x86_64-linux-gnu/libz.so.1'].find((p) => existsSync(p));

describe.skipIf(!softhsmAvailable()).each(DRIVERS)('the signing module in Settings on %s', (driver) => {
  let app: TestApp;
  let pki: TestPki;
  let work: string;
  const restoreEnv = keepEnv('SOFTHSM2_CONF', 'KOPROGO_PKCS11_MODULE');
  const refused = async (modulePath: string) => {
    const r = await app.dispatcher.call('settings.signing.save', { modulePath }, { cli: true });
    if (r.ok) throw new Error(`${modulePath} should have been refused`);
    return r.error;
  };

  beforeAll(async () => {
    pki = createTestPki();
    work = mkdtempSync(join(tmpdir(), 'koprogo-signing-settings-'));
    process.env.SOFTHSM2_CONF = pki.env.SOFTHSM2_CONF;
    // Only what Settings saves: no variable naming the module.
    delete process.env.KOPROGO_PKCS11_MODULE;
    app = await testApp(driver, () => NOW);
  });

  afterAll(async () => {
    await app?.close();
    pki?.cleanup();
    if (work) rmSync(work, { recursive: true, force: true });
    restoreEnv();
  });

  it('before anything is saved: the middleware’s usual place, said not installed here', async () => {
    expect(await app.admin('settings.signing.get', {})).toEqual({
      modulePath: null, effectivePath: 'libbeidpkcs11.so.0', source: 'default', found: false, defaults: ['libbeidpkcs11.so.0'],
    });
    process.env.KOPROGO_PKCS11_MODULE = SOFTHSM_MODULE;
    try {
      expect(await app.admin('settings.signing.get', {})).toMatchObject({ modulePath: null, effectivePath: SOFTHSM_MODULE, source: 'env', found: true });
    } finally {
      delete process.env.KOPROGO_PKCS11_MODULE;
    }
  });

  it('refuses on the field what is not a PKCS#11 module, before and after loading it, and saves nothing', async () => {
    const text = join(work, 'notes.txt');
    writeFileSync(text, 'not a library');
    const junk = join(work, 'libfake.so.1');
    writeFileSync(junk, 'not an ELF file');
    expect(await refused('libsofthsm2.so')).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'module_path_absolute', path: ['modulePath'] } });
    expect(await refused(join(work, 'missing.so'))).toMatchObject({ details: { rule: 'module_path_missing', path: ['modulePath'] } });
    expect(await refused(work)).toMatchObject({ details: { rule: 'module_path_missing' } });
    expect(await refused(text)).toMatchObject({ details: { rule: 'module_path_not_library', path: ['modulePath'] } });
    const notLoaded = await refused(junk);
    expect(notLoaded).toMatchObject({ details: { rule: 'module_not_pkcs11', path: ['modulePath'] } });
    expect(notLoaded.message).toContain('is not a PKCS#11 module');
    if (ZLIB) expect(await refused(ZLIB)).toMatchObject({ details: { rule: 'module_not_pkcs11' } });
    expect((await app.admin('settings.signing.get', {})).modulePath).toBeNull();
    const accountant = await app.signedIn('accountant');
    expect(await app.as(accountant, 'settings.signing.save', { modulePath: SOFTHSM_MODULE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('saves the SoftHSM module after probing it in the signing process, audited; pv.sign then uses it', async () => {
    const r = await app.admin('settings.signing.save', { modulePath: `  ${SOFTHSM_MODULE} ` });
    expect(r.modulePath).toBe(SOFTHSM_MODULE);
    expect(r.probe).toMatchObject({ manufacturer: 'SoftHSM', cryptokiVersion: expect.stringMatching(/^[23]\.\d\d$/) });
    expect(r.probe!.description).toBe('Implementation of PKCS11');
    // The two test cards; SoftHSM's spare slot holds an uninitialized token, which is no card.
    expect(r.probe!.slotsWithToken).toBe(2);
    expect(app.services.signing.activePids()).toEqual([]);
    expect(await app.admin('settings.signing.get', {})).toMatchObject({ modulePath: SOFTHSM_MODULE, effectivePath: SOFTHSM_MODULE, source: 'saved', found: true });
    const audit = await app.db.em().find(AuditRecordSchema, { action: 'settings.signing.save' });
    expect(audit.map((a) => [a.before, a.after])).toEqual([[{ modulePath: null }, { modulePath: SOFTHSM_MODULE, manufacturer: 'SoftHSM', description: r.probe!.description }]]);

    const { assemblyId } = await closedMeeting(app);
    await app.admin('ag.minutes', { assemblyId, language: 'fr' });
    // No module named, no variable: the saved one signs.
    const signed = await app.admin('pv.sign', { assemblyId, field: 'Sig_President', pin: pki.rsa.pin, slot: pki.rsa.slotId });
    expect(signed).toMatchObject({ field: 'Sig_President', signer: 'Jean Dupont' });
    // Naming it is allowed too; a module nobody chose is still refused.
    expect(await app.admin('pv.sign', { assemblyId, field: 'Sig_Secretaire', pin: pki.ec.pin, slot: pki.ec.slotId, module: SOFTHSM_MODULE })).toMatchObject({ signer: 'Marie Martin-Lefèvre' });
    const evil = await app.dispatcher.call('pv.sign', { assemblyId, field: 'Sig_President', module: join(work, 'libfake.so.1') }, { cli: true });
    expect(evil.ok || evil.error).toMatchObject({ details: { rule: 'module_not_allowed', path: ['module'] } });
  });

  it('empty: back to the middleware’s usual place', async () => {
    expect(await app.admin('settings.signing.save', { modulePath: '' })).toEqual({ modulePath: null, probe: null });
    expect(await app.admin('settings.signing.get', {})).toMatchObject({ modulePath: null, source: 'default', found: false });
    const { assemblyId } = await closedMeeting(app);
    await app.admin('ag.minutes', { assemblyId, language: 'fr' });
    const none = await app.dispatcher.call('pv.sign', { assemblyId, field: 'Sig_President', pin: pki.rsa.pin }, { cli: true });
    expect(none.ok || none.error).toMatchObject({ details: { rule: 'signing_middleware_not_found' } });
  });
});
