import type { z } from 'zod';
import type { smtpSettingsInput } from '../../../src-shared/contract/smtp.js';
import type { Handlers, Services } from '../context.js';
import { DomainRuleError } from '../errors.js';
import { isLocalHost } from './settings.handlers.js';

export interface StoredSmtpSettings {
  host: string;
  port: number;
  security: 'starttls' | 'tls' | 'none';
  user: string;
  from: string;
  fromName: string;
  /** Encrypted by the OS keychain (Electron safeStorage); never the plain password. */
  passwordCipher: string | null;
}

export function readSmtpSettings(raw: Record<string, unknown>): StoredSmtpSettings | null {
  const s = raw.smtp as StoredSmtpSettings | undefined;
  return s && typeof s.host === 'string' && typeof s.from === 'string' ? s : null;
}

/** The settings with the password decrypted, for the mailer only; null when none are saved. */
export function smtpConnection(services: Services): (StoredSmtpSettings & { password: string | null }) | null {
  const s = readSmtpSettings(services.localSettings.read());
  if (!s) return null;
  const password = s.passwordCipher && services.secrets?.available() ? services.secrets.decrypt(s.passwordCipher) : null;
  return { ...s, password };
}

type SmtpInput = z.output<typeof smtpSettingsInput>;

export const smtpSettingsHandlers: Handlers<'settings.smtp.get' | 'settings.smtp.save'> = {
  'settings.smtp.get': async (_input, ctx) => {
    const s = readSmtpSettings(ctx.services.localSettings.read());
    return {
      configured: s !== null, host: s?.host ?? '', port: s?.port ?? 587, security: s?.security ?? 'starttls', user: s?.user ?? '', from: s?.from ?? '', fromName: s?.fromName ?? '',
      passwordStored: Boolean(s?.passwordCipher), secureStorage: ctx.services.secrets?.available() ?? false,
    };
  },

  'settings.smtp.save': async (input: SmtpInput, ctx) => {
    // Convocations carry owners' personal data: no clear text towards another machine.
    if (input.security === 'none' && !isLocalHost(input.host)) {
      throw new DomainRuleError('tls_required', 'TLS (or STARTTLS) is required to send mail through a server other than this computer', { path: ['security'] });
    }
    const previous = readSmtpSettings(ctx.services.localSettings.read());
    let passwordCipher = previous?.passwordCipher ?? null;
    if (input.password) {
      const secrets = ctx.services.secrets;
      if (!secrets?.available()) throw new DomainRuleError('no_secure_storage', 'This computer offers no secure storage for the password (OS keychain)', { path: ['password'] });
      passwordCipher = secrets.encrypt(input.password);
    }
    if (!input.user) passwordCipher = null;
    const stored: StoredSmtpSettings = { host: input.host, port: input.port, security: input.security, user: input.user, from: input.from, fromName: input.fromName, passwordCipher };
    ctx.services.localSettings.write({ smtp: stored });
    const masked = (s: StoredSmtpSettings | null) => s && { ...s, passwordCipher: s.passwordCipher ? '***' : null };
    ctx.audit('settings.smtp.save', 'settings', null, masked(previous), masked(stored));
    return { saved: true };
  },
};
