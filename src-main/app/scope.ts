import { BuildingSchema, type Building } from '../db/entities/index.js';
import type { HandlerContext } from './context.js';
import { NotFoundError } from './errors.js';

/** The building, if it exists and the caller may see it (else NOT_FOUND: we do not confirm it exists). */
export async function buildingInScope(ctx: HandlerContext, id: number): Promise<Building> {
  const b = await ctx.em.findOne(BuildingSchema, { id });
  const scope = await ctx.scope();
  if (!b || (!scope.all && !scope.buildingIds.has(id))) throw new NotFoundError('Building', id);
  return b;
}

/**
 * Refuses a building outside the caller's scope without reading it: for the firm's roles
 * (scope "all") nothing is read; a building that does not exist then shows as empty data.
 */
export async function assertBuildingVisible(ctx: HandlerContext, id: number): Promise<void> {
  const scope = await ctx.scope();
  if (!scope.all && !scope.buildingIds.has(id)) throw new NotFoundError('Building', id);
}
