import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { BuildingSchema } from './portfolio.entity.js';

/** A stored file (supplier invoice PDF, later minutes…), identified by its SHA-256. */
export const DocumentSchema = defineEntity({
  name: 'Document',
  tableName: 'document',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    sha256: p.string().length(64).unique(),
    fileName: p.string().length(260),
    mimeType: p.string().length(100),
    size: p.integer(),
    content: p.blob().lazy(),
    createdAt: p.datetime(),
  }),
});
export type Document = InferEntity<typeof DocumentSchema>;

/** A supplier of the firm's buildings (fournisseur / leverancier). */
export const SupplierSchema = defineEntity({
  name: 'Supplier',
  tableName: 'supplier',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.string().length(160),
    /** BCE/KBO number (VAT number without BE) */
    bce: p.string().length(10).nullable(),
    iban: p.string().length(34).nullable(),
    defaultExpenseAccount: p.string().length(16).nullable(),
    email: p.string().length(254).nullable(),
    createdAt: p.datetime(),
  }),
  indexes: [{ properties: ['name'] }],
});
export type Supplier = InferEntity<typeof SupplierSchema>;

export const InvoiceSchema = defineEntity({
  name: 'Invoice',
  tableName: 'invoice',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    supplier: p.manyToOne(SupplierSchema),
    /** The supplier's own invoice number; with the supplier, it detects duplicates. */
    number: p.string().length(60),
    invoiceDate: p.date(),
    dueDate: p.date(),
    /** Total to pay, VAT included (an ACP does not recover VAT: it is a charge). */
    amountCents: p.bigint('number'),
    vatCents: p.bigint('number'),
    expenseAccount: p.string().length(16),
    distributionKeyId: p.integer().nullable(),
    periodStart: p.date().nullable(),
    periodEnd: p.date().nullable(),
    description: p.string().length(300),
    /** The supplier's payment reference (Belgian OGM digits or an RF reference), for the transfer. */
    paymentReference: p.string().length(35).nullable(),
    document: p.manyToOne(DocumentSchema).nullable(),
    status: p.string().length(20),
    submittedBy: p.integer().nullable(),
    /** [{ userId, as: 'approver' | 'council' }] of the current round */
    approvals: p.json<{ userId: number; as: 'approver' | 'council' }[]>(),
    rejectionReason: p.string().length(500).nullable(),
    entryId: p.integer().nullable(),
    paymentEntryId: p.integer().nullable(),
    /** The statement of charges that distributed it to the owners. */
    statementId: p.integer().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  }),
  uniques: [{ properties: ['supplier', 'number'] }],
  indexes: [
    { name: 'invoice_inbox', properties: ['status', 'dueDate', 'id'] },
    { name: 'invoice_building_status', properties: ['building', 'status', 'dueDate', 'id'] },
    // documents.get finds the invoice of a document (foreign keys are not indexed by PostgreSQL: 0006).
    { properties: ['document'] },
  ],
});
export type Invoice = InferEntity<typeof InvoiceSchema>;

/** Every transition of an invoice, with who and when. */
export const InvoiceEventSchema = defineEntity({
  name: 'InvoiceEvent',
  tableName: 'invoice_event',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    invoice: p.manyToOne(InvoiceSchema),
    at: p.datetime(),
    actor: p.string().length(120),
    action: p.string().length(30),
    fromStatus: p.string().length(20).nullable(),
    toStatus: p.string().length(20),
    note: p.string().length(500).nullable(),
  }),
  // An invoice's history (invoices.get); PostgreSQL does not index foreign keys by itself (0006).
  indexes: [{ properties: ['invoice'] }],
});
export type InvoiceEvent = InferEntity<typeof InvoiceEventSchema>;

/** Who approves a building's invoices, and above which amount the council co-approves. */
export const ApprovalPolicySchema = defineEntity({
  name: 'ApprovalPolicy',
  tableName: 'approval_policy',
  properties: (p) => ({
    building: p.oneToOne(BuildingSchema).primary(),
    approverRoles: p.json<string[]>(),
    councilThresholdCents: p.bigint('number').nullable(),
    fourEyes: p.boolean(),
  }),
});
export type ApprovalPolicyRow = InferEntity<typeof ApprovalPolicySchema>;
