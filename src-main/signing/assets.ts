import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export class SigningAssetMissingError extends Error {
  override name = 'SigningAssetMissingError';
}

/** Where a module runs from: the checkout (sources or dist/) or a packaged app's app.asar. */
export interface AssetLocation {
  /** Electron's `process.resourcesPath`; undefined under plain Node (CLI, tests, browser mode). */
  resourcesPath: string | undefined;
  /** The folder of the module asking. */
  moduleDir: string;
}

/** `…/resources/app.asar/dist/…` → `…/resources`; null outside an asar. */
function asarResources(moduleDir: string): string | null {
  let dir = moduleDir;
  for (;;) {
    if (basename(dir) === 'app.asar') return dirname(dir);
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * The folders that may hold `name`, in order. In a packaged app (the module sits inside
 * app.asar) only `<resources>/<name>`, where electron-builder's `extraResources` puts it:
 * walking up from inside the asar would end in the install folder's parents, which other
 * programs or users may write (a planted `assets/belgium-eid-certs` would become a trust
 * anchor). Unpackaged: `<resourcesPath>/<name>` when Electron gives one (`electron .`),
 * then `assets/<name>` in the folders above the module (sources through tsx, or dist/).
 */
export function assetCandidates(name: string, where: AssetLocation): string[] {
  const packaged = asarResources(where.moduleDir);
  if (packaged !== null) return [join(packaged, name)];
  const candidates: string[] = [];
  if (where.resourcesPath) candidates.push(join(where.resourcesPath, name));
  let dir = where.moduleDir;
  for (let i = 0; i < 8; i++) {
    candidates.push(join(dir, 'assets', name));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return candidates;
}

/** This process's location: Electron's resources folder, if any, and this module's folder. */
export function currentLocation(): AssetLocation {
  return { resourcesPath: (process as { resourcesPath?: string }).resourcesPath, moduleDir: dirname(fileURLToPath(import.meta.url)) };
}

/** A folder of files shipped with the app (see assetCandidates), identified by a file it must hold. */
export function assetDir(name: string, mustContain: string, where: AssetLocation = currentLocation()): string {
  const candidates = assetCandidates(name, where);
  const found = candidates.find((d) => existsSync(join(d, mustContain)));
  if (!found) throw new SigningAssetMissingError(`${name}/${mustContain} is missing: looked in ${candidates.join(', ')}`);
  return found;
}
