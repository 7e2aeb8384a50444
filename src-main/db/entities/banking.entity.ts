import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { FundCallLineSchema } from './charges.entity.js';
import { InvoiceSchema } from './invoices.entity.js';
import { BankAccountSchema, BuildingSchema, OwnerSchema } from './portfolio.entity.js';

/**
 * A bank statement imported from a CODA or CAMT.053 file. `dedupKey` (sequence, date,
 * opening and closing balances) with the account recognizes the same statement imported
 * twice, whichever file it came in.
 */
export const BankStatementSchema = defineEntity({
  name: 'BankStatement',
  tableName: 'bank_statement',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    bankAccount: p.manyToOne(BankAccountSchema),
    /** coda | camt053 */
    format: p.string().length(8),
    sequence: p.string().length(10).nullable(),
    date: p.date().nullable(),
    openingBalanceCents: p.bigint('number'),
    closingBalanceCents: p.bigint('number'),
    movementCount: p.integer(),
    dedupKey: p.string().length(80),
    fileName: p.string().length(260),
    fileSha256: p.string().length(64),
    importedAt: p.datetime(),
    importedBy: p.string().length(120),
  }),
  uniques: [{ properties: ['bankAccount', 'dedupKey'] }],
  indexes: [{ properties: ['building', 'date'] }],
});
export type BankStatement = InferEntity<typeof BankStatementSchema>;

/** One movement of an imported statement; its status follows the allocations that match it. */
export const BankMovementSchema = defineEntity({
  name: 'BankMovement',
  tableName: 'bank_movement',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    statement: p.manyToOne(BankStatementSchema),
    building: p.manyToOne(BuildingSchema),
    sequence: p.string().length(4),
    /** The date it is booked on: booking date, else value date, else the statement's. */
    date: p.date(),
    bookingDate: p.date().nullable(),
    valueDate: p.date().nullable(),
    amountCents: p.bigint('number'),
    counterpartyName: p.string().length(140).nullable(),
    counterpartyAccount: p.string().length(34).nullable(),
    structuredReference: p.string().length(35).nullable(),
    communication: p.string().length(1000).nullable(),
    bankReference: p.string().length(60).nullable(),
    /** The entry that posted it on the bank journal (D 55x / C 499, or back): one per statement and booking date. */
    entryId: p.integer().nullable(),
    /** unmatched | partial | matched */
    status: p.string().length(10),
    /** What the active allocations cover, in cents (positive). */
    allocatedCents: p.bigint('number'),
  }),
  indexes: [
    { name: 'bank_movement_page', properties: ['building', 'status', 'id'] },
    { properties: ['statement'] },
  ],
});
export type BankMovement = InferEntity<typeof BankMovementSchema>;

/**
 * What a movement pays: a call-for-funds line, an invoice, or an owner's account as a
 * credit (overpayment, or a refund when the movement is a debit). Each match posts one
 * entry (`entryId`) moving the amount out of the suspense account 499; un-matching posts
 * its reversal (`reversalEntryId`) and keeps the row as history. Active rows (no
 * reversal) are what a call line or an invoice has received (ADR 0016).
 */
export const BankAllocationSchema = defineEntity({
  name: 'BankAllocation',
  tableName: 'bank_allocation',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    movement: p.manyToOne(BankMovementSchema),
    building: p.manyToOne(BuildingSchema),
    /** call_line | invoice | owner_credit */
    kind: p.string().length(12),
    callLine: p.manyToOne(FundCallLineSchema).nullable(),
    invoice: p.manyToOne(InvoiceSchema).nullable(),
    owner: p.manyToOne(OwnerSchema).nullable(),
    amountCents: p.bigint('number'),
    /** How it was found: ogm, ogm_text, iban_amount, invoice_ref, invoice_number, name, manual… */
    rule: p.string().length(20),
    confidence: p.integer().nullable(),
    entryId: p.integer(),
    createdAt: p.datetime(),
    createdBy: p.string().length(120),
    reversalEntryId: p.integer().nullable(),
    reversedAt: p.datetime().nullable(),
  }),
  indexes: [{ properties: ['movement'] }, { properties: ['callLine'] }, { properties: ['invoice'] }, { properties: ['owner'] }],
});
export type BankAllocation = InferEntity<typeof BankAllocationSchema>;

export interface ReminderLevelRule {
  /** Days after the due date from which this level may be sent. */
  days: number;
  /** Fee charged to the owner at this level, in cents (0: none). */
  feeCents: number;
}

/**
 * How a building reminds unpaid calls: four levels (friendly reminder, formal notice, last
 * notice, handed to a lawyer), their delays and fees, and late interest — only as far as
 * the building's rules (règlement de copropriété / reglement van mede-eigendom) allow.
 */
export const ReminderPolicySchema = defineEntity({
  name: 'ReminderPolicy',
  tableName: 'reminder_policy',
  properties: (p) => ({
    building: p.oneToOne(BuildingSchema).primary(),
    levels: p.json<ReminderLevelRule[]>(),
    interestApplies: p.boolean(),
    /** Yearly rate in basis points (800 = 8 %). */
    interestRateBp: p.integer(),
    updatedAt: p.datetime(),
  }),
});
export type ReminderPolicyRow = InferEntity<typeof ReminderPolicySchema>;

/** A reminder sent to an owner: its level, what was due, the fee and interest posted. */
export const ReminderSchema = defineEntity({
  name: 'Reminder',
  tableName: 'reminder',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    owner: p.manyToOne(OwnerSchema),
    level: p.integer(),
    date: p.date(),
    /** The calls still open that the letter names: [{ callLineId, ogm, openCents }]. */
    lines: p.json<{ callLineId: number; ogm: string; openCents: number }[]>(),
    dueCents: p.bigint('number'),
    feeCents: p.bigint('number'),
    interestCents: p.bigint('number'),
    /** The entry posting the fee and interest (D 4101-<owner> / C 740, 750); null when both are 0. */
    entryId: p.integer().nullable(),
    documentId: p.integer().nullable(),
    createdAt: p.datetime(),
    createdBy: p.string().length(120),
  }),
  indexes: [{ properties: ['building', 'owner'] }, { properties: ['owner'] }],
});
export type Reminder = InferEntity<typeof ReminderSchema>;
