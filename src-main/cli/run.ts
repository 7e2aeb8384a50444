/**
 * Shared plumbing of the `koprogo` commands: global options, opening the application,
 * calling operations, printing results and errors, exit codes.
 *
 * Command files import only this module and types at load time; the application (MikroORM,
 * SQLite, handlers) is imported when a command runs, so that `koprogo --help` starts fast.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import type { AppInstance } from '../app/bootstrap.js';
import type { DbTarget } from '../db/orm.js';
import { BackupIntegrityError, BackupRefusedError, DatabaseInUseError, DatabaseNewerError } from '../db/errors.js';
import type { OpInput, OpOutput, OperationName } from '../../src-shared/contract/index.js';
import type { AppErrorPayload, ErrorCode, Problem } from '../../src-shared/result.js';

/**
 * 0 success; 2 the input was refused (arguments, validation, a rejected file); 1 anything else
 * failed; 3 a PDF signature does not verify (`pv verify`: the file was changed after signing).
 */
export const EXIT = { ok: 0, failure: 1, badInput: 2, signatureInvalid: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Ends a command with an exit code; a non-empty message goes to stderr. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message = '',
  ) {
    super(message);
    this.name = 'CliExit';
  }
}
export const badInput = (message: string): CliExit => new CliExit(EXIT.badInput, message);

/** An operation answered with an error envelope. */
export class OperationFailed extends Error {
  constructor(
    readonly operation: string,
    readonly error: AppErrorPayload,
  ) {
    super(error.message);
    this.name = 'OperationFailed';
  }
}

/** Codes that mean "what you gave was refused" rather than "something broke". */
const BAD_INPUT_CODES: readonly ErrorCode[] = ['VALIDATION', 'IMPORT_INVALID', 'NOT_FOUND', 'CONFLICT', 'DOMAIN_RULE', 'UNKNOWN_OPERATION'];
export const exitCodeFor = (code: ErrorCode): ExitCode => (BAD_INPUT_CODES.includes(code) ? EXIT.badInput : EXIT.failure);

// ---------------------------------------------------------------------------- options

export interface GlobalOptions {
  db?: string;
  pg?: string;
  json?: boolean;
}

export function addGlobalOptions(program: Command): Command {
  return program
    .option('--db <path>', 'the SQLite database file (default: $KOPROGO_DB, else koprogo.sqlite in the user-data folder)')
    .option('--pg <url>', 'a PostgreSQL database, postgresql://user:password@host:port/name (default: $KOPROGO_PG)')
    .option('--json', 'print results as JSON for programs');
}

/** The global options, wherever they were written on the command line. */
export const globalOptions = (cmd: Command): GlobalOptions => cmd.optsWithGlobals<GlobalOptions>();

/** commander argument parser for database ids. */
export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('Expected a positive whole number.');
  return Number(value);
}

/** The command group `name` (`db`, `import`, ...), created by the first command file that needs it. */
export function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

// ---------------------------------------------------------------------------- the application

/** --db / --pg / KOPROGO_DB / KOPROGO_PG / the default file; a SQLite path is made absolute. */
export async function targetOf(cmd: Command): Promise<DbTarget> {
  const o = globalOptions(cmd);
  if (o.db && o.pg) throw badInput('Choose one database: --db PATH or --pg URL, not both.');
  const { resolveTarget } = await import('../app/bootstrap.js');
  const t = resolveTarget({ db: o.db, pg: o.pg });
  return t.driver === 'sqlite' ? { driver: 'sqlite', path: resolve(t.path) } : t;
}

export async function describeTarget(target: DbTarget): Promise<string> {
  if (target.driver === 'sqlite') return target.path;
  const { redactUrl } = await import('../db/orm.js');
  return redactUrl(target.url);
}

/** Errors from opening a database: say where, never the password. */
async function openFailure(e: unknown, target: DbTarget): Promise<unknown> {
  if (e instanceof DatabaseNewerError || e instanceof CliExit) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return new CliExit(EXIT.failure, `Cannot open the database ${await describeTarget(target)}: ${(e as Error).message}`);
  return e;
}

