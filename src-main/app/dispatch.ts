import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { z } from 'zod';
import { isOperationName, operations, type EventName, type EventPayload } from '../../src-shared/contract/index.js';
import { roleAllows, type Role } from '../../src-shared/permissions.js';
import type { Problem, Result } from '../../src-shared/result.js';
import { AuditRecordSchema } from '../db/entities/index.js';
import { DatabaseNewerError } from '../db/errors.js';
import type { Actor, HandlerContext, HandlerMap, Scope, Services } from './context.js';
import { AppError } from './errors.js';
import { loadSessionUser, computeScope } from './system/session-user.js';
import { log } from './log.js';

export interface Caller {
  sessionToken?: string | undefined;
  /** The command line acts as the firm's administrator: it runs with access to the database file. */
  cli?: boolean;
}

const ANONYMOUS: Actor = { kind: 'anonymous', userId: null, label: 'anonymous', roles: [], user: null };
const CLI: Actor = { kind: 'cli', userId: null, label: 'cli', roles: [{ role: 'admin', buildingId: null, ownerId: null }], user: null };

/** zod issues → problems that name the field. */
export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => {
    const params = (i as { params?: { code?: string } }).params;
    return { path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code: params?.code ?? i.code, message: i.message };
  });
}

/** The one entry point of every door: validate, authorize, run, map errors to codes. */
export class Dispatcher {
  constructor(
    readonly services: Services,
    private readonly handlers: HandlerMap,
  ) {}

  async call(name: string, rawInput: unknown, caller: Caller = {}): Promise<Result<unknown>> {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation ${JSON.stringify(name).slice(0, 80)}` } };
    }
    const def = operations[name];
    const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error);
      const first = problems[0];
      const where = first?.path?.length ? ` (${first.path.join('.')})` : '';
      return { ok: false, error: { code: 'VALIDATION', message: `Invalid input${where}: ${first?.message ?? ''}`, details: { problems } } };
    }
    const baseEm = this.services.db.em();
    const pendingEvents: [EventName, unknown][] = [];
    try {
      const actor = caller.cli ? CLI : await this.actorFor(baseEm, caller.sessionToken);
      if (def.permission !== 'public') {
        if (actor.kind === 'anonymous') return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } };
        if (!roleAllows(actor.roles.map((r) => r.role), def.permission)) {
          return { ok: false, error: { code: 'FORBIDDEN', message: `Your role does not allow ${name}` } };
        }
      }
      const handler = this.handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      const run = (em: EntityManager) => handler(parsed.data, this.context(em, actor, caller.sessionToken, pendingEvents));
      let value: unknown;
      if (def.transactional) value = await baseEm.transactional((em) => run(em as EntityManager));
      else {
        value = await run(baseEm);
        if (def.mutates) await baseEm.flush();
      }
      if (this.services.door === 'test') def.output.parse(value); // the contract's outputs are checked in tests
      for (const [ev, payload] of pendingEvents) this.services.events.emit(ev, payload as EventPayload<typeof ev>);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: mapError(e, name) };
    }
  }

  private async actorFor(em: EntityManager, token: string | undefined): Promise<Actor> {
    const userId = this.services.sessions.userId(token);
    if (userId === null) return ANONYMOUS;
    const user = this.services.sessions.cachedUser(userId) ?? (await loadSessionUser(em, userId));
    if (!user) {
      this.services.sessions.close(token);
      return ANONYMOUS;
    }
    this.services.sessions.rememberUser(user);
    return { kind: 'user', userId, label: `user:${userId}`, roles: user.roles, user };
  }

  private context(em: EntityManager, actor: Actor, sessionToken: string | undefined, pendingEvents: [EventName, unknown][]): HandlerContext {
    let scope: Promise<Scope> | null = null;
    const services = this.services;
    return {
      em,
      actor,
      services,
      sessionToken,
      now: () => services.now(),
      hasRole: (...roles: Role[]) => actor.roles.some((r) => roles.includes(r.role)),
      scope: () => (scope ??= computeScope(em, actor)),
      audit(action, entity, entityId, before, after) {
        em.create(AuditRecordSchema, { at: services.now(), actor: actor.label, action, entity, entityId, before: before ?? null, after: after ?? null });
      },
      emit(ev, payload) {
        pendingEvents.push([ev, payload]);
      },
    };
  }
}

export function mapError(e: unknown, operation: string): { code: AppError['code']; message: string; details?: AppError['details'] } {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  if (e instanceof UniqueConstraintViolationException) return { code: 'CONFLICT', message: 'This already exists (a unique value is taken)' };
  if (e instanceof ForeignKeyConstraintViolationException) return { code: 'CONFLICT', message: 'This is still in use elsewhere' };
  if (e instanceof DatabaseNewerError) return { code: 'DB_NEWER_VERSION', message: e.message };
  // Never log the message: it may quote data. The stack names only code.
  log.error(`operation ${operation} failed: ${(e as Error)?.name ?? 'Error'}`, (e as Error)?.stack?.split('\n').slice(1, 6).join('\n'));
  return { code: 'INTERNAL', message: 'Something went wrong; nothing was changed. The error was logged.' };
}
