import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../src-shared/result.js';
import { isApiError } from '../api/ApiError.js';

/**
 * Error text for people: `errors.<code>` from the catalog (a problem's code, a domain
 * rule, or the error code), falling back to the server's own message.
 */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  const lookup = useCallback(
    (code: string | undefined, fallback: string): string => {
      const key = `errors.${code ?? ''}`;
      return code && i18n.exists(key) ? String(t(key as never)) : fallback;
    },
    [t, i18n],
  );

  const problemText = useCallback((p: Problem) => lookup(p.code, p.message), [lookup]);

  const errorText = useCallback(
    (e: unknown): string => {
      if (!isApiError(e)) return lookup('INTERNAL', e instanceof Error ? e.message : String(e));
      if (e.rule) return lookup(e.rule, e.message);
      const first = e.problems[0];
      if (e.code === 'VALIDATION' && first) return lookup(first.code, lookup(e.code, e.message));
      if (e.code === 'CONFLICT' && first) return lookup(first.code, e.message);
      return lookup(e.code, e.message);
    },
    [lookup],
  );

  return { problemText, errorText };
}
