/**
 * Result envelopes: what crosses every boundary (IPC, HTTP, CLI, tests).
 * Inside the main process code throws named errors; the dispatcher maps them here.
 */
export const ERROR_CODES = [
  'VALIDATION', // input does not match the operation's schema
  'UNAUTHENTICATED', // no signed-in user
  'FORBIDDEN', // signed in, but the role does not allow it
  'NOT_FOUND',
  'CONFLICT', // unique constraint, stale data, already exists
  'DOMAIN_RULE', // a business rule refused it (details.rule says which)
  'IMPORT_INVALID', // a file was rejected (details.problems: line/column/message)
  'UNKNOWN_OPERATION',
  'DB_NEWER_VERSION',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with a precise location: a form field, or a line/column of a file. */
export interface Problem {
  path?: (string | number)[];
  line?: number;
  column?: number | string;
  code: string;
  message: string;
}

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  details?: { problems?: Problem[]; rule?: string; [k: string]: unknown };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorPayload): Result<never> => ({ ok: false, error });
