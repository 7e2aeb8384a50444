import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontsDir, ReportFontsMissingError } from '../app/finance/report-fonts.js';
import { assetCandidates, assetDir, SigningAssetMissingError } from './assets.js';
import { shippedCertsDir } from './trust-anchors.js';

/**
 * Where the shipped fonts and eID certificates are found, in the three layouts the code
 * runs in: a packaged app (module inside resources/app.asar, assets beside it through
 * electron-builder's extraResources), `electron .` in a checkout, and plain Node.
 */
describe('shipped assets', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'koprogo-assets-'));
    // A packaged app as electron-builder lays it out on Linux and Windows.
    const resources = join(root, 'KoproGo', 'resources');
    mkdirSync(join(resources, 'app.asar', 'dist', 'main-build', 'src-main', 'signing'), { recursive: true });
    mkdirSync(join(resources, 'fonts'), { recursive: true });
    for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) writeFileSync(join(resources, 'fonts', f), '');
    // A planted folder above the install folder: must never be used by a packaged app.
    mkdirSync(join(root, 'assets', 'belgium-eid-certs'), { recursive: true });
    writeFileSync(join(root, 'assets', 'belgium-eid-certs', 'belgium-root-ca6.pem'), 'planted');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const packagedModule = () => join(root, 'KoproGo', 'resources', 'app.asar', 'dist', 'main-build', 'src-main', 'signing');

  it('in a packaged app, looks only in the resources folder beside app.asar', () => {
    const where = { resourcesPath: join(root, 'KoproGo', 'resources'), moduleDir: packagedModule() };
    expect(assetCandidates('fonts', where)).toEqual([join(root, 'KoproGo', 'resources', 'fonts')]);
    expect(fontsDir(where)).toBe(join(root, 'KoproGo', 'resources', 'fonts'));
  });

  it('in a packaged app, finds the resources from the asar path even without process.resourcesPath', () => {
    expect(assetCandidates('belgium-eid-certs', { resourcesPath: undefined, moduleDir: packagedModule() })).toEqual([
      join(root, 'KoproGo', 'resources', 'belgium-eid-certs'),
    ]);
  });

  it('in a packaged app whose certificates are missing, refuses rather than trusting a folder above the install', () => {
    const where = { resourcesPath: join(root, 'KoproGo', 'resources'), moduleDir: packagedModule() };
    expect(() => assetDir('belgium-eid-certs', 'belgium-root-ca6.pem', where)).toThrow(SigningAssetMissingError);
  });

  it('unpackaged, tries Electron’s resources first, then assets/ in the folders above the module', () => {
    const moduleDir = join(root, 'checkout', 'dist', 'main-build', 'src-main', 'signing');
    const candidates = assetCandidates('fonts', { resourcesPath: join(root, 'electron', 'resources'), moduleDir });
    expect(candidates.slice(0, 6)).toEqual([
      join(root, 'electron', 'resources', 'fonts'),
      join(moduleDir, 'assets', 'fonts'),
      join(root, 'checkout', 'dist', 'main-build', 'src-main', 'assets', 'fonts'),
      join(root, 'checkout', 'dist', 'main-build', 'assets', 'fonts'),
      join(root, 'checkout', 'dist', 'assets', 'fonts'),
      join(root, 'checkout', 'assets', 'fonts'),
    ]);
  });

  it('names every place it looked when the fonts are missing', () => {
    const where = { resourcesPath: undefined, moduleDir: join(root, 'empty', 'src-main', 'app', 'finance') };
    expect(() => fontsDir(where)).toThrow(ReportFontsMissingError);
    expect(() => fontsDir(where)).toThrow(join(root, 'empty', 'src-main', 'app', 'finance', 'assets', 'fonts'));
  });

  it('in this checkout, finds assets/fonts and assets/belgium-eid-certs', () => {
    const repo = join(import.meta.dirname, '..', '..');
    expect(fontsDir()).toBe(join(repo, 'assets', 'fonts'));
    expect(shippedCertsDir()).toBe(join(repo, 'assets', 'belgium-eid-certs'));
  });
});
