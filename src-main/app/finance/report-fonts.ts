import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fonts embedded in PDF reports: DejaVu Sans and Sans Bold (full Latin, € and the
 * accents of French, Dutch and German), shipped in assets/fonts with their licence — never
 * the system's fonts, which differ from one machine to the next. Found in the packaged
 * app's resources (electron-builder `extraResources`), else in the checkout's
 * assets/fonts above this module (sources through tsx, or the tsc build in dist/).
 */
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export class ReportFontsMissingError extends Error {
  override name = 'ReportFontsMissingError';
}

export function fontsDir(): string {
  const candidates: string[] = [];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'fonts'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    candidates.push(join(dir, 'assets', 'fonts'));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const found = candidates.find((d) => existsSync(join(d, FILES.regular)) && existsSync(join(d, FILES.bold)));
  if (!found) throw new ReportFontsMissingError(`The report fonts (${FILES.regular}, ${FILES.bold}) are missing: looked in ${candidates.join(', ')}`);
  return found;
}

let cache: { regular: Uint8Array; bold: Uint8Array } | null = null;

export function reportFonts(): { regular: Uint8Array; bold: Uint8Array } {
  if (!cache) {
    const dir = fontsDir();
    cache = { regular: readFileSync(join(dir, FILES.regular)), bold: readFileSync(join(dir, FILES.bold)) };
  }
  return cache;
}
