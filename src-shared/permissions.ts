/** Roles of the software (see domain doc "Roles in the software"). */
export const ROLES = ['admin', 'syndic', 'accountant', 'council', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** Permissions an operation may require. `public` needs no sign-in. */
export const PERMISSIONS = [
  'public',
  'session', // any signed-in user
  'portfolio.read',
  'portfolio.write',
  'finance.read',
  'finance.write',
  'finance.close',
  'invoices.approve',
  'governance.write',
  'users.manage',
  'settings.manage',
  'audit.read',
  'db.admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What each role may do. Council members (conseil de copropriété / raad van
 * mede-eigendom) and owners (copropriétaires / mede-eigenaars) are further limited to
 * their buildings / own lots by the handlers' scope.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['session', 'portfolio.read', 'portfolio.write', 'finance.read', 'finance.write', 'finance.close', 'invoices.approve', 'governance.write', 'users.manage', 'settings.manage', 'audit.read', 'db.admin'],
  syndic: ['session', 'portfolio.read', 'portfolio.write', 'finance.read', 'finance.write', 'finance.close', 'invoices.approve', 'governance.write', 'audit.read'],
  accountant: ['session', 'portfolio.read', 'portfolio.write', 'finance.read', 'finance.write'],
  council: ['session', 'portfolio.read', 'finance.read', 'invoices.approve'],
  owner: ['session', 'portfolio.read'],
};

export function roleAllows(roles: readonly Role[], permission: Permission): boolean {
  if (permission === 'public') return true;
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}
