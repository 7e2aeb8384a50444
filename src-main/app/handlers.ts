import type { HandlerMap } from './context.js';
import { portfolioHandlers } from './portfolio/portfolio.handlers.js';
import { settingsHandlers } from './system/settings.handlers.js';
import { systemHandlers } from './system/system.handlers.js';
import { firmHandlers } from './system/firm.handlers.js';
import { ledgerHandlers } from './finance/ledger.handlers.js';
import { invoiceHandlers } from './finance/invoices.handlers.js';
import { chargeHandlers } from './finance/charges.handlers.js';
import { governanceHandlers } from './governance/governance.handlers.js';
import { governanceDocumentHandlers } from './governance/governance-documents.handlers.js';
import { smtpSettingsHandlers } from './system/smtp-settings.js';
import { reportHandlers } from './finance/reports.handlers.js';
import { bankingHandlers } from './banking/banking.handlers.js';
import { reminderHandlers } from './banking/reminders.handlers.js';
import { sepaHandlers } from './banking/sepa.handlers.js';
import { signingHandlers } from './signing/signing.handlers.js';
import { signingSettingsHandlers } from './signing/signing-settings.js';

/** Every operation's implementation; the test in handlers.test.ts keeps it equal to the contract. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...settingsHandlers,
  ...smtpSettingsHandlers,
  ...firmHandlers,
  ...portfolioHandlers,
  ...ledgerHandlers,
  ...invoiceHandlers,
  ...chargeHandlers,
  ...governanceHandlers,
  ...governanceDocumentHandlers,
  ...reportHandlers,
  ...bankingHandlers,
  ...reminderHandlers,
  ...sepaHandlers,
  ...signingHandlers,
  ...signingSettingsHandlers,
};
