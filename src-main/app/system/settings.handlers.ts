import pg from 'pg';
import type { z } from 'zod';
import type { cloudSettingsInput } from '../../../src-shared/contract/system.js';
import type { Handlers } from '../context.js';
import { DomainRuleError } from '../errors.js';

type CloudInput = z.output<typeof cloudSettingsInput>;

export interface StoredCloudSettings {
  host: string;
  port: number;
  database: string;
  user: string;
  tls: boolean;
  /** Encrypted by the OS keychain (Electron safeStorage); never the plain password. */
  passwordCipher: string | null;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);
export const isLocalHost = (host: string) => LOCAL_HOSTS.has(host.toLowerCase());

/** TLS is required towards any host but this machine: owners' data crosses the network. */
export function checkTls(input: CloudInput): void {
  if (!input.tls && !isLocalHost(input.host)) {
    throw new DomainRuleError('tls_required', 'TLS is required to connect to a server other than this computer', { path: ['tls'] });
  }
}

export function cloudUrl(s: { host: string; port: number; database: string; user: string; tls: boolean }, password: string | null): string {
  const u = new URL('postgresql://placeholder');
  u.hostname = s.host;
  u.port = String(s.port);
  u.pathname = `/${encodeURIComponent(s.database)}`;
  u.username = encodeURIComponent(s.user);
  if (password) u.password = encodeURIComponent(password);
  if (s.tls) u.searchParams.set('sslmode', 'require');
  return u.toString();
}

export function readCloudSettings(raw: Record<string, unknown>): StoredCloudSettings | null {
  const c = raw.cloud as StoredCloudSettings | undefined;
  return c && typeof c.host === 'string' ? c : null;
}

export const settingsHandlers: Handlers<'settings.cloud.get' | 'settings.cloud.save' | 'settings.cloud.test'> = {
  'settings.cloud.get': async (_input, ctx) => {
    const c = readCloudSettings(ctx.services.localSettings.read());
    return {
      configured: c !== null,
      host: c?.host ?? '',
      port: c?.port ?? 5432,
      database: c?.database ?? '',
      user: c?.user ?? '',
      tls: c?.tls ?? true,
      passwordStored: Boolean(c?.passwordCipher),
      secureStorage: ctx.services.secrets?.available() ?? false,
    };
  },

  'settings.cloud.save': async (input, ctx) => {
    checkTls(input);
    const previous = readCloudSettings(ctx.services.localSettings.read());
    let passwordCipher = previous?.passwordCipher ?? null;
    if (input.password) {
      const secrets = ctx.services.secrets;
      if (!secrets?.available()) {
        throw new DomainRuleError('no_secure_storage', 'This computer offers no secure storage for the password (OS keychain); give it at launch with KOPROGO_PG instead', { path: ['password'] });
      }
      passwordCipher = secrets.encrypt(input.password);
    }
    const stored: StoredCloudSettings = { host: input.host, port: input.port, database: input.database, user: input.user, tls: input.tls, passwordCipher };
    ctx.services.localSettings.write({ cloud: stored });
    ctx.audit('settings.cloud.save', 'settings', null, previous && { ...previous, passwordCipher: previous.passwordCipher ? '***' : null }, { ...stored, passwordCipher: passwordCipher ? '***' : null });
    return { saved: true };
  },

  'settings.cloud.test': async (input, ctx) => {
    checkTls(input);
    let password = input.password ?? null;
    if (!password) {
      const c = readCloudSettings(ctx.services.localSettings.read());
      if (c?.passwordCipher && ctx.services.secrets?.available()) password = ctx.services.secrets.decrypt(c.passwordCipher);
    }
    const client = new pg.Client({
      host: input.host, port: input.port, database: input.database, user: input.user, password: password ?? undefined,
      ssl: input.tls ? { rejectUnauthorized: true } : false, connectionTimeoutMillis: 5000,
    });
    try {
      await client.connect();
      const r = await client.query<{ v: string }>('select version() as v');
      return { reachable: true, message: r.rows[0]?.v.split(' ').slice(0, 2).join(' ') ?? 'connected' };
    } catch (e) {
      return { reachable: false, message: (e as Error).message };
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};
