/**
 * Application log. It must never carry personal data (GDPR): callers pass operation
 * names, codes and counts, never names, addresses, e-mails or amounts of a person.
 */
const quiet = () => process.env.KOPROGO_QUIET === '1' || process.env.VITEST === 'true';
export const log = {
  info: (msg: string) => { if (!quiet()) process.stderr.write(`[koprogo] ${msg}\n`); },
  warn: (msg: string) => { if (!quiet()) process.stderr.write(`[koprogo] warning: ${msg}\n`); },
  error: (msg: string, stack?: string) => { process.stderr.write(`[koprogo] error: ${msg}${stack ? `\n${stack}` : ''}\n`); },
};
