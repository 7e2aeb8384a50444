/**
 * `koprogo pv sign IN.pdf --out OUT.pdf --field NAME`: signs a signature field of a PDF with
 * the `Signature` key of a Belgian eID card (PAdES B-B, docs/signing.md). The input is never
 * modified; the output is written beside its destination and renamed into place, so it is
 * either complete or absent. A refused file or field exits 2 before the card is touched;
 * a card, reader or PIN problem exits 1.
 */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { badInput, err, globalOptions, out, printJson } from '../run.js';
import { asCliExit, cliModulePath, pvGroup, readInputPdf } from './pv-common.js';

interface SignOptions {
  out: string;
  field: string;
  pkcs11Module?: string;
  slot?: string;
  pinStdin?: boolean;
  reason?: string;
  location?: string;
}

/** The first line of stdin, without its end-of-line. Read only when the token asks for the PIN. */
function readStdinLine(): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const stdin = process.stdin;
    let text = '';
    const finish = (line: string) => {
      stdin.off('data', onData).off('end', onEnd).off('error', reject);
      stdin.pause();
      resolveLine(line.replace(/\r$/, ''));
    };
    const onData = (chunk: string) => {
      text += chunk;
      const nl = text.indexOf('\n');
      if (nl >= 0) finish(text.slice(0, nl));
    };
    const onEnd = () => finish(text);
    stdin.setEncoding('utf8');
    stdin.on('data', onData).on('end', onEnd).on('error', reject);
    stdin.resume();
  });
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

/** Writes `bytes` to a temporary file beside `file`, flushes it to disk, then renames it over `file`. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

async function signCommand(input: string, o: SignOptions, cmd: Command): Promise<void> {
  const outFile = resolve(o.out);
  if (await samePath(input, outFile)) throw badInput('--out must name another file: the input PDF is never modified.');
  const pdf = await readInputPdf(input);

  const { checkSignable, signPdf } = await import('../../signing/pades.js');
  const { EidSigner, parseSlotId } = await import('../../signing/pkcs11.js');
  const { applicationPin, middlewarePin } = await import('../../signing/pin.js');

  let slotId: bigint | undefined;
  if (o.slot !== undefined) {
    const parsed = parseSlotId(o.slot);
    if (parsed === null) throw badInput(`--slot takes a slot ID as pkcs11-tool -L prints it (0x2669d1e3) or in decimal, not "${o.slot}".`);
    slotId = parsed;
  }

  try {
    // The file and the field first: a refusal must not cost the person a PIN entry.
    await checkSignable(pdf, o.field);
    const pin = o.pinStdin
      ? applicationPin(async () => {
          const line = await readStdinLine();
          if (!line) throw badInput('--pin-stdin: stdin has no PIN on its first line.');
          return line;
        })
      : middlewarePin();
    const signer = await EidSigner.open({ modulePath: await cliModulePath(o.pkcs11Module), slotId, pin });
    let signed;
    try {
      if (!o.pinStdin) err('Signing with the eID card: type the PIN in the eID window or on the reader when asked.');
      signed = await signPdf(pdf, { field: o.field, signer, reason: o.reason, location: o.location });
    } finally {
      signer.close();
    }
    await writeAtomically(outFile, signed.pdf);
    if (globalOptions(cmd).json) printJson({ out: outFile, field: signed.field, signer: signed.signer, signingTime: signed.signingTime.toISOString() });
    else out(`Signed the field ${signed.field} as ${signed.signer}: ${outFile}`);
  } catch (e) {
    throw await asCliExit(e);
  }
}

export function register(program: Command): void {
  pvGroup(program)
    .command('sign')
    .description('sign a signature field of a PDF with a Belgian eID card (PAdES B-B); writes a new file')
    .argument('<in>', 'the PDF to sign (never modified)')
    .requiredOption('--out <file>', 'the signed PDF to write')
    .requiredOption('--field <name>', 'the signature field to sign (its full name)')
    .option('--pkcs11-module <path>', "the PKCS#11 module (default: the one saved in the app's Settings, else $KOPROGO_PKCS11_MODULE, else the Belgian eID middleware)")
    .option('--slot <id>', 'the slot ID as `pkcs11-tool -L` prints it (default: the first eID card)')
    .option('--pin-stdin', 'read the PIN from the first line of stdin (test tokens; a real eID card asks for it itself)')
    .option('--reason <text>', "the signer's role, shown in the signature (e.g. \"Président de séance\")")
    .option('--location <text>', 'where it was signed')
    .addHelpText('after', '\nExit codes: 0 signed; 2 bad input (missing file, not a PDF, no such field, already signed); 1 the card, reader or PIN failed.')
    .action(async (input: string, o: SignOptions, cmd: Command) => signCommand(input, o, cmd));
}
