import type { SessionUser } from '../../src-shared/contract/system.js';
import { roleAllows, type Permission } from '../../src-shared/permissions.js';

/** Hides what the role may not do; the server checks again on every call. */
export const can = (user: SessionUser | null, permission: Permission): boolean =>
  !!user && roleAllows(user.roles.map((r) => r.role), permission);
