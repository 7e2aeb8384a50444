import nodemailer from 'nodemailer';
import type { StoredSmtpSettings } from '../system/smtp-settings.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachment: { fileName: string; content: Uint8Array };
}

export interface Mailer {
  /** Sends one message; resolves with the server's message id, rejects with its error. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

/**
 * One SMTP connection for a batch of convocations (nodemailer). `tls` is TLS from the
 * start, `starttls` requires the upgrade (refusing to go on in clear), `none` is allowed by
 * the settings only towards this computer. Certificates are checked. Nothing is logged.
 */
export function smtpMailer(s: StoredSmtpSettings & { password: string | null }): Mailer {
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    pool: true,
    maxConnections: 1,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  const from = s.fromName ? { name: s.fromName, address: s.from } : s.from;
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from, to: mail.to, subject: mail.subject, text: mail.text,
        attachments: [{ filename: mail.attachment.fileName, content: Buffer.from(mail.attachment.content), contentType: 'application/pdf' }],
      });
      return String(info.messageId ?? '');
    },
    close: () => transport.close(),
  };
}
