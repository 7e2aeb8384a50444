import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { formatAmount } from '../../../src-shared/values/money.js';
import { call, err, globalOptions, group, out, positiveInt, printJson, withApp } from '../run.js';

const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new InvalidArgumentError('Expected a date YYYY-MM-DD.');
  return v;
};
const idList = (v: string) => v.split(',').map((s) => positiveInt(s.trim()));

/**
 * `koprogo sepa payments --building ID --out FILE.xml [--date YYYY-MM-DD] [--invoices 1,2]`
 * (docs/banking.md): a pain.001.001.09 credit-transfer file paying the building's approved
 * invoices still to pay whose supplier has an IBAN, for upload to the bank. The invoices
 * stay approved until the statement shows the payment and it is matched.
 */
export function register(program: Command): void {
  group(program, 'sepa', 'SEPA payment files (pain.001, pain.008)')
    .command('payments')
    .description('write a pain.001.001.09 file paying the approved invoices of a building')
    .requiredOption('--building <id>', 'the building whose invoices are paid', positiveInt)
    .requiredOption('--out <file>', 'the XML file to write')
    .option('--date <date>', 'requested execution date (default: today)', isoDate)
    .option('--invoices <ids>', 'only these invoices, comma-separated', idList)
    .action(async (opts: { building: number; out: string; date?: string; invoices?: number[] }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const r = await call(app, 'sepa.payments', { buildingId: opts.building, executionDate: opts.date ?? new Date().toISOString().slice(0, 10), ...(opts.invoices ? { invoiceIds: opts.invoices } : {}) });
        await writeFile(opts.out, Buffer.from(r.contentBase64, 'base64'));
        for (const s of r.skipped) err(`invoice ${s.invoiceId} left out: ${s.reason}`);
        const { contentBase64: _content, ...summary } = r;
        if (globalOptions(cmd).json) return printJson({ ...summary, out: opts.out });
        out(`${opts.out}: ${r.transactions} transfer(s), ${formatAmount(r.controlSumCents)} EUR, message ${r.messageId}.`);
      });
    });
}
