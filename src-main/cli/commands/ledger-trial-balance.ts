import { Option, type Command } from 'commander';
import { formatAmount } from '../../../src-shared/values/money.js';
import { fiscalYearStarting, LEDGER_GROUP, yearArg } from '../ledger-options.js';
import { call, formatTable, globalOptions, group, out, positiveInt, printJson, withApp } from '../run.js';

/**
 * `koprogo ledger trial-balance --building ID --year YYYY`: the trial balance of the fiscal
 * year that starts in YYYY. A table for people; with --json the object of
 * docs/formats/trial-balance.md (amounts in cents).
 */
export function register(program: Command): void {
  group(program, ...LEDGER_GROUP)
    .command('trial-balance')
    .description('the trial balance of a fiscal year: every account with movements, debit, credit, balance, totals')
    .requiredOption('--building <id>', 'the building', positiveInt)
    .requiredOption('--year <yyyy>', 'the fiscal year, by the year it starts in', yearArg)
    .addOption(new Option('--lang <language>', 'language of the account labels').choices(['fr', 'nl']).default('fr'))
    .action(async (opts: { building: number; year: number; lang: 'fr' | 'nl' }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const fy = await fiscalYearStarting(app, opts.building, opts.year);
        const tb = await call(app, 'ledger.trialBalance', { buildingId: opts.building, fiscalYearId: fy.id });
        if (globalOptions(cmd).json) return printJson({ buildingId: opts.building, fiscalYear: fy, ...tb });
        if (tb.rows.length === 0) return out(`No entries in the fiscal year ${fy.startDate} – ${fy.endDate}.`);
        const euros = (c: number) => formatAmount(c, opts.lang);
        out(`Fiscal year ${fy.startDate} – ${fy.endDate} (${fy.status}), amounts in euros`);
        out(formatTable(
          ['Account', 'Label', 'Debit', 'Credit', 'Balance'],
          [
            ...tb.rows.map((r) => [r.code, opts.lang === 'nl' ? r.labelNl : r.labelFr, euros(r.debitCents), euros(r.creditCents), euros(r.balanceCents)]),
            ['', 'Total', euros(tb.totalDebitCents), euros(tb.totalCreditCents), euros(tb.totalDebitCents - tb.totalCreditCents)],
          ],
          [2, 3, 4],
        ));
      });
    });
}
