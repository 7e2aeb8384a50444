import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Argument, Option, type Command } from 'commander';
import type { ReportKind } from '../../../src-shared/contract/reports.js';
import { fiscalYearStarting, LEDGER_GROUP, yearArg } from '../ledger-options.js';
import { badInput, call, globalOptions, group, out, positiveInt, printJson, withApp } from '../run.js';

const KINDS: Record<string, ReportKind> = {
  'trial-balance': 'trialBalance',
  'general-ledger': 'generalLedger',
  'owner-statement': 'ownerStatement',
  'balance-sheet': 'balanceSheet',
  'income-statement': 'incomeStatement',
};

/**
 * `koprogo ledger export KIND --building ID --year YYYY --format csv|pdf --out FILE`: a
 * report of a fiscal year as a file, the same bytes as the app's export (`reports.export`).
 */
export function register(program: Command): void {
  group(program, ...LEDGER_GROUP)
    .command('export')
    .description('write a report of a fiscal year to a CSV (Excel, ;) or PDF (A4) file')
    .addArgument(new Argument('<kind>', 'the report').choices(Object.keys(KINDS)))
    .requiredOption('--building <id>', 'the building', positiveInt)
    .requiredOption('--year <yyyy>', 'the fiscal year, by the year it starts in', yearArg)
    .requiredOption('--out <file>', 'the file to write (replaced if it exists)')
    .addOption(new Option('--format <format>', 'csv or pdf (default: from the extension of --out)').choices(['csv', 'pdf']))
    .addOption(new Option('--lang <language>', 'language of the report').choices(['fr', 'nl']).default('fr'))
    .option('--owner <id>', 'the owner (owner-statement only)', positiveInt)
    .action(async (kindArg: string, opts: { building: number; year: number; out: string; format?: 'csv' | 'pdf'; lang: 'fr' | 'nl'; owner?: number }, cmd: Command) => {
      const kind = KINDS[kindArg] as ReportKind;
      const fromExtension = extname(opts.out).slice(1).toLowerCase();
      const format = opts.format ?? (fromExtension === 'csv' || fromExtension === 'pdf' ? fromExtension : undefined);
      if (!format) throw badInput('Say --format csv or --format pdf (or give --out a .csv or .pdf name).');
      if (kind === 'ownerStatement' && opts.owner === undefined) throw badInput('owner-statement needs --owner ID.');
      if (kind !== 'ownerStatement' && opts.owner !== undefined) throw badInput('--owner is for owner-statement only.');
      await withApp(cmd, async (app) => {
        const fy = await fiscalYearStarting(app, opts.building, opts.year);
        const file = await call(app, 'reports.export', { kind, format, language: opts.lang, buildingId: opts.building, fiscalYearId: fy.id, ...(opts.owner ? { ownerId: opts.owner } : {}) });
        const bytes = Buffer.from(file.contentBase64, 'base64');
        const path = resolve(opts.out);
        writeFileSync(path, bytes);
        if (globalOptions(cmd).json) return printJson({ file: path, fileName: file.fileName, mimeType: file.mimeType, bytes: bytes.length });
        out(`Wrote ${path} (${bytes.length} bytes).`);
      });
    });
}
