import { basename } from 'node:path';
import type { Command } from 'commander';
import { isPlainObject } from '../../domain/field-path.js';
import { parseJson, readJsonText } from '../json-input.js';
import { LEDGER_GROUP, problemPath } from '../ledger-options.js';
import { badInput, call, CliExit, EXIT, err, globalOptions, group, OperationFailed, out, positiveInt, printJson, withApp } from '../run.js';

/**
 * `koprogo ledger import FILE.json --building ID` (docs/formats/ledger-import.md): posts
 * the file's entries through `ledger.import`. All or nothing: one invalid or unbalanced
 * entry rejects the file, nothing is posted, each problem is printed as
 * `FILE: entries[3].lines[1].accountCode: message`, exit 2.
 */
export function register(program: Command): void {
  group(program, ...LEDGER_GROUP)
    .command('import')
    .description('post journal entries from a JSON file (opening balances, a move from another program); all or nothing')
    .argument('<file>', 'the JSON file {"entries": [...]}, - for stdin')
    .requiredOption('--building <id>', 'the building whose books receive the entries', positiveInt)
    .action(async (file: string, opts: { building: number }, cmd: Command) => {
      const name = file === '-' ? 'stdin' : file;
      const read = await readJsonText(file);
      if (!read.ok) throw badInput(read.message);
      const parsed = parseJson(read.text, name);
      if (!parsed.ok) throw badInput(parsed.message);
      if (!isPlainObject(parsed.json) || !Array.isArray(parsed.json.entries)) throw badInput(`${name}: entries: expected an object {"entries": [ … ]} with an array of entries.`);
      const entries = parsed.json.entries as never;
      await withApp(cmd, async (app) => {
        try {
          const r = await call(app, 'ledger.import', { buildingId: opts.building, entries });
          if (globalOptions(cmd).json) return printJson(r);
          out(`Imported ${file === '-' ? 'stdin' : basename(file)} into building ${opts.building}: ${r.posted} entr${r.posted === 1 ? 'y' : 'ies'}, ${r.lines} line(s).`);
        } catch (e) {
          if (!(e instanceof OperationFailed) || !['IMPORT_INVALID', 'VALIDATION'].includes(e.error.code)) throw e;
          const problems = e.error.details?.problems ?? [];
          if (problems.length === 0) throw e;
          for (const p of problems) {
            // `entries[3].lines[1].accountCode: …`; the handler's message may already name the entry (`entries[1]: …`).
            const where = p.path?.[0] === 'entries' ? problemPath(p.path) : '';
            const message = where ? p.message.replace(/^entries\[\d+\]: /, '') : p.message;
            err(`${name}: ${where ? `${where}: ` : ''}${message}`);
          }
          throw new CliExit(EXIT.badInput, `${name}: the file was rejected (${problems.length} problem${problems.length > 1 ? 's' : ''}); nothing was posted.`);
        }
      });
    });
}
