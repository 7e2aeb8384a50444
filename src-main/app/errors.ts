import type { ErrorCode, Problem } from '../../src-shared/result.js';

/** Named errors thrown inside the main process; the dispatcher maps them to result codes. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: { problems?: Problem[]; rule?: string; [k: string]: unknown },
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: number | string) {
    super('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your role does not allow this') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 'Sign in first');
  }
}

export class ConflictError extends AppError {
  constructor(message: string, problems?: Problem[]) {
    super('CONFLICT', message, problems ? { problems } : undefined);
  }
}

/**
 * A business rule refused the operation; `rule` is a stable key for i18n. When the rule
 * names a field (`extra.path`), it is also given as a problem, the shape validation uses.
 */
export class DomainRuleError extends AppError {
  constructor(rule: string, message: string, extra: Record<string, unknown> = {}) {
    const path = Array.isArray(extra.path) ? (extra.path as (string | number)[]) : null;
    super('DOMAIN_RULE', message, { rule, ...extra, ...(path && !extra.problems ? { problems: [{ path, code: rule, message }] } : {}) });
  }
}

/** A file was rejected as a whole; problems name line and column. */
export class ImportInvalidError extends AppError {
  constructor(message: string, problems: Problem[]) {
    super('IMPORT_INVALID', message, { problems });
  }
}
