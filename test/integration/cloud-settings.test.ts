import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startApp, type AppInstance } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import type { LocalSettings, SecretStore } from '../../src-main/app/context.js';
import { freshTarget } from '../support/drivers.js';

/** Stands in for Electron's safeStorage (OS keychain), which only exists inside Electron. */
function keychainStandIn(): SecretStore {
  const key = randomBytes(32);
  return {
    available: () => true,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    decrypt(cipher) {
      const b = Buffer.from(cipher, 'base64');
      const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('cloud PostgreSQL settings', () => {
  let app: AppInstance;
  let settings: LocalSettings;
  const pg = new URL(inject('pgUrl'));
  const form = { host: '127.0.0.1', port: Number(pg.port), database: 'postgres', user: pg.username, password: decodeURIComponent(pg.password), tls: false };
  beforeAll(async () => {
    settings = memorySettings();
    app = await startApp({ target: await freshTarget('sqlite'), door: 'test', localSettings: settings, secrets: keychainStandIn() });
  });
  afterAll(async () => app?.close());
  const call = (op: 'settings.cloud.test' | 'settings.cloud.save' | 'settings.cloud.get', input: unknown) => app.dispatcher.call(op, input, { cli: true });

  it('connects to a real PostgreSQL on this computer without TLS', async () => {
    const r = await call('settings.cloud.test', form);
    expect(r).toMatchObject({ ok: true, value: { reachable: true, message: expect.stringMatching(/^PostgreSQL \d+/) } });
  });

  it('says why a connection fails', async () => {
    const r = await call('settings.cloud.test', { ...form, password: 'wrong password' });
    expect(r).toMatchObject({ ok: true, value: { reachable: false, message: expect.stringMatching(/password/i) } });
  });

  it('requires TLS towards any other host', async () => {
    const r = await call('settings.cloud.test', { ...form, host: 'db.koprogo.example' });
    expect(r.ok || r.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'tls_required', path: ['tls'] } });
  });

  it('keeps the password only encrypted by the keychain, and never returns it', async () => {
    expect((await call('settings.cloud.save', form)).ok).toBe(true);
    const stored = JSON.stringify(settings.read());
    expect(stored).not.toContain(form.password);
    expect(await call('settings.cloud.get', {})).toMatchObject({ ok: true, value: { configured: true, passwordStored: true, secureStorage: true, host: '127.0.0.1' } });
    // The stored (encrypted) password is used when the form leaves it empty.
    const r = await call('settings.cloud.test', { ...form, password: undefined });
    expect(r).toMatchObject({ ok: true, value: { reachable: true } });
  });

  it('refuses to store a password where no keychain exists', async () => {
    const bare = await startApp({ target: await freshTarget('sqlite'), door: 'test', localSettings: memorySettings(), secrets: null });
    const r = await bare.dispatcher.call('settings.cloud.save', form, { cli: true });
    expect(r.ok || r.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'no_secure_storage' } });
    await bare.close();
  });
});
