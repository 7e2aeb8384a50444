import { z } from 'zod';
import { command, query } from './define.js';
import { iban, id, isoDate, nonEmpty } from './fields.js';
import { cents } from './ledger.js';
import { checkCreditorId, normalizeCreditorId } from '../values/sepa-creditor-id.js';

export const MOVEMENT_STATUSES = ['unmatched', 'partial', 'matched'] as const;
export const movementStatus = z.enum(MOVEMENT_STATUSES);
export const MATCH_RULES = ['ogm', 'ogm_text', 'iban_amount', 'iban', 'invoice_ref', 'invoice_number', 'name_amount', 'name', 'manual'] as const;
export const matchRule = z.enum(MATCH_RULES);
export const ALLOCATION_KINDS = ['call_line', 'invoice', 'owner_credit'] as const;
/** Reminder levels: 1 friendly reminder, 2 formal notice, 3 last notice, 4 handed to a lawyer. */
export const REMINDER_LEVELS = [1, 2, 3, 4] as const;

const signedCents = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const cursor = z.string().max(200).nullable().default(null);
const fileOut = <M extends string>(mime: M) => z.object({ fileName: z.string(), mimeType: z.literal(mime), contentBase64: z.string() });

const importedStatement = z.object({
  /** Position of the statement in the file, from 0 */
  index: z.number().int(),
  /** imported, or duplicate: the same statement (account, sequence, date, balances) was imported before — left out */
  status: z.enum(['imported', 'duplicate']),
  statementId: id.nullable(),
  buildingId: id,
  buildingName: z.string(),
  bankAccountId: id,
  account: z.string(),
  sequence: z.string().nullable(),
  date: z.string().nullable(),
  openingBalanceCents: signedCents,
  closingBalanceCents: signedCents,
  movements: z.number().int(),
  /** Movements matched automatically at import */
  matched: z.number().int(),
  /** The bank account's ledger balance (55x) after the import: equal to the closing balance when the books started with the bank's opening balance */
  ledgerBalanceCents: signedCents.nullable(),
});

export const allocationView = z.object({
  kind: z.enum(ALLOCATION_KINDS),
  callLineId: id.nullable(),
  invoiceId: id.nullable(),
  ownerId: id.nullable(),
  amountCents: cents,
  /** For people: the call and owner, or the supplier and invoice number */
  label: z.string(),
});

export const movementRow = z.object({
  id,
  buildingId: id,
  buildingName: z.string(),
  statementId: id,
  account: z.string(),
  sequence: z.string(),
  date: z.string(),
  amountCents: signedCents,
  counterpartyName: z.string().nullable(),
  counterpartyAccount: z.string().nullable(),
  structuredReference: z.string().nullable(),
  communication: z.string().nullable(),
  bankReference: z.string().nullable(),
  status: movementStatus,
  allocatedCents: cents,
});
export type MovementRow = z.infer<typeof movementRow>;

const allocationInput = z
  .object({ callLineId: id.optional(), invoiceId: id.optional(), ownerId: id.optional(), amountCents: cents.refine((n) => n > 0, { message: 'An allocation is more than zero' }) })
  .refine((a) => [a.callLineId, a.invoiceId, a.ownerId].filter((x) => x !== undefined).length === 1, { message: 'Give exactly one of callLineId, invoiceId, ownerId (a credit on the owner’s account)' });

const reminderLevelRule = z.object({ days: z.number().int().min(0).max(3650), feeCents: cents.max(100_000_00) });
export const reminderPolicy = z.object({
  /** Four levels, in order: the days after the due date grow, level by level */
  levels: z.array(reminderLevelRule).length(4).refine((ls) => ls.every((l, i) => i === 0 || l.days > (ls[i - 1]?.days ?? -1)), { message: 'Each level comes later than the one before' }),
  interestApplies: z.boolean(),
  /** Yearly rate in basis points: 800 = 8 % */
  interestRateBp: z.number().int().min(0).max(5000),
});
export type ReminderPolicy = z.infer<typeof reminderPolicy>;

const reminderLine = z.object({ callLineId: id, callId: id, label: z.string(), dueDate: z.string(), ogm: z.string(), amountCents: cents, openCents: cents });

export const creditorId = z
  .string()
  .transform((s) => normalizeCreditorId(s))
  .superRefine((v, ctx) => {
    const p = checkCreditorId(v);
    if (p) ctx.addIssue({ code: 'custom', message: `Invalid SEPA creditor identifier (${p})`, params: { code: `creditor_id_${p}` } });
  });

const mandateInput = z.object({
  /** The mandate reference (UMR), up to 35 characters of the SEPA Latin set */
  id: z.string().trim().min(1).max(35).regex(/^[A-Za-z0-9/?:().,'+ -]+$/, { message: 'A mandate reference uses letters, digits and / - ? : ( ) . , \' +' }),
  signedOn: isoDate,
});

