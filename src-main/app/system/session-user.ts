import type { EntityManager } from '@mikro-orm/knex';
import type { SessionUser } from '../../../src-shared/contract/system.js';
import type { Language } from '../../../src-shared/contract/fields.js';
import type { Role } from '../../../src-shared/permissions.js';
import { OwnershipSchema, RoleAssignmentSchema, UserSchema, type User } from '../../db/entities/index.js';
import type { Actor, Scope } from '../context.js';

export async function rolesOf(em: EntityManager, userId: number): Promise<SessionUser['roles']> {
  const rows = await em.find(RoleAssignmentSchema, { user: userId }, { orderBy: { id: 'asc' } });
  return rows.map((r) => ({ role: r.role as Role, buildingId: r.building?.id ?? null, ownerId: r.owner?.id ?? null }));
}

export function toSessionUser(u: User, roles: SessionUser['roles']): SessionUser {
  return { id: u.id, email: u.email, displayName: u.displayName, language: u.language as Language, roles };
}

export async function loadSessionUser(em: EntityManager, userId: number): Promise<SessionUser | null> {
  const u = await em.findOne(UserSchema, { id: userId, active: true });
  return u ? toSessionUser(u, await rolesOf(em, userId)) : null;
}

const FIRM_ROLES: Role[] = ['admin', 'syndic', 'accountant'];

/**
 * Council members see the buildings they sit for; owners see the buildings where they
 * hold a lot today, and only their own lots there.
 */
export async function computeScope(em: EntityManager, actor: Actor): Promise<Scope> {
  if (actor.roles.some((r) => FIRM_ROLES.includes(r.role))) return { all: true, buildingIds: new Set(), ownerIds: null };
  const buildingIds = new Set<number>();
  for (const r of actor.roles) if (r.role === 'council' && r.buildingId !== null) buildingIds.add(r.buildingId);
  const ownerIds = new Set(actor.roles.filter((r) => r.role === 'owner' && r.ownerId !== null).map((r) => r.ownerId as number));
  if (ownerIds.size > 0) {
    const ships = await em.find(OwnershipSchema, { owner: { $in: [...ownerIds] }, validTo: null }, { populate: ['lot'] });
    for (const s of ships) buildingIds.add(s.lot.building.id);
  }
  const councilOnly = actor.roles.some((r) => r.role === 'council');
  return { all: false, buildingIds, ownerIds: councilOnly ? null : ownerIds };
}
