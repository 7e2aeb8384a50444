import type { LocalSettings, SecretStore } from '../app/context.js';
import { resolveTarget } from '../app/bootstrap.js';
import { cloudUrl, readCloudSettings } from '../app/system/settings.handlers.js';
import type { DbTarget } from '../db/orm.js';

export interface StartupTarget {
  target: DbTarget;
  /** Why this database: for the log (never the URL, it may carry the password). */
  source: 'command line or environment' | 'cloud settings' | 'default file';
  /** Set when cloud settings exist but could not be used. */
  warning?: string;
}

/**
 * Which database the desktop opens: --db/--pg or KOPROGO_DB/KOPROGO_PG first; else the
 * cloud PostgreSQL saved in the settings, when its password is in the OS keychain and
 * decrypts; else the SQLite file in the user-data folder.
 */
export function startupTarget(opts: {
  args: { db?: string | undefined; pg?: string | undefined };
  env: NodeJS.ProcessEnv;
  settings: LocalSettings;
  secrets: SecretStore | null;
}): StartupTarget {
  const { args, env } = opts;
  if (args.db || args.pg || env.KOPROGO_DB || env.KOPROGO_PG) {
    return { target: resolveTarget(args, env), source: 'command line or environment' };
  }
  const fallback = { target: resolveTarget({}, env), source: 'default file' } as const;
  const cloud = readCloudSettings(opts.settings.read());
  if (!cloud) return fallback;
  if (!cloud.passwordCipher) return { ...fallback, warning: 'cloud settings have no stored password: opening the local file' };
  if (!opts.secrets?.available()) return { ...fallback, warning: 'the OS keychain is not available: opening the local file' };
  try {
    const password = opts.secrets.decrypt(cloud.passwordCipher);
    return { target: { driver: 'postgresql', url: cloudUrl(cloud, password) }, source: 'cloud settings' };
  } catch {
    return { ...fallback, warning: 'the stored cloud password could not be decrypted: opening the local file' };
  }
}
