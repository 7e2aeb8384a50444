/**
 * Tripwires in the sources (comments removed, tests excluded): the Electron APIs and page
 * patterns that would undo ADR 0003 may appear only in the one file that wraps them
 * safely, or nowhere. A new use fails here and has to be argued for in an ADR.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !/test-setup\.ts$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** The code of a file without its comments (printed back by the TypeScript compiler). */
function code(file: string): string {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

const files = ['src-main', 'src-shared', 'src-renderer'].flatMap(sources);
const codeOf = new Map(files.map((f) => [f, code(f)]));

/** What may appear, and where (an empty list: nowhere). */
const RULES: { what: string; pattern: RegExp; only: string[] }[] = [
  { what: 'the remote module', pattern: /@electron\/remote|enableRemoteModule/, only: [] },
  { what: 'synchronous IPC', pattern: /\bsendSync\b|\bipcMain\.(on|once|handleOnce)\b/, only: [] },
  { what: 'ipcRenderer (only the preload holds it)', pattern: /\bipcRenderer\b/, only: ['src-main/electron/preload.ts'] },
  { what: 'contextBridge (one exposed API)', pattern: /\bexposeInMainWorld\b/, only: ['src-main/electron/preload.ts'] },
  { what: 'ipcMain (one door)', pattern: /\bipcMain\b/, only: ['src-main/electron/main.ts', 'src-main/transport/ipc.ts'] },
  {
    what: 'a weakened window',
    pattern: /\b(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|webviewTag|allowRunningInsecureContent|experimentalFeatures)\s*:\s*true|\b(contextIsolation|sandbox|webSecurity)\s*:\s*false|enableBlinkFeatures/,
    only: [],
  },
  { what: 'windows (all made with secureWebPreferences)', pattern: /new BrowserWindow\b|\bwebPreferences\b/, only: ['src-main/electron/windows.ts'] },
  { what: 'loading a page', pattern: /\.(loadURL|loadFile)\s*\(/, only: ['src-main/electron/windows.ts'] },
  { what: 'shell.openExternal (filtered to https and mailto)', pattern: /\bopenExternal\s*\(/, only: ['src-main/electron/hardening.ts', 'src-main/electron/main.ts', 'src-main/electron/security.ts'] },
  { what: 'privileged schemes', pattern: /registerSchemesAsPrivileged|bypassCSP|corsEnabled|allowServiceWorkers/, only: ['src-main/electron/hardening.ts'] },
  { what: '<webview>', pattern: /<webview\b|\bwebview\b\s*=/i, only: [] },
  { what: 'HTML injected from strings', pattern: /dangerouslySetInnerHTML|\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\s*\(/, only: [] },
  { what: 'code from strings', pattern: /\beval\s*\(|\bnew Function\s*\(|executeJavaScript|setTimeout\s*\(\s*['"`]/, only: [] },
  { what: 'a CSP that allows eval', pattern: /unsafe-eval|unsafe-hashes/, only: [] },
];

describe('security tripwires in the sources', () => {
  it('reads the sources of the three folders', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('src-main/electron/preload.ts');
  });

  for (const rule of RULES) {
    it(`${rule.what}: ${rule.only.length ? `only in ${rule.only.join(', ')}` : 'nowhere'}`, () => {
      const found = files.filter((f) => rule.pattern.test(codeOf.get(f)!));
      expect(found.filter((f) => !rule.only.includes(f))).toEqual([]);
    });
  }

  it('the app depends on no remote module and no Electron helper that loads code', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((d) => /electron/.test(d))).toEqual([]);
  });
});
