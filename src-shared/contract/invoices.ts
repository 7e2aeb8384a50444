import { z } from 'zod';
import { command, query } from './define.js';
import { email, iban, id, isoDate, nonEmpty, optionalBce } from './fields.js';
import { accountCode, cents } from './ledger.js';
import { isValidOgm, ogmDigits } from '../values/ogm.js';

export const INVOICE_STATUSES = ['draft', 'pending_approval', 'approved', 'rejected', 'paid'] as const;
export const invoiceStatus = z.enum(INVOICE_STATUSES);
export type InvoiceStatusName = z.infer<typeof invoiceStatus>;

export const supplierInput = z.object({
  name: nonEmpty(160),
  bce: optionalBce,
  iban: z.union([z.literal(''), z.null(), iban]).optional().transform((v) => (v ? v : null)),
  defaultExpenseAccount: z.union([z.literal(''), z.null(), accountCode]).optional().transform((v) => (v ? v : null)),
  email: z.union([z.literal(''), z.null(), email]).optional().transform((v) => (v ? v : null)),
});
export const supplier = z.object({ id, name: z.string(), bce: z.string().nullable(), iban: z.string().nullable(), defaultExpenseAccount: z.string().nullable(), email: z.string().nullable() });

const paymentReference = z
  .union([z.literal(''), z.null(), z.string().trim().max(40)])
  .optional()
  .transform((v) => {
    if (!v) return null;
    const ogm = ogmDigits(v);
    return ogm ?? v.replace(/\s/g, '').toUpperCase();
  })
  .refine((v) => v === null || (/^\d{12}$/.test(v) ? isValidOgm(v) : /^RF\d{2}[A-Z0-9]{1,21}$/.test(v)), { message: 'A payment reference is a Belgian structured communication (+++123/4567/89002+++) or an RF creditor reference', params: { code: 'payment_reference' } });

export const invoiceInput = z
  .object({
    buildingId: id,
    supplierId: id,
    number: nonEmpty(60),
    invoiceDate: isoDate,
    dueDate: isoDate,
    amountCents: cents.refine((n) => n > 0, { message: 'The amount must be more than zero' }),
    vatCents: cents.default(0),
    expenseAccount: accountCode.refine((c) => c.startsWith('6'), { message: 'An invoice is charged to an expense account (class 6)' }),
    distributionKeyId: id.nullable().default(null),
    periodStart: isoDate.nullable().default(null),
    periodEnd: isoDate.nullable().default(null),
    description: z.string().trim().max(300).default(''),
    /** The supplier's structured reference to quote when paying: a Belgian OGM (any usual writing) or an RF creditor reference */
    paymentReference: paymentReference,
    /** A new PDF: its name and content in base64. */
    document: z.object({ fileName: nonEmpty(260), contentBase64: z.string().max(30_000_000) }).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.dueDate < v.invoiceDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'The due date comes on or after the invoice date', params: { code: 'due_before_invoice' } });
    if (v.vatCents > v.amountCents) ctx.addIssue({ code: 'custom', path: ['vatCents'], message: 'The VAT cannot exceed the total', params: { code: 'vat_over_total' } });
    if ((v.periodStart === null) !== (v.periodEnd === null) || (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'A period has a start and an end, in that order', params: { code: 'period' } });
    }
  });
export type InvoiceInput = z.input<typeof invoiceInput>;

export const invoiceRow = z.object({
  id,
  buildingId: id,
  buildingName: z.string(),
  supplierId: id,
  supplierName: z.string(),
  number: z.string(),
  invoiceDate: z.string(),
  dueDate: z.string(),
  amountCents: z.number().int(),
  status: invoiceStatus,
  description: z.string(),
  hasDocument: z.boolean(),
});
export type InvoiceRow = z.infer<typeof invoiceRow>;

export const invoiceDetail = invoiceRow.extend({
  vatCents: z.number().int(),
  expenseAccount: z.string(),
  paymentReference: z.string().nullable(),
  distributionKeyId: id.nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  documentId: id.nullable(),
  documentSha256: z.string().nullable(),
  submittedBy: id.nullable(),
  /** userId 0: approved from the command line (the firm's administrator). */
  approvals: z.array(z.object({ userId: z.number().int().nonnegative(), as: z.enum(['approver', 'council']), name: z.string() })),
  needsCouncil: z.boolean(),
  rejectionReason: z.string().nullable(),
  entryId: id.nullable(),
  paymentEntryId: id.nullable(),
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string().nullable() })),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;

