/**
 * `koprogo ogm new NUMBER10`: the Belgian structured communication (OGM / VCS) of a
 * 10-digit base number, `+++ddd/dddd/dddcc+++` where cc is the base mod 97 (97 for 0).
 * `--json` prints `{ "ogm", "digits" }`. Anything but 10 digits exits 2.
 */
import type { Command } from 'commander';
import { makeOgm } from '../../../src-shared/values/ogm.js';
import { emit, printed, refused, type CommandResult } from '../json-input.js';
import { globalOptions, group } from '../run.js';

export function runOgmNew(input: string, json = false): CommandResult {
  const base = input.trim();
  if (!/^\d{10}$/.test(base)) return refused([`"${input}" is not a base number: an OGM is made from exactly 10 digits, e.g. 1234567890.`]);
  const ogm = makeOgm(base);
  return json ? printed({ ogm, digits: ogm.replace(/\D/g, '') }) : { stdout: `${ogm}\n`, stderr: '', exitCode: 0 };
}

export function register(program: Command): void {
  group(program, 'ogm', 'Belgian structured communications (OGM / VCS)')
    .command('new')
    .description('the structured communication +++ddd/dddd/dddcc+++ of a 10-digit number (check digits: mod 97)')
    .argument('<number>', 'the 10 digits, e.g. 1234567890')
    .action((number: string, _options: unknown, cmd: Command) => emit(runOgmNew(number, globalOptions(cmd).json)));
}
