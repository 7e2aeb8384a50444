/**
 * `koprogo`: the command line, on the same handlers as the desktop app (docs/cli.md).
 * bin/koprogo imports this module and calls main(); `tsx src-main/cli/main.ts ...` works too.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { APP_VERSION } from '../app/version.js';
import * as commands from './commands/index.js';
import { addGlobalOptions, EXIT, reportError } from './run.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  2  the input was refused: bad arguments, invalid data, a rejected file, an unknown building
  1  something failed: a database from a newer version, in use, unreachable, I/O, internal

Docs: docs/cli.md`;

export function buildProgram(): Command {
  const program = new Command('koprogo')
    .description('KoproGo: co-ownership management for Belgian syndics, from the command line')
    .version(APP_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXIT_CODES_HELP);
  addGlobalOptions(program);
  // Each module of commands/index.ts exports one register(program) function.
  const registrations: Record<string, (program: Command) => void> = commands;
  for (const register of Object.values(registrations)) register(program);
  // Every command, also one built with `new Command()`, throws instead of exiting: main() maps the code.
  const harden = (c: Command) => {
    c.exitOverride();
    c.showHelpAfterError('(koprogo --help lists the commands)');
    c.commands.forEach(harden);
  };
  harden(program);
  return program;
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    return reportError(e);
  }
}

const runDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
})();
if (runDirectly) process.exitCode = await main(process.argv.slice(2));
