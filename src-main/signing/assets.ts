import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export class SigningAssetMissingError extends Error {
  override name = 'SigningAssetMissingError';
}

/**
 * A folder of files shipped with the app: `<resources>/<name>` in the packaged app
 * (electron-builder `extraResources`), else `assets/<name>` in the checkout above this
 * module (sources through tsx, or the tsc build in dist/).
 */
export function assetDir(name: string, mustContain: string): string {
  const candidates: string[] = [];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, name));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    candidates.push(join(dir, 'assets', name));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const found = candidates.find((d) => existsSync(join(d, mustContain)));
  if (!found) throw new SigningAssetMissingError(`${name}/${mustContain} is missing: looked in ${candidates.join(', ')}`);
  return found;
}
