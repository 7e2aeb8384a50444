import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { command, query } from './define.js';
import { address, email, id, language, nonEmpty, optionalBce } from './fields.js';

export const roleAssignment = z.object({ role: z.enum(ROLES), buildingId: id.nullable().default(null), ownerId: id.nullable().default(null) });
export type RoleAssignment = z.infer<typeof roleAssignment>;

export const sessionUser = z.object({
  id,
  email: z.string(),
  displayName: z.string(),
  language,
  roles: z.array(z.object({ role: z.enum(ROLES), buildingId: id.nullable(), ownerId: id.nullable() })),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const userRow = sessionUser.extend({ active: z.boolean(), createdAt: z.string() });

/** At least 10 characters: the database holds owners' personal data. */
export const password = z.string().min(10).max(200);

export const cloudSettingsInput = z.object({
  host: nonEmpty(255),
  port: z.number().int().min(1).max(65535).default(5432),
  database: nonEmpty(63),
  user: nonEmpty(63),
  password: z.string().max(500).optional(),
  /** TLS is required except towards this machine. */
  tls: z.boolean().default(true),
});

export const firm = z.object({
  name: z.string(),
  bce: z.string().nullable(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }).nullable(),
  /** IPI/BIV approval number of the syndic (institut professionnel des agents immobiliers). */
  ipiNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const systemOperations = {
  'firm.get': query({ summary: 'The syndic firm that runs this installation', permission: 'session', input: z.object({}), output: firm }),
  'firm.update': command({
    summary: 'Change the syndic firm’s identity (printed on letters and minutes)',
    permission: 'settings.manage',
    input: z.object({
      name: nonEmpty(160),
      bce: optionalBce,
      address: address.nullable().default(null),
      ipiNumber: z.string().trim().max(20).nullable().default(null),
      email: z.union([z.literal(''), z.null(), email]).optional().transform((v) => (v ? v : null)),
      phone: z.string().trim().max(40).nullable().default(null),
    }),
    output: firm,
  }),
  'system.info': query({
    summary: 'Version, database and whether anyone is signed in',
    permission: 'public',
    input: z.object({}),
    output: z.object({
      version: z.string(),
      driver: z.enum(['sqlite', 'postgresql']),
      database: z.string(),
      door: z.enum(['electron', 'browser', 'cli', 'test']),
      user: sessionUser.nullable(),
    }),
  }),
  'auth.signIn': command({
    summary: 'Sign in with e-mail and password',
    permission: 'public',
    transactional: false,
    input: z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) }),
    output: z.object({ user: sessionUser, sessionToken: z.string() }),
  }),
  'auth.signOut': command({ summary: 'Sign out', permission: 'public', input: z.object({}), output: z.object({}) }),
  'auth.changePassword': command({
    summary: 'Change my password',
    permission: 'session',
    input: z.object({ current: z.string().max(200), next: password }),
    output: z.object({}),
  }),
  'auth.updateProfile': command({
    summary: 'Change my display name or language',
    permission: 'session',
    input: z.object({ displayName: nonEmpty(120).optional(), language: language.optional() }),
    output: sessionUser,
  }),
  'users.list': query({ summary: 'Users of the firm', permission: 'users.manage', input: z.object({}), output: z.array(userRow) }),
  'users.create': command({
    summary: 'Create a user',
    permission: 'users.manage',
    input: z.object({ email: email.transform((s) => s.toLowerCase()), displayName: nonEmpty(120), language: language.default('fr'), password, roles: z.array(roleAssignment).min(1).max(50) }),
    output: z.object({ id }),
  }),
  'users.update': command({
    summary: 'Change a user’s roles, activity or password',
    permission: 'users.manage',
    input: z.object({ id, displayName: nonEmpty(120).optional(), active: z.boolean().optional(), password: password.optional(), roles: z.array(roleAssignment).min(1).max(50).optional() }),
    output: z.object({ id }),
  }),
  'audit.list': query({
    summary: 'Audit trail, newest first',
    permission: 'audit.read',
    input: z.object({ entity: z.string().max(40).optional(), entityId: id.optional(), limit: z.number().int().min(1).max(500).default(100), beforeId: id.optional() }),
    output: z.array(z.object({ id, at: z.string(), actor: z.string(), action: z.string(), entity: z.string(), entityId: z.number().int().nullable(), before: z.unknown(), after: z.unknown() })),
  }),
  'settings.cloud.get': query({
    summary: 'Cloud PostgreSQL connection (password never returned)',
    permission: 'settings.manage',
    input: z.object({}),
    output: z.object({ configured: z.boolean(), host: z.string(), port: z.number().int(), database: z.string(), user: z.string(), tls: z.boolean(), passwordStored: z.boolean(), secureStorage: z.boolean() }),
  }),
  'settings.cloud.save': command({
    summary: 'Save the cloud PostgreSQL connection; the password goes to the OS keychain',
    permission: 'settings.manage',
    input: cloudSettingsInput,
    output: z.object({ saved: z.boolean() }),
  }),
  'settings.cloud.test': command({
    summary: 'Try to connect to the cloud PostgreSQL with the given settings',
    permission: 'settings.manage',
    input: cloudSettingsInput,
    output: z.object({ reachable: z.boolean(), message: z.string() }),
  }),
  'db.status': query({
    summary: 'Database, schema version and backups',
    permission: 'db.admin',
    input: z.object({}),
    output: z.object({ driver: z.enum(['sqlite', 'postgresql']), location: z.string(), migrations: z.array(z.string()), backups: z.array(z.object({ file: z.string(), size: z.number(), at: z.string() })) }),
  }),
  'db.backup': command({
    summary: 'Back up the local database now',
    permission: 'db.admin',
    transactional: false,
    input: z.object({}),
    output: z.object({ file: z.string() }),
  }),
};