/** A SQLite file's folder is created on first use (the user-data folder on a new machine). */
export function prepareTarget(target: DbTarget): void {
  if (target.driver === 'sqlite') mkdirSync(dirname(target.path), { recursive: true });
}

/** Runs `fn` with the application open on the chosen database (migrated), then closes it. */
export async function withApp<T>(cmd: Command, fn: (app: AppInstance, target: DbTarget) => Promise<T>): Promise<T> {
  const target = await targetOf(cmd);
  prepareTarget(target);
  const { startApp } = await import('../app/bootstrap.js');
  let app: AppInstance;
  try {
    app = await startApp({ target, door: 'cli' });
  } catch (e) {
    throw await openFailure(e, target);
  }
  try {
    return await fn(app, target);
  } finally {
    await app.close();
  }
}

/** Calls an operation as the command line (the firm's administrator; audit actor `cli`). */
export async function call<N extends OperationName>(app: AppInstance, name: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const r = await app.dispatcher.call(name, input, { cli: true });
  if (!r.ok) throw new OperationFailed(name, r.error);
  return r.value as OpOutput<N>;
}

// ---------------------------------------------------------------------------- output

const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
/** What the user asked for: stdout. */
export const out = (text: string): void => void process.stdout.write(line(text));
/** Problems and messages: stderr. */
export const err = (text: string): void => void process.stderr.write(line(text));
export const printJson = (value: unknown): void => out(JSON.stringify(value, null, 2));

/** A plain text table; columns listed in `right` are right-aligned (numbers). */
export function formatTable(headers: string[], rows: (string | number)[][], right: number[] = []): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const width = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat((width[i] ?? 0) - [...s].length);
    return right.includes(i) ? fill + s : s + fill;
  };
  return cells.map((r) => r.map((c, i) => pad(c, i)).join('  ').trimEnd()).join('\n');
}

/**
 * One problem of a file, as compilers print them: `FILE:LINE:COLUMN: column: message`
 * (the column number is left out when the problem concerns a whole row).
 */
export function formatFileProblem(file: string, p: Problem): string {
  const where = [file, p.line, typeof p.column === 'number' && p.column > 0 ? p.column : undefined].filter((x) => x !== undefined).join(':');
  const field = p.path?.length ? `${p.path.join('.')}: ` : '';
  return `${where}: ${field}${p.message}`;
}

function printOperationFailed(e: OperationFailed): void {
  err(`${e.error.message}`);
  for (const p of e.error.details?.problems ?? []) err(`  ${p.path?.length ? `${p.path.join('.')}: ` : ''}${p.message}`);
}

/** Prints what went wrong, for people, and returns the exit code. Never prints data of a failed query. */
export function reportError(e: unknown): ExitCode {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.badInput; // commander printed it
  if (e instanceof CliExit) {
    if (e.message) err(e.message);
    return e.exitCode;
  }
  if (e instanceof OperationFailed) {
    printOperationFailed(e);
    return exitCodeFor(e.error.code);
  }
  if (e instanceof BackupIntegrityError || e instanceof BackupRefusedError) {
    err(e.message);
    return EXIT.badInput;
  }
  if (e instanceof DatabaseNewerError || e instanceof DatabaseInUseError) {
    err(e.message);
    return EXIT.failure;
  }
  const sys = e as NodeJS.ErrnoException;
  if (typeof sys?.code === 'string' && typeof sys.syscall === 'string') {
    err(sys.message); // ENOENT, EACCES, ENOSPC...: the path is the user's own
    return EXIT.failure;
  }
  // An internal error's message may quote data (a query, a row): the name and where, not the text.
  err(`Internal error (${(e as Error)?.name ?? 'Error'}); nothing more is printed to keep personal data out of logs.`);
  if (process.env.KOPROGO_DEBUG === '1') err(String((e as Error)?.stack ?? e));
  else err('Run again with KOPROGO_DEBUG=1 to see the details.');
  return EXIT.failure;
}
