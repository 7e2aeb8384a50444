import { BankAccountSchema, BuildingSchema, FirmSchema, LotSchema, OwnerSchema, OwnershipSchema } from './portfolio.entity.js';
import { FiscalYearSchema, JournalEntrySchema, JournalLineSchema, JournalSchema, LedgerAccountSchema } from './finance.entity.js';
import { ApprovalPolicySchema, DocumentSchema, InvoiceEventSchema, InvoiceSchema, SupplierSchema } from './invoices.entity.js';
import { ChargeStatementLineSchema, ChargeStatementSchema, DistributionKeySchema, DistributionKeyWeightSchema, FundCallLineSchema, FundCallSchema } from './charges.entity.js';
import { AgendaItemSchema, AssemblySchema, AttendanceSchema, ConvocationDeliverySchema, MeetingPersonSchema, VoteEventSchema, VoteSchema } from './governance.entity.js';
import { BankAllocationSchema, BankMovementSchema, BankStatementSchema, ReminderPolicySchema, ReminderSchema } from './banking.entity.js';
import { AuditRecordSchema, RoleAssignmentSchema, SettingSchema, UserSchema } from './system.entity.js';

export * from './portfolio.entity.js';
export * from './system.entity.js';
export * from './finance.entity.js';
export * from './invoices.entity.js';
export * from './charges.entity.js';
export * from './governance.entity.js';
export * from './banking.entity.js';

/** Every entity the ORM knows; new domains add theirs here. */
export const allEntities = [
  FirmSchema, BuildingSchema, BankAccountSchema, LotSchema, OwnerSchema, OwnershipSchema,
  UserSchema, RoleAssignmentSchema, AuditRecordSchema, SettingSchema,
  LedgerAccountSchema, JournalSchema, FiscalYearSchema, JournalEntrySchema, JournalLineSchema,
  DocumentSchema, SupplierSchema, InvoiceSchema, InvoiceEventSchema, ApprovalPolicySchema,
  DistributionKeySchema, DistributionKeyWeightSchema, FundCallSchema, FundCallLineSchema, ChargeStatementSchema, ChargeStatementLineSchema,
  AssemblySchema, AgendaItemSchema, AttendanceSchema, MeetingPersonSchema, VoteSchema, VoteEventSchema, ConvocationDeliverySchema,
  BankStatementSchema, BankMovementSchema, BankAllocationSchema, ReminderPolicySchema, ReminderSchema,
];