export const bankingOperations = {
  'bank.import': command({
    summary: 'Import a CODA or CAMT.053 file: each statement goes to the building of its account, its movements are stored and posted (D 55x / C 499), then matched automatically',
    permission: 'finance.write',
    input: z.object({
      fileName: nonEmpty(260),
      contentBase64: z.string().min(1).max(70_000_000),
      format: z.enum(['coda', 'camt053']).optional(),
      autoMatch: z.boolean().default(true),
      /** When given, `progress` events carry it: one per statement imported */
      progressToken: z.string().max(64).optional(),
    }),
    output: z.object({
      format: z.enum(['coda', 'camt053']),
      statements: z.array(importedStatement),
      imported: z.number().int(),
      duplicates: z.number().int(),
      movements: z.number().int(),
      matched: z.number().int(),
      warnings: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  }),
  'bank.statements': query({
    summary: 'Statements imported for a building, newest first',
    permission: 'finance.read',
    input: z.object({ buildingId: id }),
    output: z.array(z.object({
      id, bankAccountId: id, account: z.string(), format: z.string(), sequence: z.string().nullable(), date: z.string().nullable(),
      openingBalanceCents: signedCents, closingBalanceCents: signedCents, movements: z.number().int(), unmatched: z.number().int(), fileName: z.string(), importedAt: z.string(),
    })),
  }),
  'bank.movements': query({
    summary: 'Bank movements, newest first, by building, statement and status (keyset pages)',
    permission: 'finance.read',
    input: z.object({ buildingId: id.optional(), statementId: id.optional(), status: movementStatus.optional(), cursor, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ rows: z.array(movementRow), nextCursor: z.string().nullable() }),
  }),
  'bank.movement': query({
    summary: 'One movement with what it was matched to, including un-matched history',
    permission: 'finance.read',
    input: z.object({ movementId: id }),
    output: movementRow.extend({
      allocations: z.array(allocationView.extend({ id, rule: matchRule, confidence: z.number().int().nullable(), entryId: id, reversalEntryId: id.nullable(), createdAt: z.string(), reversedAt: z.string().nullable() })),
    }),
  }),
  'bank.openItems': query({
    summary: 'What a building’s movements may pay: open call-for-funds lines and approved invoices not fully paid',
    permission: 'finance.read',
    input: z.object({ buildingId: id }),
    output: z.object({
      callLines: z.array(z.object({ id, callId: id, label: z.string(), kind: z.enum(['working', 'reserve']), ownerId: id, ownerName: z.string(), ogm: z.string(), amountCents: cents, openCents: cents, dueDate: z.string() })),
      invoices: z.array(z.object({ id, supplierId: id, supplierName: z.string(), number: z.string(), amountCents: cents, openCents: cents, dueDate: z.string() })),
    }),
  }),
  'bank.suggestions': query({
    summary: 'Ranked candidates for a movement, each with its confidence (0–100), rule and reason',
    permission: 'finance.read',
    input: z.object({ movementId: id }),
    output: z.object({
      movementId: id,
      threshold: z.number().int(),
      candidates: z.array(z.object({ confidence: z.number().int(), rule: matchRule, reason: z.string(), allocations: z.array(allocationView) })),
    }),
  }),
  'bank.match': command({
    summary: 'Match a movement to call lines, invoices or an owner’s credit: posts D 499 / C 4100-4101 (owners) or D 440 / C 499 (suppliers); the rest stays in 499',
    permission: 'finance.write',
    input: z.object({ movementId: id, allocations: z.array(allocationInput).min(1).max(200), rule: matchRule.default('manual'), confidence: z.number().int().min(0).max(100).nullable().default(null) }),
    output: z.object({ movementId: id, status: movementStatus, allocatedCents: cents, entryId: id }),
  }),
  'bank.unmatch': command({
    summary: 'Undo a movement’s match: reverses its entry (the history stays), the calls and invoices are open again',
    permission: 'finance.write',
    input: z.object({ movementId: id }),
    output: z.object({ movementId: id, reversalEntryIds: z.array(id) }),
  }),
  'bank.autoMatch': command({
    summary: 'Apply the candidates at or above the confidence threshold to the unmatched movements of a statement or a building',
    permission: 'finance.write',
    input: z
      .object({ statementId: id.optional(), buildingId: id.optional(), threshold: z.number().int().min(50).max(100).optional() })
      .refine((v) => (v.statementId === undefined) !== (v.buildingId === undefined), { message: 'Give a statementId or a buildingId' }),
    output: z.object({ examined: z.number().int(), matched: z.number().int(), left: z.number().int() }),
  }),

  'owners.bankDetails': query({
    summary: 'An owner’s IBAN and SEPA direct-debit mandate',
    permission: 'finance.read',
    input: z.object({ ownerId: id }),
    output: z.object({ ownerId: id, iban: z.string().nullable(), mandate: z.object({ id: z.string(), signedOn: z.string(), lastCollectionOn: z.string().nullable() }).nullable() }),
  }),
  'owners.setBankDetails': command({
    summary: 'Set an owner’s IBAN (recognizes its payments) and SEPA mandate (direct debits need both)',
    permission: 'finance.write',
    input: z.object({ ownerId: id, iban: z.union([z.null(), z.literal(''), iban]).transform((v) => (v ? v : null)), mandate: mandateInput.nullable().default(null) }),
    output: z.object({ ownerId: id }),
  }),

  'reminders.policy': query({
    summary: 'How a building reminds unpaid calls: delays and fees of the four levels, interest (default: no fee, no interest)',
    permission: 'finance.read',
    input: z.object({ buildingId: id }),
    output: reminderPolicy,
  }),
  'reminders.setPolicy': command({
    summary: 'Set the reminder delays, fees and interest, as the building’s rules allow',
    permission: 'finance.write',
    input: z.object({ buildingId: id, policy: reminderPolicy }),
    output: reminderPolicy,
  }),
  'reminders.due': query({
    summary: 'Owners with overdue calls and the reminder level due for each, from the amounts still open today',
    permission: 'finance.read',
    input: z.object({ buildingId: id, date: isoDate.optional() }),
    output: z.array(z.object({
      ownerId: id, name: z.string(), language: z.string(),
      /** The last level sent for these calls (0: none) */
      currentLevel: z.number().int(),
      lastReminderDate: z.string().nullable(),
      /** The level that may be sent now, null when the delay for the next one has not passed (or 4 was sent) */
      nextLevel: z.number().int().nullable(),
      daysLate: z.number().int(),
      openCents: cents,
      feeCents: cents,
      interestCents: cents,
      lines: z.array(reminderLine),
    })),
  }),
  'reminders.issue': command({
    summary: 'Send a reminder level to owners: letters (PDF, FR/NL) with the amount due, fees, the OGM and the EPC QR code; the fee and interest are posted',
    permission: 'finance.write',
    input: z.object({ buildingId: id, level: z.number().int().min(1).max(4), ownerIds: z.array(id).min(1).max(2000), date: isoDate.optional() }),
    output: z.object({
      reminders: z.array(z.object({ id, ownerId: id, level: z.number().int(), dueCents: cents, feeCents: cents, interestCents: cents, entryId: id.nullable() })),
      /** Owners left out: paid since, or not due for this level */
      skipped: z.array(z.object({ ownerId: id, reason: z.string() })),
      letters: fileOut('application/pdf').nullable(),
    }),
  }),
  'reminders.list': query({
    summary: 'Reminders sent in a building, newest first',
    permission: 'finance.read',
    input: z.object({ buildingId: id, ownerId: id.optional() }),
    output: z.array(z.object({ id, ownerId: id, ownerName: z.string(), level: z.number().int(), date: z.string(), dueCents: cents, feeCents: cents, interestCents: cents, entryId: id.nullable(), documentId: id.nullable(), ogms: z.array(z.string()) })),
  }),

  'sepa.settings': query({
    summary: 'A building’s SEPA creditor identifier and the owners with a mandate',
    permission: 'finance.read',
    input: z.object({ buildingId: id }),
    output: z.object({ creditorId: z.string().nullable(), mandates: z.number().int() }),
  }),
  'sepa.setCreditorId': command({
    summary: 'Set the SEPA creditor identifier of the ACP (needed for direct debits)',
    permission: 'finance.write',
    input: z.object({ buildingId: id, creditorId: z.union([z.null(), creditorId]) }),
    output: z.object({ buildingId: id, creditorId: z.string().nullable() }),
  }),
  'sepa.payments': query({
    summary: 'A pain.001.001.09 credit-transfer file for approved invoices not yet paid whose supplier has an IBAN; one batch per bank account',
    permission: 'finance.read',
    input: z.object({ buildingId: id, executionDate: isoDate, invoiceIds: z.array(id).min(1).max(5000).optional(), bankAccountId: id.optional() }),
    output: fileOut('application/xml').extend({
      messageId: z.string(),
      transactions: z.number().int(),
      controlSumCents: cents,
      invoiceIds: z.array(id),
      skipped: z.array(z.object({ invoiceId: id, reason: z.string() })),
    }),
  }),
  'sepa.directDebits': command({
    summary: 'A pain.008.001.08 direct-debit file (SEPA Core) collecting the open calls of owners with a mandate; FRST for a mandate’s first collection, RCUR after',
    permission: 'finance.write',
    input: z.object({ buildingId: id, collectionDate: isoDate, callId: id.optional() }),
    output: fileOut('application/xml').extend({
      messageId: z.string(),
      transactions: z.number().int(),
      controlSumCents: cents,
      first: z.number().int(),
      recurring: z.number().int(),
      skipped: z.array(z.object({ ownerId: id, reason: z.string() })),
    }),
  }),
};
