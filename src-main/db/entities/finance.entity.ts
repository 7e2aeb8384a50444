import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { BankAccountSchema, BuildingSchema, OwnerSchema } from './portfolio.entity.js';

/**
 * An account of a building's chart (PCMN for ACPs, AR 12/07/2012), or one of the
 * building's own sub-accounts: per owner under 4100/4101, per supplier under 440, per bank
 * account under 550/551.
 */
export const LedgerAccountSchema = defineEntity({
  name: 'LedgerAccount',
  tableName: 'ledger_account',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    code: p.string().length(16),
    labelFr: p.string().length(200),
    labelNl: p.string().length(200),
    /** asset | liability | equity | income | expense */
    type: p.string().length(10),
    parentCode: p.string().length(16).nullable(),
    owner: p.manyToOne(OwnerSchema).nullable(),
    supplierId: p.integer().nullable(),
    bankAccount: p.manyToOne(BankAccountSchema).nullable(),
    /** Decree accounts cannot be removed or renamed; sub-accounts can be. */
    fromChart: p.boolean(),
  }),
  uniques: [{ properties: ['building', 'code'] }],
});
export type LedgerAccount = InferEntity<typeof LedgerAccountSchema>;

/** Journals: purchases, one per bank account, miscellaneous, calls for funds, opening. */
export const JournalSchema = defineEntity({
  name: 'Journal',
  tableName: 'journal',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    code: p.string().length(10),
    kind: p.string().length(10),
    bankAccount: p.manyToOne(BankAccountSchema).nullable(),
  }),
  uniques: [{ properties: ['building', 'code'] }],
});
export type Journal = InferEntity<typeof JournalSchema>;

export const FiscalYearSchema = defineEntity({
  name: 'FiscalYear',
  tableName: 'fiscal_year',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    startDate: p.date(),
    endDate: p.date(),
    /** open | closed (closed = locked: nothing posts into it any more) */
    status: p.string().length(8),
    closedAt: p.datetime().nullable(),
  }),
  uniques: [{ properties: ['building', 'startDate'] }],
});
export type FiscalYear = InferEntity<typeof FiscalYearSchema>;

/** A posted entry: numbered per journal and fiscal year without gaps, never changed. */
export const JournalEntrySchema = defineEntity({
  name: 'JournalEntry',
  tableName: 'journal_entry',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    journal: p.manyToOne(JournalSchema),
    fiscalYear: p.manyToOne(FiscalYearSchema),
    number: p.integer(),
    date: p.date(),
    description: p.string().length(300),
    totalCents: p.bigint('number'),
    reversalOfId: p.integer().nullable(),
    reversedById: p.integer().nullable(),
    /** What produced it: manual, import, invoice, payment, distribution, call, opening */
    sourceType: p.string().length(20),
    sourceId: p.integer().nullable(),
    postedAt: p.datetime(),
    postedBy: p.string().length(120),
  }),
  uniques: [{ properties: ['journal', 'fiscalYear', 'number'] }],
  indexes: [{ properties: ['building', 'date'] }, { properties: ['sourceType', 'sourceId'] }],
});
export type JournalEntry = InferEntity<typeof JournalEntrySchema>;

/**
 * A line of an entry. Building, fiscal year and date are copied from the entry so that
 * the ledger page and the trial balance read one table through one index.
 */
export const JournalLineSchema = defineEntity({
  name: 'JournalLine',
  tableName: 'journal_line',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    entry: p.manyToOne(JournalEntrySchema),
    building: p.manyToOne(BuildingSchema),
    fiscalYear: p.manyToOne(FiscalYearSchema),
    account: p.manyToOne(LedgerAccountSchema),
    date: p.date(),
    debitCents: p.bigint('number'),
    creditCents: p.bigint('number'),
    label: p.string().length(300).nullable(),
  }),
  indexes: [
    { name: 'journal_line_account_page', properties: ['account', 'date', 'id'] },
    { name: 'journal_line_year_account', properties: ['fiscalYear', 'account'] },
    // An entry's lines (entryDetail). SQLite indexes foreign keys by itself; PostgreSQL does not (0006).
    { properties: ['entry'] },
  ],
});
export type JournalLine = InferEntity<typeof JournalLineSchema>;
