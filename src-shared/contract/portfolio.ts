import { z } from 'zod';
import { command, query } from './define.js';
import { address, email, iban, id, isoDate, language, nonEmpty, optionalBce } from './fields.js';

/** Lot kinds. Cellars, garages and parkings do not count toward the 20-lot thresholds. */
export const LOT_KINDS = ['apartment', 'commercial', 'parking', 'cellar', 'garage', 'other'] as const;
export const lotKind = z.enum(LOT_KINDS);
export type LotKind = z.infer<typeof lotKind>;

export const BANK_PURPOSES = ['working', 'reserve', 'other'] as const;

export const bankAccountInput = z.object({
  iban,
  label: z.string().trim().max(100).default(''),
  purpose: z.enum(BANK_PURPOSES).default('working'),
});
export const bankAccount = z.object({ id, iban: z.string(), label: z.string(), purpose: z.enum(BANK_PURPOSES) });

export const buildingInput = z.object({
  name: nonEmpty(120),
  address,
  bce: optionalBce,
  /** Total quote-parts (quotités / aandelen) of the building, e.g. 1000 or 10000. */
  totalShares: z.number().int().positive().max(10_000_000),
  bankAccounts: z.array(bankAccountInput).max(20).default([]),
});
export type BuildingInput = z.input<typeof buildingInput>;

export const sharesCheck = z.object({
  balanced: z.boolean(),
  total: z.number().int(),
  sum: z.number().int(),
  /** sum − total: negative when quote-parts are missing, positive when too many. */
  difference: z.number().int(),
  lotCount: z.number().int(),
  /** Lots that are themselves wrong (no quote-parts), with what they lack. */
  lotsOff: z.array(z.object({ lotId: id, number: z.string(), shares: z.number().int(), issue: z.enum(['zero_shares']) })),
});
export type SharesCheck = z.infer<typeof sharesCheck>;

export const buildingRow = z.object({
  id,
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  lotCount: z.number().int(),
  ownerCount: z.number().int(),
  totalShares: z.number().int(),
  sharesSum: z.number().int(),
});
export type BuildingRow = z.infer<typeof buildingRow>;

export const lotOwner = z.object({
  ownershipId: id,
  ownerId: id,
  displayName: z.string(),
  fractionNum: z.number().int(),
  fractionDen: z.number().int(),
  since: z.string(),
});
export const lotRow = z.object({
  id,
  buildingId: id,
  number: z.string(),
  kind: lotKind,
  floor: z.number().int().nullable(),
  shares: z.number().int(),
  owners: z.array(lotOwner),
});
export type LotRow = z.infer<typeof lotRow>;

export const ownerKind = z.enum(['person', 'company']);
export const ownerInput = z
  .object({
    kind: ownerKind,
    /** Family name for a person, registered name for a company. */
    name: nonEmpty(160),
    firstName: z.string().trim().max(100).nullable().optional().transform((v) => (v ? v : null)),
    bce: optionalBce,
    address,
    language: language.default('fr'),
    email: z.union([z.literal(''), z.null(), email]).optional().transform((v) => (v ? v : null)),
    /** Agreed, individually and in writing, to receive convocations by e-mail (art. 3.87 §3). */
    emailConsent: z.boolean().default(false),
    phone: z.string().trim().max(40).nullable().optional().transform((v) => (v ? v : null)),
  })
  .superRefine((o, ctx) => {
    if (o.emailConsent && !o.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'E-mail convocations need an e-mail address', params: { code: 'email_required_for_consent' } });
    }
    if (o.kind === 'person' && o.bce) {
      ctx.addIssue({ code: 'custom', path: ['bce'], message: 'Only a company has a BCE/KBO number', params: { code: 'bce_person' } });
    }
  });
export type OwnerInput = z.input<typeof ownerInput>;

