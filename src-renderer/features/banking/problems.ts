import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../src-shared/result.js';

/**
 * A refused statement file's problems in words: where (the line of a CODA file, the
 * element of a CAMT file, or the statement and movement) and what, from the catalog
 * (`bank.problems.<code>`: an IBAN unknown to the books is not the ledger's unknown
 * account), else the server's message.
 */
export function useBankProblemText() {
  const { t, i18n } = useTranslation();
  const what = useCallback(
    (p: Problem) => {
      for (const key of [`bank.problems.${p.code}`, `errors.${p.code}`]) if (i18n.exists(key)) return String(t(key as never));
      return p.message;
    },
    [t, i18n],
  );
  const where = useCallback(
    (p: Problem): string | null => {
      const path = p.path ?? [];
      if (path[0] === 'statements' && typeof path[1] === 'number') {
        const statement = t('bank.problems.statement', { n: path[1] + 1 });
        if (path[2] === 'movements' && typeof path[3] === 'number') return t('bank.problems.movementOf', { statement, n: path[3] + 1 });
        const field = typeof path[2] === 'string' && i18n.exists(`bank.problems.fields.${path[2]}`) ? String(t(`bank.problems.fields.${path[2]}` as never)) : null;
        return field ? t('bank.problems.fieldOf', { statement, field }) : statement;
      }
      if (p.line !== undefined && p.line > 0) return t('bank.problems.line', { line: p.line });
      if (typeof path[0] === 'string' && path[0]) return t('bank.problems.element', { path: path[0] });
      return null;
    },
    [t, i18n],
  );
  /**
   * The server's own words (English, technical): the reader's message for an unreadable
   * record or element, the IBAN, balances and dates of the others — shown under the text.
   */
  const detail = useCallback((p: Problem): string | null => (what(p) === p.message ? null : p.message), [what]);
  return { what, where, detail };
}
