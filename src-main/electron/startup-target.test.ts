import { describe, expect, it } from 'vitest';
import { memorySettings } from '../app/local-settings.js';
import type { SecretStore } from '../app/context.js';
import { startupTarget } from './startup-target.js';

/** The OS keychain, reversible; `available: false` as on a machine without one. */
function keychain(available = true): SecretStore {
  return {
    available: () => available,
    encrypt: (plain) => Buffer.from(`enc:${plain}`).toString('base64'),
    decrypt: (cipher) => {
      const s = Buffer.from(cipher, 'base64').toString();
      if (!s.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext');
      return s.slice(4);
    },
  };
}

const env = { KOPROGO_HOME: '/home/syndic/.config/KoproGo' };
const cloud = (passwordCipher: string | null) => ({ cloud: { host: 'db.example.be', port: 5432, database: 'koprogo', user: 'firm', tls: true, passwordCipher } });

describe('the database the desktop opens', () => {
  const secrets = keychain();

  it('is the SQLite file in the user-data folder by default', () => {
    expect(startupTarget({ args: {}, env, settings: memorySettings(), secrets })).toEqual({
      target: { driver: 'sqlite', path: '/home/syndic/.config/KoproGo/koprogo.sqlite' },
      source: 'default file',
    });
  });

  it('is the cloud PostgreSQL when its password is in the keychain', () => {
    const r = startupTarget({ args: {}, env, settings: memorySettings(cloud(secrets.encrypt('pw/with:chars'))), secrets });
    expect(r.source).toBe('cloud settings');
    expect(r.target).toEqual({ driver: 'postgresql', url: 'postgresql://firm:pw%2Fwith%3Achars@db.example.be:5432/koprogo?sslmode=require' });
  });

  it('falls back to the local file, with a warning, when the password cannot be used', () => {
    for (const [settings, s] of [
      [cloud(null), secrets],
      [cloud('bm90IGVuY3J5cHRlZA=='), secrets],
      [cloud(secrets.encrypt('pw')), keychain(false)],
    ] as const) {
      const r = startupTarget({ args: {}, env, settings: memorySettings(settings), secrets: s });
      expect(r.target.driver).toBe('sqlite');
      expect(r.warning).toBeTruthy();
    }
  });

  it('is what --db, --pg, KOPROGO_DB or KOPROGO_PG say, before the cloud settings', () => {
    const settings = memorySettings(cloud(secrets.encrypt('pw')));
    expect(startupTarget({ args: { db: '/tmp/a.sqlite' }, env, settings, secrets }).target).toEqual({ driver: 'sqlite', path: '/tmp/a.sqlite' });
    expect(startupTarget({ args: { pg: 'postgresql://localhost/x' }, env, settings, secrets }).target).toEqual({ driver: 'postgresql', url: 'postgresql://localhost/x' });
    expect(startupTarget({ args: {}, env: { ...env, KOPROGO_DB: '/tmp/b.sqlite' }, settings, secrets }).target).toEqual({ driver: 'sqlite', path: '/tmp/b.sqlite' });
  });
});