export const owner = z.object({
  id,
  kind: ownerKind,
  name: z.string(),
  firstName: z.string().nullable(),
  displayName: z.string(),
  bce: z.string().nullable(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }),
  language,
  email: z.string().nullable(),
  emailConsent: z.boolean(),
  emailConsentAt: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Owner = z.infer<typeof owner>;

export const buildingDetail = z.object({
  id,
  name: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }),
  bce: z.string().nullable(),
  totalShares: z.number().int(),
  bankAccounts: z.array(bankAccount),
  lots: z.array(lotRow),
  owners: z.array(owner),
  sharesCheck,
  updatedAt: z.string(),
});
export type BuildingDetail = z.infer<typeof buildingDetail>;

export const lotInput = z.object({
  number: nonEmpty(20),
  kind: lotKind,
  floor: z.number().int().min(-10).max(200).nullable().default(null),
  shares: z.number().int().min(0).max(10_000_000),
});

const fraction = z
  .object({ ownerId: id, fractionNum: z.number().int().positive(), fractionDen: z.number().int().positive() })
  .refine((f) => f.fractionNum <= f.fractionDen, { message: 'A fraction is at most 1', params: { code: 'fraction_over_one' }, path: ['fractionNum'] });

export const ownershipHistoryRow = z.object({
  ownershipId: id,
  ownerId: id,
  displayName: z.string(),
  fractionNum: z.number().int(),
  fractionDen: z.number().int(),
  from: z.string(),
  to: z.string().nullable(),
});


export const portfolioOperations = {
  'buildings.list': query({
    summary: 'Buildings of the portfolio, filtered and sorted',
    permission: 'portfolio.read',
    input: z.object({
      search: z.string().trim().max(100).optional(),
      sort: z.enum(['name', 'city', 'lotCount']).default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
    }),
    output: z.array(buildingRow),
  }),
  'buildings.get': query({
    summary: 'One building with its bank accounts, lots, owners and quote-part check',
    permission: 'portfolio.read',
    input: z.object({ id }),
    output: buildingDetail,
  }),
  'buildings.create': command({
    summary: 'Create a building (ACP / VME)',
    permission: 'portfolio.write',
    input: buildingInput,
    output: z.object({ id }),
  }),
  'buildings.update': command({
    summary: 'Change a building; bank accounts are replaced by the given list',
    permission: 'portfolio.write',
    input: z.object({ id, data: buildingInput }),
    output: z.object({ id }),
  }),
  'lots.create': command({
    summary: 'Add a lot to a building',
    permission: 'portfolio.write',
    input: z.object({ buildingId: id, data: lotInput }),
    output: z.object({ id }),
  }),
  'lots.update': command({
    summary: 'Change a lot',
    permission: 'portfolio.write',
    input: z.object({ id, data: lotInput }),
    output: z.object({ id }),
  }),
  'lots.transfer': command({
    summary: 'Transfer a lot: closes the current ownerships the day before `date` and opens the new ones',
    permission: 'portfolio.write',
    input: z.object({ lotId: id, date: isoDate, newOwners: z.array(fraction).min(1).max(20) }),
    output: z.object({ lotId: id }),
  }),
  'lots.history': query({
    summary: 'Ownership history of a lot',
    permission: 'portfolio.read',
    input: z.object({ lotId: id }),
    output: z.array(ownershipHistoryRow),
  }),
  'owners.list': query({
    summary: 'Owners, optionally of one building',
    permission: 'portfolio.read',
    input: z.object({ buildingId: id.optional(), search: z.string().trim().max(100).optional() }),
    output: z.array(owner),
  }),
  'owners.create': command({
    summary: 'Create an owner (copropriétaire / mede-eigenaar)',
    permission: 'portfolio.write',
    input: ownerInput,
    output: z.object({ id }),
  }),
  'owners.update': command({
    summary: 'Change an owner',
    permission: 'portfolio.write',
    input: z.object({ id, data: ownerInput }),
    output: z.object({ id }),
  }),
  'import.owners': command({
    summary: 'Import lots, owners and quote-parts from a CSV file into a building; one bad row rejects the file',
    permission: 'portfolio.write',
    input: z.object({ buildingId: id, csv: z.string().max(20_000_000), fileName: z.string().max(260).optional() }),
    output: z.object({ lotsCreated: z.number().int(), ownersCreated: z.number().int(), ownersReused: z.number().int(), ownershipsCreated: z.number().int() }),
  }),
};
