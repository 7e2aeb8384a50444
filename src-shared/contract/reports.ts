import { z } from 'zod';
import { query } from './define.js';
import { id } from './fields.js';
import { ACCOUNT_TYPES, accountCode, fiscalYear } from './ledger.js';

/**
 * Accounting reports of a building-year: the printable general ledger, the owner's
 * individual account, the annual accounts (balance sheet, income statement) and their
 * CSV/PDF exports. Layout choices: docs/adr/0009-annual-accounts-layout.md.
 */
export const REPORT_KINDS = ['trialBalance', 'generalLedger', 'ownerStatement', 'balanceSheet', 'incomeStatement'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'pdf'] as const;
/** Annual accounts are presented to the AG in French or Dutch. */
export const REPORT_LANGUAGES = ['fr', 'nl'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** What every report prints at its top: whose accounts, which year. */
export const reportHeader = z.object({
  building: z.object({ id, name: z.string(), street: z.string(), postalCode: z.string(), city: z.string(), bce: z.string().nullable() }),
  fiscalYear,
});
export type ReportHeader = z.infer<typeof reportHeader>;

export const reportLine = z.object({
  lineId: id,
  entryId: id,
  /** e.g. ACH-2026-0042 */
  reference: z.string(),
  journalCode: z.string(),
  date: z.string(),
  description: z.string(),
  label: z.string().nullable(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  /** debit − credit after this line, from the start of the fiscal year */
  balanceCents: z.number().int(),
});
export type ReportLine = z.infer<typeof reportLine>;

export const generalLedgerAccount = z.object({
  code: z.string(),
  labelFr: z.string(),
  labelNl: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  /** Always 0: balances run within the fiscal year; what is carried over is posted in the opening journal (OUV). */
  openingCents: z.number().int(),
  lines: z.array(reportLine),
  totalDebitCents: z.number().int(),
  totalCreditCents: z.number().int(),
  /** debit − credit at the end of the year */
  closingCents: z.number().int(),
});
export type GeneralLedgerAccount = z.infer<typeof generalLedgerAccount>;

export const generalLedger = reportHeader.extend({
  accounts: z.array(generalLedgerAccount),
  totalDebitCents: z.number().int(),
  totalCreditCents: z.number().int(),
});
export type GeneralLedger = z.infer<typeof generalLedger>;

/** One fund of an owner's account: 4100-<ownerId> (reserve) or 4101-<ownerId> (working capital). */
export const ownerFundStatement = z.object({
  accountCode: z.string(),
  lines: z.array(reportLine),
  totalDebitCents: z.number().int(),
  totalCreditCents: z.number().int(),
  /** What the owner owes on this fund at the end of the lines (negative: the owner is in credit). */
  balanceCents: z.number().int(),
});

export const ownerStatement = reportHeader.extend({
  owner: z.object({ id, displayName: z.string() }),
  reserve: ownerFundStatement,
  working: ownerFundStatement,
  /** Both funds, by date, one running balance. */
  combined: z.object({
    lines: z.array(reportLine.extend({ fund: z.enum(['reserve', 'working']), accountCode: z.string() })),
    totalDebitCents: z.number().int(),
    totalCreditCents: z.number().int(),
  }),
  /** What the owner owes in all (reserve + working capital); negative: in credit. */
  dueCents: z.number().int(),
});
export type OwnerStatement = z.infer<typeof ownerStatement>;

/**
 * A line of the annual accounts: a chart account (class, group, account, …) with the total
 * of everything under it, signed for its side (assets and charges: debit − credit;
 * liabilities, funds and income: credit − debit). Rows come in print order (pre-order).
 */
export const statementRow = z.object({
  code: z.string(),
  labelFr: z.string(),
  labelNl: z.string(),
  /** 0 for a class, 1 for a group, 2 for an account… (the chart's parent links) */
  depth: z.number().int().min(0),
  parentCode: z.string().nullable(),
  amountCents: z.number().int(),
});
export type StatementRow = z.infer<typeof statementRow>;
export const statementSection = z.object({ rows: z.array(statementRow), totalCents: z.number().int() });
const fundLine = z.object({ code: z.string(), labelFr: z.string(), labelNl: z.string(), amountCents: z.number().int() });

export const balanceSheet = reportHeader.extend({
  /** Actif / Activa: classes 2–5, accounts of the asset type. */
  assets: statementSection,
  /** Fonds de roulement / Werkkapitaal (100), with its sub-accounts. */
  workingCapital: fundLine,
  /** Fonds de réserve / Reservefonds (160), with its sub-accounts. */
  reserveFund: fundLine,
  /** Result of the year (classes 7 − 6), shown until the AG allocates it. */
  resultCents: z.number().int(),
  /** Debts: the rest of the passif (classes 1 and 4 of the liability type). */
  liabilities: statementSection,
  totalAssetsCents: z.number().int(),
  /** funds + result + debts: equals the assets when the books balance */
  totalLiabilitiesAndFundsCents: z.number().int(),
});
export type BalanceSheet = z.infer<typeof balanceSheet>;

export const incomeStatement = reportHeader.extend({
  /** Charges / Kosten: class 6, debit − credit. */
  expenses: statementSection,
  /** Produits / Opbrengsten: class 7, credit − debit. */
  income: statementSection,
  /** income − expenses: positive a surplus (boni), negative a deficit (mali) */
  resultCents: z.number().int(),
});
export type IncomeStatement = z.infer<typeof incomeStatement>;

const yearInput = z.object({ buildingId: id, fiscalYearId: id });

export const exportInput = yearInput
  .extend({
    kind: z.enum(REPORT_KINDS),
    format: z.enum(EXPORT_FORMATS),
    language: z.enum(REPORT_LANGUAGES).default('fr'),
    ownerId: id.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'ownerStatement' && v.ownerId === undefined) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'An owner statement needs the owner', params: { code: 'owner_required' } });
  });

export const reportOperations = {
  'ledger.generalLedger': query({
    summary: 'General ledger of a building-year (printable): every account with movements, its lines with running balance, totals',
    permission: 'finance.read',
    input: yearInput.extend({ fromCode: accountCode.optional(), toCode: accountCode.optional() }),
    output: generalLedger,
  }),
  'ledger.ownerStatement': query({
    summary: "An owner's individual account in a building-year (4100 reserve, 4101 working capital): lines, running balances, what is due. Owners read their own",
    // Owners may read their own account at any time (AR 12/07/2012): the handler limits them to it.
    permission: 'portfolio.read',
    input: yearInput.extend({ ownerId: id }),
    output: ownerStatement,
  }),
  'ledger.balanceSheet': query({
    summary: 'Balance sheet of a building-year from classes 1–5: assets, working capital and reserve fund, result of the year, debts',
    permission: 'finance.read',
    input: yearInput,
    output: balanceSheet,
  }),
  'ledger.incomeStatement': query({
    summary: 'Income and expense statement of a building-year from classes 6–7, grouped by the chart, with the result',
    permission: 'finance.read',
    input: yearInput,
    output: incomeStatement,
  }),
  'reports.export': query({
    summary: 'A report as a file: CSV (;, UTF-8 with BOM, decimal comma) or PDF (A4), in French or Dutch',
    // An owner may export their own statement; every other report needs finance.read (checked by the handler).
    permission: 'portfolio.read',
    input: exportInput,
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  }),
};