export const approvalPolicy = z.object({
  approverRoles: z.array(z.enum(['syndic', 'admin', 'accountant'])).min(1),
  councilThresholdCents: cents.nullable(),
  fourEyes: z.boolean(),
});

const bulkResult = z.object({
  done: z.array(id),
  /** Approved by this person but still waiting for the other approval. */
  waiting: z.array(id),
  refused: z.array(z.object({ id, rule: z.string(), message: z.string() })),
});

export const invoiceOperations = {
  'suppliers.list': query({ summary: 'Suppliers', permission: 'finance.read', input: z.object({ search: z.string().trim().max(100).optional() }), output: z.array(supplier) }),
  'suppliers.create': command({ summary: 'Create a supplier', permission: 'finance.write', input: supplierInput, output: z.object({ id }) }),
  'suppliers.update': command({ summary: 'Change a supplier', permission: 'finance.write', input: z.object({ id, data: supplierInput }), output: z.object({ id }) }),
  'invoices.list': query({
    summary: 'Invoices, filtered and sorted, by keyset pages',
    permission: 'finance.read',
    input: z.object({
      buildingId: id.optional(),
      status: invoiceStatus.optional(),
      supplierId: id.optional(),
      minCents: cents.optional(),
      maxCents: cents.optional(),
      dueBefore: isoDate.optional(),
      search: z.string().trim().max(100).optional(),
      sort: z.enum(['dueDate', 'invoiceDate', 'amount']).default('dueDate'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      cursor: z.string().max(200).nullable().default(null),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({ rows: z.array(invoiceRow), nextCursor: z.string().nullable() }),
  }),
  'invoices.get': query({ summary: 'One invoice with its history', permission: 'finance.read', input: z.object({ id }), output: invoiceDetail }),
  'invoices.create': command({
    summary: 'Encode a supplier invoice (draft); `submit` sends it for approval at once',
    permission: 'finance.write',
    input: z.object({ data: invoiceInput, submit: z.boolean().default(false) }),
    output: z.object({ id, duplicateOf: id.nullable() }),
  }),
  'invoices.update': command({
    summary: 'Change an invoice; a submitted or rejected one goes back to draft',
    permission: 'finance.write',
    input: z.object({ id, data: invoiceInput }),
    output: z.object({ id, status: invoiceStatus }),
  }),
  'invoices.submit': command({ summary: 'Send draft invoices for approval', permission: 'finance.write', input: z.object({ ids: z.array(id).min(1).max(500) }), output: bulkResult }),
  'invoices.approve': command({
    summary: 'Approve invoices (one or many); full approval posts the entry 6xx / 440',
    permission: 'invoices.approve',
    input: z.object({ ids: z.array(id).min(1).max(500) }),
    output: bulkResult,
  }),
  'invoices.reject': command({
    summary: 'Reject an invoice, saying why',
    permission: 'invoices.approve',
    input: z.object({ id, reason: z.string().trim().min(3).max(500) }),
    output: z.object({ id }),
  }),
  'invoices.pay': command({
    summary: 'Record the payment of an approved invoice: posts 440 / 55x',
    permission: 'finance.write',
    input: z.object({ id, date: isoDate, bankAccountId: id.optional() }),
    output: z.object({ id, entryId: id }),
  }),
  'invoices.inboxCount': query({
    summary: 'How many invoices wait for my approval, and for anyone',
    permission: 'finance.read',
    input: z.object({}),
    output: z.object({ waitingForMe: z.number().int(), pending: z.number().int() }),
  }),
  'invoices.policy': query({ summary: 'Approval policy of a building', permission: 'finance.read', input: z.object({ buildingId: id }), output: approvalPolicy }),
  'invoices.setPolicy': command({ summary: 'Set the approval policy of a building', permission: 'finance.close', input: z.object({ buildingId: id, policy: approvalPolicy }), output: approvalPolicy }),
  'documents.get': query({
    summary: 'A stored document (e.g. an invoice PDF)',
    permission: 'finance.read',
    input: z.object({ id }),
    output: z.object({ id, fileName: z.string(), mimeType: z.string(), sha256: z.string(), contentBase64: z.string() }),
  }),
};
