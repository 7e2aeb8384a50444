import { z } from 'zod';
import { command, query } from './define.js';
import { id, isoDate, nonEmpty } from './fields.js';
import { cents } from './ledger.js';

export const CALL_KINDS = ['working', 'reserve'] as const;

export const distributionKey = z.object({
  /** null: the general key, the lots' quote-parts */
  id: id.nullable(),
  name: z.string(),
  lots: z.array(z.object({ lotId: id, number: z.string(), weight: z.number().int() })),
  totalWeight: z.number().int(),
});

const ownerAmount = z.object({ ownerId: id, name: z.string(), language: z.string(), amountCents: z.number().int() });

const callInput = z
  .object({
    buildingId: id,
    kind: z.enum(CALL_KINDS),
    /** e.g. "2026 T3" — printed on the letters */
    label: nonEmpty(60),
    callDate: isoDate,
    dueDate: isoDate,
    totalCents: cents.refine((n) => n > 0, { message: 'The amount called must be more than zero' }),
    keyId: id.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.dueDate < v.callDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'The due date comes after the call', params: { code: 'due_before_call' } });
  });

const reserveFloor = z.object({
  previousYearChargesCents: z.number().int(),
  floorCents: z.number().int(),
  calledThisYearCents: z.number().int(),
  /** What the year's reserve calls still lack to reach 5 % (art. 3.86 §3); 0 when reached. */
  shortfallCents: z.number().int(),
});

const period = z
  .object({ buildingId: id, periodStart: isoDate, periodEnd: isoDate })
  .refine((v) => v.periodEnd >= v.periodStart, { message: 'The period ends after it starts', path: ['periodEnd'] });

export const chargeOperations = {
  'charges.keys': query({ summary: 'Distribution keys of a building, the general key first', permission: 'finance.read', input: z.object({ buildingId: id }), output: z.array(distributionKey) }),
  'charges.saveKey': command({
    summary: 'Create or change a special distribution key (lift, heating…) with its lots and weights',
    permission: 'finance.write',
    input: z.object({ buildingId: id, id: id.optional(), name: nonEmpty(100), weights: z.array(z.object({ lotId: id, weight: z.number().int().min(0).max(100_000_000) })).min(1).max(5000) }),
    output: z.object({ id }),
  }),
  'calls.preview': query({
    summary: 'What each owner would be called, and the reserve-fund floor',
    permission: 'finance.read',
    input: callInput,
    output: z.object({ lines: z.array(ownerAmount), unownedCents: z.number().int(), reserveFloor: reserveFloor.nullable() }),
  }),
  'calls.issue': command({
    summary: 'Issue a call for funds: per owner amount and OGM; posts 4100/4101 to 700/701',
    permission: 'finance.write',
    input: callInput,
    output: z.object({ callId: id, entryId: id, lines: z.array(ownerAmount.extend({ ogm: z.string() })) }),
  }),
  'calls.list': query({
    summary: 'Calls for funds of a building',
    permission: 'finance.read',
    input: z.object({ buildingId: id }),
    output: z.array(z.object({ id, kind: z.enum(CALL_KINDS), label: z.string(), callDate: z.string(), dueDate: z.string(), totalCents: z.number().int(), owners: z.number().int(), entryId: id.nullable() })),
  }),
  'calls.letters': query({
    summary: 'The letters of a call for funds (one owner, or all in one PDF), each in the owner’s language with the OGM and an EPC QR code',
    permission: 'finance.read',
    input: z.object({ callId: id, ownerId: id.optional() }),
    output: z.object({ fileName: z.string(), mimeType: z.literal('application/pdf'), contentBase64: z.string(), letters: z.number().int() }),
  }),
  'charges.statementPreview': query({
    summary: 'The statement of charges of a period: approved invoices distributed to owners, minus the provisions called',
    permission: 'finance.read',
    input: period,
    output: z.object({
      invoices: z.array(z.object({ id, number: z.string(), supplierName: z.string(), amountCents: z.number().int(), keyName: z.string() })),
      owners: z.array(z.object({ ownerId: id, name: z.string(), chargesCents: z.number().int(), provisionsCents: z.number().int(), balanceCents: z.number().int() })),
      totalChargesCents: z.number().int(),
      totalProvisionsCents: z.number().int(),
      unownedCents: z.number().int(),
    }),
  }),
  'charges.postStatement': command({
    summary: 'Post the statement of charges: each owner’s share of the charges less the provisions called, to 4101 / 701',
    permission: 'finance.write',
    input: z.intersection(period, z.object({ date: isoDate })),
    output: z.object({ statementId: id, entryId: id.nullable() }),
  }),
};
