import { Option, type Command } from 'commander';
import { INVOICE_STATUSES, type InvoiceRow } from '../../../src-shared/contract/invoices.js';
import { formatAmount } from '../../../src-shared/values/money.js';
import { call, formatTable, globalOptions, group, out, positiveInt, printJson, withApp } from '../run.js';

/** Page size of each `invoices.list` call (the contract's maximum); the command reads every page. */
const PAGE = 200;

/**
 * `koprogo invoices list [--status S] [--building ID]`: every matching supplier invoice, by
 * due date, all pages. A table for people; with --json an array of the contract's
 * invoiceRow (docs/formats/invoices-list.md).
 */
export function register(program: Command): void {
  group(program, 'invoices', 'supplier invoices')
    .command('list')
    .description('list supplier invoices by due date (every page)')
    .addOption(new Option('--status <status>', 'only invoices in this state').choices([...INVOICE_STATUSES]))
    .option('--building <id>', 'only the invoices of this building', positiveInt)
    .action(async (opts: { status?: (typeof INVOICE_STATUSES)[number]; building?: number }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const rows: InvoiceRow[] = [];
        let cursor: string | null = null;
        do {
          const page: { rows: InvoiceRow[]; nextCursor: string | null } = await call(app, 'invoices.list', {
            ...(opts.status ? { status: opts.status } : {}), ...(opts.building ? { buildingId: opts.building } : {}), sort: 'dueDate', direction: 'asc', cursor, limit: PAGE,
          });
          rows.push(...page.rows);
          cursor = page.nextCursor;
        } while (cursor);
        if (globalOptions(cmd).json) return printJson(rows);
        if (rows.length === 0) return out('No invoices.');
        out(formatTable(
          ['ID', 'Building', 'Supplier', 'Number', 'Invoice date', 'Due date', 'Amount', 'Status'],
          rows.map((i) => [i.id, i.buildingName, i.supplierName, i.number, i.invoiceDate, i.dueDate, formatAmount(i.amountCents), i.status]),
          [0, 6],
        ));
      });
    });
}
