import type { SafeStorage } from 'electron';
import type { SecretStore } from '../app/context.js';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * Secrets (the cloud database password) encrypted by the OS keychain through Electron's
 * safeStorage: DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux. The
 * cipher is stored as base64 in settings.json.
 *
 * On Linux without a keyring Chromium falls back to a hard-coded key ("basic_text"):
 * that is obfuscation, not protection, so it counts as unavailable and the user is told
 * to give the password with KOPROGO_PG instead. The synchronous API is deprecated in
 * Electron 45 but still supported; SecretStore is synchronous.
 */
export function safeStorageSecrets(safe: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretStore {
  const available = () => safe.isEncryptionAvailable() && !(platform === 'linux' && safe.getSelectedStorageBackend() === 'basic_text');
  return {
    available,
    encrypt(plain) {
      if (!available()) throw new Error('No secure storage on this computer');
      return safe.encryptString(plain).toString('base64');
    },
    decrypt(cipher) {
      if (!available()) throw new Error('No secure storage on this computer');
      return safe.decryptString(Buffer.from(cipher, 'base64'));
    },
  };
}
