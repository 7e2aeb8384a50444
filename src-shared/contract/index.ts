import type { z } from 'zod';
import type { OperationDef } from './define.js';
import { portfolioOperations } from './portfolio.js';
import { ledgerOperations } from './ledger.js';
import { invoiceOperations } from './invoices.js';
import { chargeOperations } from './charges.js';
import { governanceOperations } from './governance.js';
import { governanceDocumentOperations } from './governance-documents.js';
import { smtpOperations } from './smtp.js';
import { reportOperations } from './reports.js';
import { systemOperations } from './system.js';
import { bankingOperations } from './banking.js';
import { signingOperations } from './signing.js';
import { signingSettingsOperations } from './signing-settings.js';

/** Every operation of the application, declared once. */
export const operations = {
  ...systemOperations,
  ...portfolioOperations,
  ...ledgerOperations,
  ...invoiceOperations,
  ...chargeOperations,
  ...governanceOperations,
  ...governanceDocumentOperations,
  ...smtpOperations,
  ...reportOperations,
  ...bankingOperations,
  ...signingOperations,
  ...signingSettingsOperations,
} satisfies Record<string, OperationDef>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const operationNames = Object.keys(operations) as OperationName[];
export const isOperationName = (s: string): s is OperationName => Object.hasOwn(operations, s);

export { events, type EventName, type EventPayload } from './events.js';
export type { OperationDef } from './define.js';
