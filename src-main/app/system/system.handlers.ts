import { UserSchema, RoleAssignmentSchema, AuditRecordSchema } from '../../db/entities/index.js';
import type { Handlers, HandlerContext } from '../context.js';
import { ConflictError, DomainRuleError, NotFoundError } from '../errors.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { loadSessionUser, rolesOf, toSessionUser } from './session-user.js';
import type { RoleAssignment } from '../../../src-shared/contract/system.js';
import { appliedMigrations } from '../../db/orm.js';
import { backupSqlite, listBackups } from '../../db/backup.js';

/** A constant-time-ish refusal: the same message whether the e-mail exists or not. */
const BAD_CREDENTIALS = 'E-mail or password is wrong';
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function setRoles(ctx: HandlerContext, userId: number, roles: RoleAssignment[]) {
  for (const r of roles) {
    if (r.role === 'council' && r.buildingId === null) throw new DomainRuleError('council_needs_building', 'A council member sits for one building: choose it', { path: ['roles'] });
    if (r.role === 'owner' && r.ownerId === null) throw new DomainRuleError('owner_role_needs_owner', 'An owner account is linked to an owner: choose it', { path: ['roles'] });
    ctx.em.create(RoleAssignmentSchema, { user: userId, role: r.role, building: r.buildingId, owner: r.ownerId });
  }
}

export const systemHandlers: Handlers<
  'system.info' | 'auth.signIn' | 'auth.signOut' | 'auth.changePassword' | 'auth.updateProfile' | 'users.list' | 'users.create' | 'users.update' | 'audit.list' | 'db.status' | 'db.backup'
> = {
  'system.info': async (_input, ctx) => ({
    version: ctx.services.version,
    driver: ctx.services.db.target.driver,
    database: ctx.services.db.location,
    door: ctx.services.door,
    user: ctx.actor.user,
  }),

  'auth.signIn': async ({ email, password }, ctx) => {
    const u = await ctx.em.findOne(UserSchema, { email });
    const okPw = await verifyPassword(password, u?.passwordHash ?? DUMMY_HASH);
    if (!u || !u.active || !okPw) {
      ctx.em.create(AuditRecordSchema, { at: ctx.now(), actor: 'anonymous', action: 'auth.signIn.failed', entity: 'user', entityId: u?.id ?? null, before: null, after: null });
      await ctx.em.flush(); // failed attempts stay in the audit trail
      throw new DomainRuleError('bad_credentials', BAD_CREDENTIALS);
    }
    const sessionToken = ctx.services.sessions.open(u.id);
    ctx.em.create(AuditRecordSchema, { at: ctx.now(), actor: `user:${u.id}`, action: 'auth.signIn', entity: 'user', entityId: u.id, before: null, after: null });
    return { user: toSessionUser(u, await rolesOf(ctx.em, u.id)), sessionToken };
  },

  'auth.signOut': async (_input, ctx) => {
    ctx.services.sessions.close(ctx.sessionToken);
    return {};
  },

  'auth.changePassword': async ({ current, next }, ctx) => {
    const u = await ctx.em.findOneOrFail(UserSchema, { id: ctx.actor.userId ?? -1 });
    if (!(await verifyPassword(current, u.passwordHash))) throw new DomainRuleError('bad_credentials', 'The current password is wrong', { path: ['current'] });
    u.passwordHash = await hashPassword(next);
    ctx.audit('user.passwordChanged', 'user', u.id, null, null);
    return {};
  },

  'auth.updateProfile': async ({ displayName, language }, ctx) => {
    const u = await ctx.em.findOne(UserSchema, { id: ctx.actor.userId ?? -1 });
    if (!u) throw new DomainRuleError('no_user', 'Only a signed-in user has a profile');
    const before = { displayName: u.displayName, language: u.language };
    if (displayName !== undefined) u.displayName = displayName;
    if (language !== undefined) u.language = language;
    ctx.services.sessions.forgetUser(u.id);
    ctx.audit('user.updateProfile', 'user', u.id, before, { displayName: u.displayName, language: u.language });
    return toSessionUser(u, await rolesOf(ctx.em, u.id));
  },

  'users.list': async (_input, ctx) => {
    const users = await ctx.em.find(UserSchema, {}, { orderBy: { displayName: 'asc' } });
    return Promise.all(users.map(async (u) => ({ ...toSessionUser(u, await rolesOf(ctx.em, u.id)), active: u.active, createdAt: u.createdAt.toISOString() })));
  },

  'users.create': async (input, ctx) => {
    if (await ctx.em.count(UserSchema, { email: input.email })) {
      throw new ConflictError('A user with this e-mail exists', [{ path: ['email'], code: 'email_taken', message: 'A user with this e-mail exists' }]);
    }
    const u = ctx.em.create(UserSchema, {
      email: input.email, displayName: input.displayName, language: input.language,
      passwordHash: await hashPassword(input.password), active: true, createdAt: ctx.now(),
    });
    await ctx.em.flush();
    setRoles(ctx, u.id, input.roles);
    ctx.audit('user.create', 'user', u.id, null, { email: u.email, displayName: u.displayName, roles: input.roles });
    return { id: u.id };
  },

  'users.update': async (input, ctx) => {
    const u = await ctx.em.findOne(UserSchema, { id: input.id });
    if (!u) throw new NotFoundError('User', input.id);
    const before = await loadSessionUser(ctx.em, u.id);
    if (input.displayName !== undefined) u.displayName = input.displayName;
    if (input.active !== undefined) {
      if (!input.active && u.id === ctx.actor.userId) throw new DomainRuleError('cannot_deactivate_self', 'You cannot deactivate your own account');
      u.active = input.active;
      if (!u.active) ctx.services.sessions.closeAllFor(u.id);
    }
    if (input.password !== undefined) u.passwordHash = await hashPassword(input.password);
    if (input.roles !== undefined) {
      await ctx.em.nativeDelete(RoleAssignmentSchema, { user: u.id });
      setRoles(ctx, u.id, input.roles);
    }
    ctx.services.sessions.forgetUser(u.id);
    ctx.audit('user.update', 'user', u.id, before && { displayName: before.displayName, roles: before.roles }, {
      displayName: u.displayName, active: u.active, roles: input.roles ?? before?.roles, passwordChanged: input.password !== undefined,
    });
    return { id: u.id };
  },

  'audit.list': async ({ entity, entityId, limit, beforeId }, ctx) => {
    const where: Record<string, unknown> = {};
    if (entity) where.entity = entity;
    if (entityId !== undefined) where.entityId = entityId;
    if (beforeId !== undefined) where.id = { $lt: beforeId };
    const rows = await ctx.em.find(AuditRecordSchema, where, { orderBy: { id: 'desc' }, limit });
    return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entityId ?? null, before: r.before, after: r.after }));
  },

  'db.status': async (_input, ctx) => ({
    driver: ctx.services.db.target.driver,
    location: ctx.services.db.location,
    migrations: await appliedMigrations(ctx.services.db),
    backups: ctx.services.backupDir ? listBackups(ctx.services.backupDir) : [],
  }),

  'db.backup': async (_input, ctx) => {
    if (!ctx.services.backupDir) throw new DomainRuleError('backup_cloud', 'The cloud database is backed up by the cloud service');
    const file = await backupSqlite(ctx.services.db, ctx.services.backupDir, 'manual', ctx.now());
    ctx.audit('db.backup', 'database', null, null, { file });
    return { file };
  },
};
