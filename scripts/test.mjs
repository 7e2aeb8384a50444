#!/usr/bin/env node
/**
 * `npm test`: everything, in the order that fails fastest — system packages the tests need,
 * typecheck, lint, unit + renderer + integration (SQLite and a real PostgreSQL), the
 * packaging test (build + electron-builder offline), the renderer build, and the
 * end-to-end screens in Debian chromium. Ends with one summary line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const results = [];

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n━━ ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

/** The Debian packages the tests use; installed when missing and we may (root + apt-get). */
const SYSTEM_PACKAGES = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/softhsm2-util', pkg: 'softhsm2' },
  { bin: '/usr/bin/pkcs11-tool', pkg: 'opensc' },
  { bin: '/usr/bin/pdfsig', pkg: 'poppler-utils' },
  { bin: '/usr/bin/certutil', pkg: 'libnss3-tools' },
  { bin: '/usr/bin/qpdf', pkg: 'qpdf' },
];
const missing = SYSTEM_PACKAGES.filter((p) => !existsSync(p.bin)).map((p) => p.pkg);
if (missing.length) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    step('system packages', 'apt-get', ['update', '-qq']);
    step('system packages', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { DEBIAN_FRONTEND: 'noninteractive' });
  } else {
    console.error(`\nThe tests need these Debian/Ubuntu packages: ${missing.join(' ')}\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n`);
    process.exit(1);
  }
}

const vitestJson = join(out, 'vitest.json');
const packagingJson = join(out, 'packaging.json');
const playwrightJson = join(out, 'playwright.json');
step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', 'npx', ['eslint', '.']);
step('unit, renderer and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
// After the others: it rebuilds dist/ and runs electron-builder offline (test/packaging).
step('packaging test', 'npx', ['vitest', 'run', '-c', 'test/packaging/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${packagingJson}`]);
const built = step('renderer build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (built) step('end-to-end tests (browser mode, chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });

let passed = 0, failed = 0, skipped = 0;
for (const file of [vitestJson, packagingJson]) {
  if (!existsSync(file)) continue;
  const v = JSON.parse(readFileSync(file, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync(playwrightJson)) {
  const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}
const failedSteps = results.filter((r) => !r.ok);
process.stdout.write(`\n━━ steps: ${results.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} (${r.seconds}s)`).join(' · ')}\n`);
if (failedSteps.length && failed === 0) failed = failedSteps.length; // a step that failed before counting tests still fails the run
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
// Any failed test fails the run, whatever a runner's own exit status said.
process.exit(failedSteps.length || failed ? 1 : 0);
