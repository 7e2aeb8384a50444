import { useCallback, useEffect, useState } from 'react';
import type { DefaultValues, FieldValues, Path, UseFormReset, UseFormSetError } from 'react-hook-form';
import type { Problem } from '../../src-shared/result.js';
import { useErrorText } from '../i18n/useErrorText.js';
import { ApiError } from './ApiError.js';

/**
 * Puts the server's problems on the form fields they name: `['bankAccounts', 0, 'iban']`
 * becomes the field `bankAccounts.0.iban`. `prefix` drops the wrapper of update inputs
 * (`{ id, data: {...} }` → problems under `['data', ...]`). Problems on no known field
 * are returned for the form-level alert.
 */
export function applyServerProblems<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: (field: string) => boolean,
  translate: (p: Problem) => string,
  prefix: readonly (string | number)[] = [],
  mapPath: (path: (string | number)[]) => (string | number)[] = (p) => p,
): { unplaced: Problem[]; placed: number } {
  if (!(error instanceof ApiError)) return { unplaced: [], placed: 0 };
  const problems: Problem[] = [...error.problems];
  // Domain rules name their field in details.path (e.g. transfer date, TLS).
  const rulePath = error.details?.path;
  if (!problems.length && error.rule && Array.isArray(rulePath)) {
    problems.push({ path: rulePath as (string | number)[], code: error.rule, message: error.message });
  }
  const unplaced: Problem[] = [];
  let placed = 0;
  let focused = false;
  for (const p of problems) {
    let path = p.path ?? [];
    if (prefix.length && prefix.every((seg, i) => path[i] === seg)) path = path.slice(prefix.length);
    path = mapPath(path);
    const field = path.join('.');
    if (field && knownFields(field)) {
      setError(field as Path<T>, { type: 'server', message: translate(p) }, { shouldFocus: !focused });
      focused = true;
      placed++;
    } else unplaced.push(p);
  }
  return { unplaced, placed };
}

/**
 * A form's server errors: problems go on their fields; what is left (or an error with no
 * problem at all) is shown once above the buttons.
 */
const NO_PREFIX: readonly (string | number)[] = [];

export function useServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  knownFields: (field: string) => boolean,
  prefix: readonly (string | number)[] = NO_PREFIX,
) {
  const { problemText } = useErrorText();
  const [formError, setFormError] = useState<{ error: unknown; problems: Problem[] } | null>(null);
  const apply = useCallback(
    /** `mapPath` maps a submitted path back to the form's (e.g. when empty rows were left out). */
    (error: unknown, mapPath?: (path: (string | number)[]) => (string | number)[]) => {
      const { unplaced, placed } = applyServerProblems(error, setError, knownFields, problemText, prefix, mapPath);
      setFormError(placed === 0 || unplaced.length > 0 ? { error, problems: unplaced } : null);
    },
    [setError, knownFields, problemText, prefix],
  );
  const clear = useCallback(() => setFormError(null), []);
  return { formError, apply, clear };
}

/**
 * A dialog's form, each time it opens: the values it starts from (`values()`, read then),
 * and no server error left from the last time. `deps` are what those values come from (the
 * record edited…): a change while the dialog is open starts it again from them.
 */
export function useResetOnOpen<T extends FieldValues>(
  opened: boolean,
  reset: UseFormReset<T>,
  clearServerErrors: () => void,
  values: () => DefaultValues<T> | T,
  deps: readonly unknown[] = [],
): void {
  useEffect(() => {
    if (opened) {
      reset(values());
      clearServerErrors();
    }
  }, [opened, reset, clearServerErrors, ...deps]); // eslint-disable-line react-hooks/exhaustive-deps
}
