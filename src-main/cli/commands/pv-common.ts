/**
 * What `pv sign` and `pv verify` share: the command group, reading the PDF, and turning the
 * signing module's named errors into exit codes (docs/signing.md).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { badInput, CliExit, EXIT, group } from '../run.js';

export const pvGroup = (program: Command): Command =>
  group(program, 'pv', 'minutes of general assemblies (procès-verbaux / notulen): eID signatures');

/** The file's bytes; a missing or unreadable file is refused (exit 2). */
export async function readInputPdf(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw badInput(`Cannot read ${file}: ${why}.`);
  }
}

/** Signing errors carry `badInput`: exit 2 for a refused file or field, 1 for the card, the reader, the machine. */
export async function asCliExit(e: unknown): Promise<unknown> {
  const { SigningError } = await import('../../signing/errors.js');
  const { TrustFileError } = await import('../../signing/trust-anchors.js');
  if (e instanceof SigningError) return new CliExit(e.badInput ? EXIT.badInput : EXIT.failure, e.message);
  if (e instanceof TrustFileError) return badInput(e.message);
  return e;
}

/**
 * The PKCS#11 module of `pv sign` and `pv cards`: `--pkcs11-module`, else the one saved in
 * the app's Settings on this computer (settings.json in the user-data folder, the one
 * KOPROGO_HOME names), else undefined — $KOPROGO_PKCS11_MODULE, then the eID middleware's
 * usual places (pkcs11.ts). The same order as the app's, with the option first.
 */
export async function cliModulePath(option: string | undefined): Promise<string | undefined> {
  if (option) return option;
  const { fileSettings } = await import('../../app/local-settings.js');
  const { userDataDir } = await import('../../db/paths.js');
  const { savedModulePath } = await import('../../app/signing/signing-settings.js');
  return savedModulePath(fileSettings(join(userDataDir(), 'settings.json'))) ?? undefined;
}
