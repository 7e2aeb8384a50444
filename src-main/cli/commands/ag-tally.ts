/**
 * `koprogo ag tally FILE` (docs/formats/ag-tally.md): reads the attendance and votes of one
 * general assembly as JSON (`-` = stdin), prints quorum, proxies and outcomes as JSON,
 * exit 0; invalid input prints one `field: problem` line per problem on stderr, exit 2.
 */
import type { Command } from 'commander';
import { tally } from '../../domain/tally.js';
import { parseTallyInput } from '../../domain/tally-input.js';
import { emit, parseJson, printed, readJsonText, refused, type CommandResult } from '../json-input.js';
import { group } from '../run.js';

/** The whole command on the file's text, without I/O: what is printed and the exit code. */
export function runAgTally(text: string, source = 'input'): CommandResult {
  const parsed = parseJson(text, source);
  if (!parsed.ok) return refused([parsed.message]);
  const input = parseTallyInput(parsed.json);
  if (!input.ok) return refused(input.problems);
  return printed(tally(input.value));
}

export function register(program: Command): void {
  group(program, 'ag', 'general assemblies (AG / AV)')
    .command('tally')
    .description('tally one general assembly: quorum, proxies and the outcome of every resolution (art. 3.87–3.88 Code civil)')
    .argument('<file>', 'the JSON of the meeting (attendance, votes), - for stdin')
    .action(async (file: string) => {
      const read = await readJsonText(file);
      const result = read.ok ? runAgTally(read.text, file === '-' ? 'stdin' : file) : refused([read.message]);
      emit(result);
    });
}
