import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { call, globalOptions, group, out, positiveInt, printJson, withApp } from '../run.js';

/**
 * `koprogo ag minutes --ag ID --out FILE.pdf [--lang fr|nl]`: drafts the minutes of a
 * closed meeting (or the PV of carence of a failed one) with `ag.minutes` — stored as the
 * meeting's minutes document, with empty signature fields — and writes the PDF.
 */
export function register(program: Command): void {
  group(program, 'ag', 'general assemblies (AG / AV)')
    .command('minutes')
    .description('write the minutes (procès-verbal / notulen) of a closed general assembly to a PDF file, with its signature fields (art. 3.87 §10 Code civil)')
    .requiredOption('--ag <id>', 'the general assembly', positiveInt)
    .requiredOption('--out <file>', 'the PDF file to write (replaced if it exists)')
    .addOption(new Option('--lang <language>', 'language of the minutes').choices(['fr', 'nl']).default('fr'))
    .action(async (opts: { ag: number; out: string; lang: 'fr' | 'nl' }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const file = await call(app, 'ag.minutes', { assemblyId: opts.ag, language: opts.lang });
        const bytes = Buffer.from(file.contentBase64, 'base64');
        const path = resolve(opts.out);
        writeFileSync(path, bytes);
        if (globalOptions(cmd).json) return printJson({ file: path, fileName: file.fileName, documentId: file.documentId, sha256: file.sha256, bytes: bytes.length });
        out(`Wrote ${path} (${bytes.length} bytes); stored as document ${file.documentId}, SHA-256 ${file.sha256}.`);
      });
    });
}
