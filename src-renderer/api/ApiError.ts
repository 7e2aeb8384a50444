import type { AppErrorPayload, Problem } from '../../src-shared/result.js';

/**
 * Codes the renderer adds to the contract's: the server could not be reached, or the
 * page was not opened with the launch link (browser mode answers 401 before any handler).
 */
export type ClientErrorCode = 'NETWORK' | 'LAUNCH_TOKEN';

/** A `{ ok: false }` result, thrown by `call` so TanStack Query sees a failure. */
export class ApiError extends Error {
  readonly code: AppErrorPayload['code'] | ClientErrorCode;
  readonly problems: Problem[];
  /** `details.rule` of DOMAIN_RULE errors: a stable key, translated as errors.<rule>. */
  readonly rule: string | undefined;
  readonly details: AppErrorPayload['details'];

  constructor(payload: { code: AppErrorPayload['code'] | ClientErrorCode; message: string; details?: AppErrorPayload['details'] }) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.details = payload.details;
    this.problems = payload.details?.problems ?? [];
    this.rule = typeof payload.details?.rule === 'string' ? payload.details.rule : undefined;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
