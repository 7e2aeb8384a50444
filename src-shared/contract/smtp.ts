import { z } from 'zod';
import { command, query } from './define.js';
import { email, nonEmpty } from './fields.js';

/**
 * The firm's outgoing mail server, used for convocations by e-mail (art. 3.87 §3). The
 * password is kept like the cloud password: encrypted by the OS keychain, never returned.
 */
export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;

export const smtpSettingsInput = z.object({
  host: nonEmpty(255),
  port: z.number().int().min(1).max(65535).default(587),
  /** `tls`: TLS from the start (port 465); `starttls`: upgrade required (587); `none`: only towards this computer. */
  security: z.enum(SMTP_SECURITY).default('starttls'),
  user: z.string().trim().max(254).default(''),
  /** Empty or absent: keep the stored password. */
  password: z.string().max(500).optional(),
  from: email,
  fromName: z.string().trim().max(160).default(''),
});

export const smtpOperations = {
  'settings.smtp.get': query({
    summary: 'Outgoing mail server for convocations (password never returned)',
    permission: 'settings.manage',
    input: z.object({}),
    output: z.object({
      configured: z.boolean(), host: z.string(), port: z.number().int(), security: z.enum(SMTP_SECURITY), user: z.string(), from: z.string(), fromName: z.string(),
      passwordStored: z.boolean(), secureStorage: z.boolean(),
    }),
  }),
  'settings.smtp.save': command({
    summary: 'Save the outgoing mail server; the password goes to the OS keychain',
    permission: 'settings.manage',
    input: smtpSettingsInput,
    output: z.object({ saved: z.boolean() }),
  }),
};
