/**
 * Reading the JSON file of an exchange-format command (`ag tally FILE`, `charges
 * distribute FILE`): `-` is stdin. Failures are messages for people, never stack traces;
 * the commands turn them into exit 2 (the input was refused).
 */
import { readFile } from 'node:fs/promises';
import { CliExit } from './run.js';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 2;
}

export const refused = (lines: string[]): CommandResult => ({ stdout: '', stderr: lines.map((l) => `${l}\n`).join(''), exitCode: 2 });
export const printed = (value: unknown): CommandResult => ({ stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: '', exitCode: 0 });

/** The file's text, strictly UTF-8 (RFC 8259), a leading BOM dropped. */
export async function readJsonText(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { ok: false, message: `Cannot read ${file === '-' ? 'stdin' : file}: ${why}.` };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, message: `${file === '-' ? 'stdin' : file}: not valid UTF-8 (JSON files are UTF-8).` };
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON.parse with a message naming the source instead of a thrown SyntaxError. */
export function parseJson(text: string, source: string): { ok: true; json: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `${source}: invalid JSON (${(e as Error).message}).` };
  }
}

/** Writes a result; a refusal ends the command with its exit code through main's error mapping. */
export function emit(result: CommandResult): void {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.exitCode !== 0) throw new CliExit(result.exitCode); // already printed: no message
}
