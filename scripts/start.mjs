#!/usr/bin/env node
/**
 * `npm start`: KoproGo with demo data, in Electron when its runtime is here, otherwise
 * in browser mode (ADR 0005). Works on a machine where the Electron download failed.
 *
 *   npm start [-- --db FILE | --pg URL] [--port N]      (browser mode only: --port, --json)
 *   npm run dev                                          (always rebuilds first)
 *
 * KOPROGO_FETCH_ELECTRON=1 tries to download the Electron runtime when it is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...p) => join(root, ...p);
const args = process.argv.slice(2);
const forceBuild = args.includes('--dev');
const passthrough = args.filter((a) => a !== '--dev');
const say = (msg) => process.stderr.write(`[start] ${msg}\n`);

/** Newest modification time under these files/folders (sources of a build). */
function newest(paths) {
  let max = 0;
  const walk = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) walk(join(p, name));
    } else max = Math.max(max, st.mtimeMs);
  };
  paths.forEach((p) => walk(at(p)));
  return max;
}

/** True when an output is missing or older than one of its sources. */
function stale(outputs, sources) {
  if (forceBuild) return true;
  if (!outputs.every((o) => existsSync(at(o)))) return true;
  const oldest = Math.min(...outputs.map((o) => statSync(at(o)).mtimeMs));
  return oldest < newest(sources);
}

function npmRun(script) {
  say(`npm run ${script}`);
  const r = spawnSync('npm', ['run', script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  return r.status === 0;
}

/**
 * The runtime the `electron` package would run, WITHOUT require('electron'): since
 * Electron 38 that require downloads the runtime when it is missing.
 */
function electronBinary() {
  const pkg = at('node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let rel;
  try {
    rel = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    if (!override) return null;
    rel = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';
  }
  const dist = override ?? join(pkg, 'dist');
  const bin = join(dist, rel);
  return existsSync(bin) ? bin : null;
}

const hasDisplay = () => process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** Runs the child in the foreground: Ctrl+C and SIGTERM reach it, its exit code is ours. */
function foreground(cmd, cmdArgs) {
  const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    say(`could not start ${cmd}: ${e.message}`);
    process.exit(1);
  });
}

// 1. The renderer, rebuilt when its sources changed.
if (stale(['dist/renderer/index.html'], ['src-renderer', 'src-shared', 'vite.config.ts'])) {
  if (!npmRun('build:renderer')) {
    if (existsSync(at('dist/renderer/index.html'))) say('the renderer did not build: starting with the previous build');
    else say('the renderer did not build: the screens will be missing (see the errors above)');
  }
}

// 2. Electron when it can run here.
let electron = electronBinary();
if (!electron && process.env.KOPROGO_FETCH_ELECTRON === '1') {
  say('downloading the Electron runtime (KOPROGO_FETCH_ELECTRON=1)');
  spawnSync(process.execPath, [at('node_modules', 'electron', 'install.js')], { cwd: root, stdio: 'inherit' });
  electron = electronBinary();
}

if (electron && hasDisplay()) {
  const main = ['dist/main-build/src-main/electron/main.js', 'dist/main-build/src-main/electron/preload.cjs'];
  if (stale(main, ['src-main', 'src-shared', 'migrations', 'tsconfig.json', 'tsconfig.main.json', 'scripts/build-preload.mjs']) && !npmRun('build:main')) {
    say('the main process did not build (see the errors above)');
    process.exit(1);
  }
  foreground(electron, ['.', '--seed-demo', ...passthrough]);
} else {
  // 3. Otherwise browser mode: the same handlers on 127.0.0.1, with the same renderer.
  say(electron ? 'no display: starting in browser mode' : 'no Electron runtime here (ADR 0005): starting in browser mode');
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  foreground(process.execPath, [tsx, 'src-main/browser-mode.ts', '--seed-demo', ...passthrough]);
}
