import { BankAccountSchema, BuildingSchema, FirmSchema, LotSchema, OwnerSchema, OwnershipSchema } from './portfolio.entity.js';
import { FiscalYearSchema, JournalEntrySchema, JournalLineSchema, JournalSchema, LedgerAccountSchema } from './finance.entity.js';
import { AuditRecordSchema, RoleAssignmentSchema, SettingSchema, UserSchema } from './system.entity.js';

export * from './portfolio.entity.js';
export * from './system.entity.js';
export * from './finance.entity.js';

/** Every entity the ORM knows; new domains add theirs here. */
export const allEntities = [
  FirmSchema, BuildingSchema, BankAccountSchema, LotSchema, OwnerSchema, OwnershipSchema,
  UserSchema, RoleAssignmentSchema, AuditRecordSchema, SettingSchema,
  LedgerAccountSchema, JournalSchema, FiscalYearSchema, JournalEntrySchema, JournalLineSchema,
];
