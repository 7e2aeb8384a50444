import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** The syndic firm that runs this installation (one row). */
export const FirmSchema = defineEntity({
  name: 'Firm',
  tableName: 'firm',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.string().length(160),
    bce: p.string().length(10).nullable(),
    street: p.string().length(200).nullable(),
    postalCode: p.string().length(12).nullable(),
    city: p.string().length(100).nullable(),
    country: p.string().length(2).nullable(),
    ipiNumber: p.string().length(20).nullable(),
    email: p.string().length(254).nullable(),
    phone: p.string().length(40).nullable(),
  }),
});
export type Firm = InferEntity<typeof FirmSchema>;

/** A building managed for its ACP (association des copropriétaires / VME). */
export const BuildingSchema = defineEntity({
  name: 'Building',
  tableName: 'building',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.string().length(120),
    street: p.string().length(200),
    postalCode: p.string().length(12),
    city: p.string().length(100),
    country: p.string().length(2),
    bce: p.string().length(10).nullable(),
    /** Total quote-parts (quotités / aandelen). */
    totalShares: p.integer(),
    /** SEPA creditor identifier of the ACP for direct debits (BE + check digits + ZZZ + BCE). */
    sepaCreditorId: p.string().length(35).nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  }),
  indexes: [{ properties: ['name'] }],
});
export type Building = InferEntity<typeof BuildingSchema>;

export const BankAccountSchema = defineEntity({
  name: 'BankAccount',
  tableName: 'bank_account',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema).deleteRule('cascade'),
    iban: p.string().length(34),
    label: p.string().length(100),
    purpose: p.string().length(10),
  }),
  uniques: [{ properties: ['iban'] }],
});
export type BankAccount = InferEntity<typeof BankAccountSchema>;

export const LotSchema = defineEntity({
  name: 'Lot',
  tableName: 'lot',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    number: p.string().length(20),
    kind: p.string().length(12),
    floor: p.integer().nullable(),
    shares: p.integer(),
  }),
  uniques: [{ properties: ['building', 'number'] }],
});
export type Lot = InferEntity<typeof LotSchema>;

/** A co-owner (copropriétaire / mede-eigenaar): a person or a company. */
export const OwnerSchema = defineEntity({
  name: 'Owner',
  tableName: 'owner',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    kind: p.string().length(8),
    name: p.string().length(160),
    firstName: p.string().length(100).nullable(),
    bce: p.string().length(10).nullable(),
    street: p.string().length(200),
    postalCode: p.string().length(12),
    city: p.string().length(100),
    country: p.string().length(2),
    language: p.string().length(2),
    email: p.string().length(254).nullable(),
    emailConsent: p.boolean(),
    emailConsentAt: p.datetime().nullable(),
    phone: p.string().length(40).nullable(),
    /** The account the owner pays from (reconciliation) and is debited on (SEPA mandate). */
    iban: p.string().length(34).nullable(),
    /** SEPA Core direct-debit mandate: its reference and signature date; null without one. */
    sepaMandateId: p.string().length(35).nullable(),
    sepaMandateSignedOn: p.date().nullable(),
    /** Date of the last collection put in a pain.008 file: none yet means the next is FRST. */
    sepaLastCollectionOn: p.date().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  }),
  indexes: [{ properties: ['name'] }, { properties: ['iban'] }],
});
export type Owner = InferEntity<typeof OwnerSchema>;

/**
 * Ownership of a lot over time, with a fraction for joint ownership (indivision /
 * onverdeeldheid). `validTo` is the last day of ownership, null while it lasts.
 */
export const OwnershipSchema = defineEntity({
  name: 'Ownership',
  tableName: 'ownership',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    lot: p.manyToOne(LotSchema),
    owner: p.manyToOne(OwnerSchema),
    fractionNum: p.integer(),
    fractionDen: p.integer(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
  }),
  indexes: [{ properties: ['lot', 'validTo'] }, { properties: ['owner'] }],
});
export type Ownership = InferEntity<typeof OwnershipSchema>;
