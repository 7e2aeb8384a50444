import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { decodeText } from '../../../src-shared/text.js';
import { badInput, call, CliExit, EXIT, err, formatFileProblem, globalOptions, group, OperationFailed, out, positiveInt, printJson, withApp } from '../run.js';

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') throw badInput(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : 'it is a folder'}.`);
    throw e;
  }
}

/**
 * `koprogo import owners FILE.csv --building ID` (docs/import-owners.md). All or nothing:
 * a rejected file prints one `FILE:LINE:COLUMN: message` per problem and exits 2.
 */
export function register(program: Command): void {
  group(program, 'import', 'bring data in from files')
    .command('owners')
    .description('import lots, owners and quote-parts of one building from a CSV file (UTF-8 or Windows-1252, ; or ,)')
    .argument('<file>', 'the CSV file')
    .requiredOption('--building <id>', 'the building to import into (see `koprogo buildings list`)', positiveInt)
    .action(async (file: string, opts: { building: number }, cmd: Command) => {
      const csv = decodeText(readInput(file));
      await withApp(cmd, async (app) => {
        try {
          const summary = await call(app, 'import.owners', { buildingId: opts.building, csv, fileName: basename(file) });
          if (globalOptions(cmd).json) return printJson(summary);
          out(`Imported ${file} into building ${opts.building}: ${summary.lotsCreated} lot(s), ${summary.ownersCreated} new owner(s), ${summary.ownersReused} known owner(s), ${summary.ownershipsCreated} ownership(s).`);
        } catch (e) {
          if (!(e instanceof OperationFailed) || e.error.code !== 'IMPORT_INVALID') throw e;
          const problems = e.error.details?.problems ?? [];
          for (const p of problems) err(formatFileProblem(file, p));
          throw new CliExit(EXIT.badInput, `${file}: ${e.error.message}`);
        }
      });
    });
}
