import { z } from 'zod';
import { command, query } from './define.js';
import { id, isoDate, nonEmpty } from './fields.js';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export const JOURNAL_KINDS = ['purchases', 'bank', 'misc', 'calls', 'opening'] as const;

/** Whole cents, non-negative, below 2^53. */
export const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const accountCode = z.string().trim().regex(/^[1-7][0-9]{0,5}(-[0-9A-Z]{1,6})?$/, { message: 'An account code is a PCMN number, optionally with a sub-account suffix (e.g. 6110 or 4101-012)' });

export const entryLineInput = z.object({
  accountCode,
  debitCents: cents.default(0),
  creditCents: cents.default(0),
  label: z.string().trim().max(300).nullable().optional(),
});

export const accountRow = z.object({
  id,
  code: z.string(),
  labelFr: z.string(),
  labelNl: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  parentCode: z.string().nullable(),
  ownerId: id.nullable(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  /** debit − credit over the fiscal year, the account and all its sub-accounts */
  balanceCents: z.number().int(),
});

export const fiscalYear = z.object({ id, startDate: z.string(), endDate: z.string(), status: z.enum(['open', 'closed']) });

export const entryDetail = z.object({
  id,
  journalCode: z.string(),
  number: z.number().int(),
  /** e.g. ACH-2026-0042 */
  reference: z.string(),
  date: z.string(),
  description: z.string(),
  totalCents: z.number().int(),
  reversalOfId: id.nullable(),
  reversedById: id.nullable(),
  sourceType: z.string(),
  postedAt: z.string(),
  postedBy: z.string(),
  lines: z.array(z.object({ accountCode: z.string(), accountLabel: z.string(), debitCents: z.number().int(), creditCents: z.number().int(), label: z.string().nullable() })),
});
export type EntryDetail = z.infer<typeof entryDetail>;

export const ledgerLine = z.object({
  lineId: id,
  entryId: id,
  reference: z.string(),
  date: z.string(),
  description: z.string(),
  label: z.string().nullable(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  /** Running balance after this line (debit − credit), from the start of the fiscal year. */
  balanceCents: z.number().int(),
});

const entryInput = z.object({
  journalCode: nonEmpty(10),
  date: isoDate,
  description: nonEmpty(300),
  lines: z.array(entryLineInput).min(2).max(5000),
});

export const trialBalanceRow = z.object({ code: z.string(), labelFr: z.string(), labelNl: z.string(), type: z.enum(ACCOUNT_TYPES), debitCents: z.number().int(), creditCents: z.number().int(), balanceCents: z.number().int() });

export const ledgerOperations = {
  'ledger.fiscalYears': query({
    summary: 'Fiscal years of a building',
    permission: 'finance.read',
    input: z.object({ buildingId: id }),
    output: z.array(fiscalYear),
  }),
  'ledger.openYear': command({
    summary: 'Open a fiscal year (dates must follow the previous year without gap or overlap)',
    permission: 'finance.write',
    input: z.object({ buildingId: id, startDate: isoDate, endDate: isoDate }),
    output: fiscalYear,
  }),
  'ledger.closeYear': command({
    summary: 'Close and lock a fiscal year: nothing can be posted into it afterwards',
    permission: 'finance.close',
    input: z.object({ fiscalYearId: id }),
    output: fiscalYear,
  }),
  'ledger.accounts': query({
    summary: 'Chart of accounts of a building with the balances of a fiscal year',
    permission: 'finance.read',
    input: z.object({ buildingId: id, fiscalYearId: id.optional() }),
    output: z.array(accountRow),
  }),
  'ledger.createAccount': command({
    summary: 'Add a sub-account under an account of the chart',
    permission: 'finance.write',
    input: z.object({ buildingId: id, parentCode: accountCode, suffix: z.string().trim().regex(/^[0-9A-Z]{1,6}$/), labelFr: nonEmpty(200), labelNl: nonEmpty(200) }),
    output: z.object({ id, code: z.string() }),
  }),
  'ledger.journals': query({
    summary: 'Journals of a building',
    permission: 'finance.read',
    input: z.object({ buildingId: id }),
    output: z.array(z.object({ id, code: z.string(), kind: z.enum(JOURNAL_KINDS), bankAccountId: id.nullable() })),
  }),
  'ledger.post': command({
    summary: 'Post a balanced entry (miscellaneous operations by hand)',
    permission: 'finance.write',
    input: entryInput.extend({ buildingId: id }),
    output: entryDetail,
  }),
  'ledger.reverse': command({
    summary: 'Cancel a posted entry by a reversing entry',
    permission: 'finance.write',
    input: z.object({ entryId: id, date: isoDate, description: z.string().trim().max(300).optional() }),
    output: entryDetail,
  }),
  'ledger.entry': query({ summary: 'One entry with its lines', permission: 'finance.read', input: z.object({ entryId: id }), output: entryDetail }),
  'ledger.accountLines': query({
    summary: 'The lines of an account in a fiscal year, by date, with running balance (keyset pages)',
    permission: 'finance.read',
    input: z.object({ buildingId: id, fiscalYearId: id, accountCode, cursor: z.string().max(200).nullable().default(null), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ lines: z.array(ledgerLine), nextCursor: z.string().nullable(), openingCents: z.number().int() }),
  }),
  'ledger.trialBalance': query({
    summary: 'Trial balance of a building-year: every account with movements, debit, credit, balance; totals',
    permission: 'finance.read',
    input: z.object({ buildingId: id, fiscalYearId: id }),
    output: z.object({ rows: z.array(trialBalanceRow), totalDebitCents: z.number().int(), totalCreditCents: z.number().int() }),
  }),
  'ledger.import': command({
    summary: 'Import entries (opening balances when a firm moves in); one bad entry rejects the file, nothing posted',
    permission: 'finance.write',
    input: z.object({ buildingId: id, entries: z.array(entryInput).min(1).max(100_000) }),
    output: z.object({ posted: z.number().int(), lines: z.number().int() }),
  }),
};
