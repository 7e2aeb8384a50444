/**
 * `koprogo ogm check TEXT`: is TEXT a valid Belgian structured communication? Accepts the
 * usual writings (`+++123/4567/89002+++`, `***…***`, spaces, slashes, dots, bare digits).
 * Valid: prints the normalized `+++ddd/dddd/dddcc+++`, exit 0 (`--json`: `{ "ogm", "digits" }`).
 * Invalid: says why — the format (not 12 digits) or the check digits — exit 2.
 */
import type { Command } from 'commander';
import { makeOgm, ogmCheckDigits, ogmDigits } from '../../../src-shared/values/ogm.js';
import { emit, printed, refused, type CommandResult } from '../json-input.js';
import { globalOptions, group } from '../run.js';

export function runOgmCheck(input: string, json = false): CommandResult {
  const digits = ogmDigits(input);
  if (digits === null) {
    return refused([`invalid format: "${input}" is not a structured communication — it has 12 digits, written +++ddd/dddd/dddcc+++.`]);
  }
  const expected = ogmCheckDigits(digits.slice(0, 10));
  if (expected !== digits.slice(10)) {
    return refused([`wrong check digits: "${input}" ends in ${digits.slice(10)}, but ${digits.slice(0, 10)} mod 97 gives ${expected} (+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7, 10)}${expected}+++).`]);
  }
  const ogm = makeOgm(digits.slice(0, 10));
  return json ? printed({ ogm, digits }) : { stdout: `${ogm}\n`, stderr: '', exitCode: 0 };
}

export function register(program: Command): void {
  group(program, 'ogm', 'Belgian structured communications (OGM / VCS)')
    .command('check')
    .description('check a structured communication (format and mod-97 check digits) and print it normalized')
    .argument('<text>', 'the communication, e.g. "+++123/4567/89002+++" (quote it: + and / are fine, spaces need quotes)')
    .action((text: string, _options: unknown, cmd: Command) => emit(runOgmCheck(text, globalOptions(cmd).json)));
}
