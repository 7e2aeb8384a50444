import { describe, expect, it } from 'vitest';
import { safeStorageSecrets } from './secret-store.js';

/** safeStorage as on a machine with a keyring: reversible, not plain text. */
function fakeSafeStorage(opts: { available?: boolean; backend?: 'basic_text' | 'gnome_libsecret' } = {}) {
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptString: (s: string) => Buffer.from(`enc:${[...s].reverse().join('')}`),
    decryptString: (b: Buffer) => {
      const s = b.toString();
      if (!s.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...s.slice(4)].reverse().join('');
    },
  } as never;
}


describe('the safeStorage secret store', () => {
  it('stores base64 of the encrypted bytes and reads them back', () => {
    const secrets = safeStorageSecrets(fakeSafeStorage(), 'linux');
    const cipher = secrets.encrypt('s3cret pass');
    expect(cipher).toBe(Buffer.from('enc:ssap terc3s').toString('base64'));
    expect(secrets.decrypt(cipher)).toBe('s3cret pass');
  });

  it('is unavailable on Linux without a keyring (basic_text) and when the OS has none', () => {
    expect(safeStorageSecrets(fakeSafeStorage({ backend: 'basic_text' }), 'linux').available()).toBe(false);
    expect(safeStorageSecrets(fakeSafeStorage({ backend: 'basic_text' }), 'win32').available()).toBe(true);
    const none = safeStorageSecrets(fakeSafeStorage({ available: false }), 'darwin');
    expect(none.available()).toBe(false);
    expect(() => none.encrypt('x')).toThrow(/secure storage/);
  });
});
