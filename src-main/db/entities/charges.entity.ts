import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { BuildingSchema, LotSchema, OwnerSchema } from './portfolio.entity.js';

/**
 * A special distribution key (clé de répartition / verdeelsleutel): lift, heating, a
 * staircase… with its own weights on a subset of lots. The general key (quote-parts) is
 * implicit: a null key everywhere means the quote-parts.
 */
export const DistributionKeySchema = defineEntity({
  name: 'DistributionKey',
  tableName: 'distribution_key',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    name: p.string().length(100),
    createdAt: p.datetime(),
  }),
  uniques: [{ properties: ['building', 'name'] }],
});
export type DistributionKey = InferEntity<typeof DistributionKeySchema>;

export const DistributionKeyWeightSchema = defineEntity({
  name: 'DistributionKeyWeight',
  tableName: 'distribution_key_weight',
  properties: (p) => ({
    key: p.manyToOne(DistributionKeySchema).primary().deleteRule('cascade'),
    lot: p.manyToOne(LotSchema).primary(),
    weight: p.integer(),
  }),
});
export type DistributionKeyWeight = InferEntity<typeof DistributionKeyWeightSchema>;

/** A call for funds (appel de fonds / opvraging): working-capital provisions or reserve-fund contributions. */
export const FundCallSchema = defineEntity({
  name: 'FundCall',
  tableName: 'fund_call',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    /** working | reserve */
    kind: p.string().length(8),
    label: p.string().length(60),
    callDate: p.date(),
    dueDate: p.date(),
    totalCents: p.bigint('number'),
    keyId: p.integer().nullable(),
    entryId: p.integer().nullable(),
    createdAt: p.datetime(),
  }),
  indexes: [{ properties: ['building', 'callDate'] }],
});
export type FundCall = InferEntity<typeof FundCallSchema>;

/** One owner's part of a call, with its unique structured communication (OGM/VCS). */
export const FundCallLineSchema = defineEntity({
  name: 'FundCallLine',
  tableName: 'fund_call_line',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    call: p.manyToOne(FundCallSchema),
    owner: p.manyToOne(OwnerSchema),
    amountCents: p.bigint('number'),
    /** The 12 digits of the OGM. */
    ogm: p.string().length(12).unique(),
  }),
  // calls.list counts the lines of each call; PostgreSQL does not index foreign keys by itself (0006).
  indexes: [{ properties: ['call'] }],
});
export type FundCallLine = InferEntity<typeof FundCallLineSchema>;

/** A period's statement of charges (décompte de charges / afrekening), posted to the owners' accounts. */
export const ChargeStatementSchema = defineEntity({
  name: 'ChargeStatement',
  tableName: 'charge_statement',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    periodStart: p.date(),
    periodEnd: p.date(),
    date: p.date(),
    chargesCents: p.bigint('number'),
    provisionsCents: p.bigint('number'),
    entryId: p.integer().nullable(),
    createdAt: p.datetime(),
  }),
  uniques: [{ properties: ['building', 'periodStart'] }],
});
export type ChargeStatement = InferEntity<typeof ChargeStatementSchema>;

export const ChargeStatementLineSchema = defineEntity({
  name: 'ChargeStatementLine',
  tableName: 'charge_statement_line',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    statement: p.manyToOne(ChargeStatementSchema),
    owner: p.manyToOne(OwnerSchema),
    chargesCents: p.bigint('number'),
    provisionsCents: p.bigint('number'),
  }),
});
export type ChargeStatementLine = InferEntity<typeof ChargeStatementLineSchema>;
