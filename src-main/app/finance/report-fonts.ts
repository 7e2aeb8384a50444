import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetCandidates, currentLocation, type AssetLocation } from '../../signing/assets.js';

/**
 * The fonts embedded in PDF reports: DejaVu Sans and Sans Bold (full Latin, € and the
 * accents of French, Dutch and German), shipped in assets/fonts with their licence — never
 * the system's fonts, which differ from one machine to the next. Found in the packaged
 * app's resources (electron-builder `extraResources`), else in the checkout's assets/fonts
 * (signing/assets.ts `assetCandidates` says where, and why nowhere else when packaged).
 */
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export class ReportFontsMissingError extends Error {
  override name = 'ReportFontsMissingError';
}

export function fontsDir(where: AssetLocation = currentLocation()): string {
  const candidates = assetCandidates('fonts', where);
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
