/**
 * `koprogo bank parse FILE [--json] [--format coda|camt053]` (docs/formats/bank-statements.md):
 * reads a CODA or CAMT.053 statement file (`-` = stdin), the format recognized from the
 * content; `--json` prints the normalized JSON of the spec exactly, else a table per
 * statement. Warnings go to stderr as `FILE:LINE: warning: …` (exit 0); a refused file
 * prints `FILE:LINE: message` (CAMT: `FILE:LINE: element/path: message`), exit 2.
 */
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { formatAmount } from '../../../src-shared/values/money.js';
import { parseBankFile } from '../../domain/bank/parse.js';
import { BankFileError, type BankFile, type BankFormat } from '../../domain/bank/statement.js';
import { emit, printed, refused, type CommandResult } from '../json-input.js';
import { formatTable, globalOptions, group } from '../run.js';

export interface BankParseOptions {
  source?: string;
  json?: boolean;
  format?: BankFormat;
}

function table(file: BankFile): string {
  const rows = file.statements.map((s) => [
    s.account, s.currency, s.sequence ?? '', s.date ?? '', formatAmount(s.openingBalanceCents), formatAmount(s.closingBalanceCents), s.movements.length,
  ]);
  const head = `${file.format === 'coda' ? 'CODA' : 'CAMT.053'}, ${file.statements.length} statement(s), amounts in ${[...new Set(file.statements.map((s) => s.currency))].join(', ') || 'EUR'}`;
  return `${head}\n${formatTable(['Account', 'Currency', 'Sequence', 'Date', 'Opening', 'Closing', 'Movements'], rows, [4, 5, 6])}\n`;
}

/** The whole command on the file's bytes, without I/O: what is printed and the exit code. */
export function runBankParse(bytes: Uint8Array, opts: BankParseOptions = {}): CommandResult {
  const source = opts.source ?? 'input';
  let file: BankFile;
  try {
    file = parseBankFile(bytes, opts.format);
  } catch (e) {
    if (!(e instanceof BankFileError)) throw e;
    const where = e.line > 0 ? `${source}:${e.line}` : source;
    return refused([`${where}: ${e.path ? `${e.path}: ` : ''}${e.message}`]);
  }
  const warnings = file.warnings.map((w) => `${source}:${w.line}: warning: ${w.message}\n`).join('');
  const output = opts.json ? printed(file) : { stdout: table(file), stderr: '', exitCode: 0 as const };
  return { ...output, stderr: warnings };
}

async function readBytes(file: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    if (file !== '-') return { ok: true, bytes: await readFile(file) };
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { ok: false, message: `Cannot read ${file === '-' ? 'stdin' : file}: ${why}.` };
  }
}

export function register(program: Command): void {
  group(program, 'bank', 'bank statements: CODA and CAMT.053')
    .command('parse')
    .description('read a CODA or CAMT.053 statement file and print its statements (--json: the normalized JSON); the format is recognized from the content')
    .argument('<file>', 'the statement file, - for stdin')
    .addOption(new Option('--format <format>', 'read the file as this format, whatever its content looks like').choices(['coda', 'camt053']))
    .action(async (file: string, options: { format?: BankFormat }, cmd: Command) => {
      const read = await readBytes(file);
      const source = file === '-' ? 'stdin' : file;
      emit(read.ok ? runBankParse(read.bytes, { source, json: globalOptions(cmd).json, format: options.format }) : refused([read.message]));
    });
}
