import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { formatAmount } from '../../../src-shared/values/money.js';
import { problemPath } from '../ledger-options.js';
import { badInput, call, CliExit, err, EXIT, formatTable, globalOptions, group, OperationFailed, out, printJson, withApp } from '../run.js';

/**
 * `koprogo bank import FILE [--format coda|camt053] [--no-auto-match]` (docs/banking.md):
 * imports a CODA or CAMT.053 file through `bank.import`. Each statement goes to the
 * building of its account; the movements are posted (D 55x / C 499) and matched
 * automatically. A refused file prints one line per problem, `FILE: statements[1].account:
 * message`, and exits 2 with nothing imported; statements imported before are listed as
 * duplicates and left out.
 */
export function register(program: Command): void {
  group(program, 'bank', 'bank statements: CODA and CAMT.053')
    .command('import')
    .description('import a CODA or CAMT.053 statement file into the books of the buildings of its accounts, then match the payments')
    .argument('<file>', 'the statement file')
    .addOption(new Option('--format <format>', 'read the file as this format, whatever its content looks like').choices(['coda', 'camt053']))
    .option('--no-auto-match', 'post the movements but leave them all for matching by hand')
    .action(async (file: string, opts: { format?: 'coda' | 'camt053'; autoMatch: boolean }, cmd: Command) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw badInput(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}.`);
      }
      await withApp(cmd, async (app) => {
        try {
          const r = await call(app, 'bank.import', { fileName: basename(file), contentBase64: bytes.toString('base64'), ...(opts.format ? { format: opts.format } : {}), autoMatch: opts.autoMatch });
          for (const w of r.warnings) err(`${file}:${w.line}: warning: ${w.message}`);
          if (globalOptions(cmd).json) return printJson(r);
          out(`${basename(file)}: ${r.imported} statement(s) imported, ${r.duplicates} already imported; ${r.movements} movement(s), ${r.matched} matched.`);
          out(formatTable(
            ['Building', 'Account', 'Sequence', 'Date', 'Opening', 'Closing', 'Movements', 'Matched', 'Status'],
            r.statements.map((s) => [s.buildingName, s.account, s.sequence ?? '', s.date ?? '', formatAmount(s.openingBalanceCents), formatAmount(s.closingBalanceCents), s.movements, s.matched, s.status]),
            [4, 5, 6, 7],
          ));
        } catch (e) {
          if (!(e instanceof OperationFailed) || e.error.code !== 'IMPORT_INVALID') throw e;
          const problems = e.error.details?.problems ?? [];
          for (const p of problems) {
            const where = p.line ? `${file}:${p.line}` : file;
            // Statement problems name the statement (`statements[1].account`); a parser's message names its element itself.
            const path = p.path?.[0] === 'statements' ? `${problemPath(p.path)}: ` : '';
            err(`${where}: ${path}${p.message}`);
          }
          throw new CliExit(EXIT.badInput, `${file}: the file was refused; nothing was imported.`);
        }
      });
    });
}
