import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { BuildingSchema, OwnerSchema } from './portfolio.entity.js';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    email: p.string().length(254).unique(),
    displayName: p.string().length(120),
    language: p.string().length(2),
    /** scrypt, self-describing: "scrypt$N$r$p$salt$hash" (base64). */
    passwordHash: p.string().length(300),
    active: p.boolean(),
    createdAt: p.datetime(),
  }),
});
export type User = InferEntity<typeof UserSchema>;

/** A role held by a user; council members and owners are scoped to a building / an owner. */
export const RoleAssignmentSchema = defineEntity({
  name: 'RoleAssignment',
  tableName: 'role_assignment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    user: p.manyToOne(UserSchema).deleteRule('cascade'),
    role: p.string().length(12),
    building: p.manyToOne(BuildingSchema).nullable(),
    owner: p.manyToOne(OwnerSchema).nullable(),
  }),
});
export type RoleAssignment = InferEntity<typeof RoleAssignmentSchema>;

/** Who changed what, when, with the values before and after. Never written to logs. */
export const AuditRecordSchema = defineEntity({
  name: 'AuditRecord',
  tableName: 'audit_record',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    at: p.datetime(),
    actor: p.string().length(120),
    action: p.string().length(60),
    entity: p.string().length(40),
    entityId: p.integer().nullable(),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
  }),
  indexes: [{ properties: ['entity', 'entityId'] }],
});
export type AuditRecord = InferEntity<typeof AuditRecordSchema>;

/** Key/value settings of this database (firm-wide). */
export const SettingSchema = defineEntity({
  name: 'Setting',
  tableName: 'setting',
  properties: (p) => ({
    key: p.string().length(80).primary(),
    value: p.json<unknown>(),
  }),
});
export type Setting = InferEntity<typeof SettingSchema>;
