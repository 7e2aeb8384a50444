import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The application's version, from package.json. */
export const APP_VERSION: string = (() => {
  for (const rel of ['../../package.json', '../../../package.json', '../../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'koprogo-desktop' && pkg.version) return pkg.version;
    } catch {
      /* try the next place: source tree and build tree differ in depth */
    }
  }
  return '0.0.0';
})();
