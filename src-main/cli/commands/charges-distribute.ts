/**
 * `koprogo charges distribute FILE` (docs/formats/charge-distribution.md): splits an
 * amount of cents over lots by weight (largest remainder), `-` = stdin; prints
 * `{ "shares": … }` as JSON, exit 0; invalid input: one `field: problem` line each, exit 2.
 */
import type { Command } from 'commander';
import { distribute, parseDistributionInput } from '../../domain/distribution.js';
import { emit, parseJson, printed, readJsonText, refused, type CommandResult } from '../json-input.js';
import { group } from '../run.js';

/** The whole command on the file's text, without I/O: what is printed and the exit code. */
export function runChargesDistribute(text: string, source = 'input'): CommandResult {
  const parsed = parseJson(text, source);
  if (!parsed.ok) return refused([parsed.message]);
  const input = parseDistributionInput(parsed.json);
  if (!input.ok) return refused(input.problems);
  return printed({ shares: distribute(input.value.amountCents, input.value.weights) });
}

export function register(program: Command): void {
  group(program, 'charges', 'charges: distribution over lots')
    .command('distribute')
    .description('split an amount in cents over lots by weight; the cents always add up (largest remainder)')
    .argument('<file>', 'the JSON {"amountCents", "weights"}, - for stdin')
    .action(async (file: string) => {
      const read = await readJsonText(file);
      const result = read.ok ? runChargesDistribute(read.text, file === '-' ? 'stdin' : file) : refused([read.message]);
      emit(result);
    });
}
