/**
 * The Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * item by item, against the real main process (main.ts) started on a stand-in `electron`
 * module and a real SQLite file. Each test is what the item asks for, seen from outside:
 * the options a window is created with, what a page's navigation or window.open leads to,
 * what reaches the OS, what a permission request gets, what an IPC call from the wrong
 * frame gets. ADR 0018 maps the items to these tests.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL, IPC_OPEN_PROJECTOR } from '../../src-shared/bridge.js';
import { startApp, type AppInstance } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import type * as HardeningModule from '../../src-main/electron/hardening.js';
import { cspHeader } from '../../src-main/electron/security.js';
import { startBrowserServer } from '../../src-main/transport/http-server.js';
import { cancellable, fake, type FakeSession, type FakeWebContents } from '../support/fake-electron.js';

vi.mock('electron', async () => (await import('../support/fake-electron.js')).electronModule());
type Hardening = typeof HardeningModule;

const root = join(import.meta.dirname, '..', '..');

/** "a; b c" → { a: [], b: ['c'] } */
const directives = (csp: string) =>
  Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));

describe('the Electron security checklist, on the running main process', () => {
  let home: string;
  const previousHome = process.env.KOPROGO_HOME;
  let hardening: Hardening;
  const window = () => fake.state.windows[0]!;
  const prefs = () => window().options.webPreferences as Record<string, unknown>;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'koprogo-checklist-'));
    process.env.KOPROGO_HOME = join(home, 'user-data');
    fake.state.appPath = join(home, 'app');
    mkdirSync(join(home, 'app', 'dist', 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(home, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>KoproGo</title><script type="module" src="/assets/index.js"></script>');
    writeFileSync(join(home, 'app', 'dist', 'renderer', 'assets', 'index.js'), 'export {}');
    await import('../../src-main/electron/main.js');
    hardening = await import('../../src-main/electron/hardening.js');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 30_000, interval: 50 });
  }, 60_000);

  afterAll(async () => {
    fake.electron.app.quit();
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(2), { timeout: 10_000 });
    if (previousHome === undefined) delete process.env.KOPROGO_HOME;
    else process.env.KOPROGO_HOME = previousHome;
    rmSync(home, { recursive: true, force: true });
  });

  it('1. loads only the app itself, from app:// (never file:// or http://)', () => {
    expect(window().webContents.getURL()).toBe('app://koprogo/');
    // Every source the CSP allows is the app itself or in-memory data: nothing from a network.
    const allowed = new Set(["'self'", "'none'", 'data:', 'blob:', "'unsafe-inline'"]);
    for (const [name, values] of Object.entries(directives(cspHeader()))) {
      for (const v of values) expect(allowed.has(v), `${name} ${v}`).toBe(true);
    }
  });

  it('2. gives no renderer Node.js: not the window, its workers or its frames', () => {
    expect(prefs()).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('3. isolates the preload’s world from the page (contextIsolation)', () => {
    expect(prefs().contextIsolation).toBe(true);
    expect(String(prefs().preload)).toMatch(/preload\.cjs$/);
  });

  it('4. sandboxes every renderer: the window, and all of them through app.enableSandbox() before ready', () => {
    expect(prefs().sandbox).toBe(true);
    expect(fake.calls).toContain('enableSandbox');
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('ready'));
  });

  describe('5. permissions', () => {
    const permissions = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'storage-access', 'idle-detection', 'window-management', 'unknown'];
    const denies = (s: FakeSession) => {
      const granted: boolean[] = [];
      for (const p of permissions) s.permissionRequest!(window().webContents, p, (g) => granted.push(g), { requestingUrl: 'app://koprogo/' });
      expect(granted).toEqual(permissions.map(() => false));
      for (const p of permissions) expect(s.permissionCheck!(window().webContents, p, 'app://koprogo', {}), p).toBe(false);
      expect(s.devicePermission!({ deviceType: 'usb', origin: 'app://koprogo' })).toBe(false);
    };

    it('denies every request and check on the default session, before the window opens', () => {
      denies(fake.defaultSession);
      expect(fake.calls.indexOf('ready')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'));
    });

    it('denies them on any session created later too (another partition)', () => {
      const other = fake.electron.session.fromPartition('persist:preview') as unknown as FakeSession;
      denies(other);
      expect(other.headersHook).not.toBeNull();
    });
  });

  it('6, 8, 9, 10. keeps web security, refuses insecure content, experimental and Blink features', () => {
    expect(prefs()).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
    expect(prefs()).not.toHaveProperty('enableBlinkFeatures');
  });

  describe('7. Content-Security-Policy', () => {
    it('is on every app:// response, errors included', async () => {
      const handler = fake.state.protocolHandler!;
      const responses = await Promise.all(
        ['app://koprogo/', 'app://koprogo/assets/index.js', 'app://koprogo/assets/missing.js', 'app://koprogo/..%2f..%2fetc%2fpasswd', 'app://other/'].map((u) => handler(new Request(u))),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 403, 403]);
      for (const r of responses) expect(r.headers.get('content-security-policy')).toBe(cspHeader());
      const post = await handler(new Request('app://koprogo/', { method: 'POST', body: 'x' }));
      expect(post.status).toBe(405);
      expect(post.headers.get('content-security-policy')).toBe(cspHeader());
    });

    it('replaces the policy of any other response that reaches a session, whatever the case of its header', () => {
      let result: { responseHeaders?: Record<string, string[]> } = {};
      fake.defaultSession.headersHook!(
        { url: 'https://example.be/', responseHeaders: { 'content-security-policy': ["default-src *; script-src * 'unsafe-eval'"], 'Content-Type': ['text/html'] } },
        (r) => void (result = r),
      );
      const csp = Object.entries(result.responseHeaders ?? {}).filter(([k]) => k.toLowerCase() === 'content-security-policy');
      expect(csp).toEqual([['Content-Security-Policy', [cspHeader()]]]);
      expect(result.responseHeaders?.['Content-Type']).toEqual(['text/html']);
    });

    it('is the policy of browser mode’s HTTP responses, but for the WebSocket browser mode needs', async () => {
      const app: AppInstance = await startApp({ target: { driver: 'sqlite', path: join(home, 'browser.sqlite') }, door: 'test', localSettings: memorySettings() });
      const server = await startBrowserServer({ dispatcher: app.dispatcher, staticDir: join(home, 'app', 'dist', 'renderer') });
      try {
        const page = await fetch(`http://127.0.0.1:${server.port}/`, { headers: { 'x-koprogo-token': server.token } });
        expect(page.status).toBe(200);
        const refused = await fetch(`http://127.0.0.1:${server.port}/`);
        expect(refused.status).toBe(401);
        for (const r of [page, refused]) {
          const http = directives(r.headers.get('content-security-policy') ?? '');
          const electron = directives(cspHeader());
          expect(http['connect-src']).toEqual([...electron['connect-src']!, `ws://127.0.0.1:${server.port}`, `ws://localhost:${server.port}`]);
          expect({ ...http, 'connect-src': [] }).toEqual({ ...electron, 'connect-src': [] });
        }
      } finally {
        await server.close();
        await app.close();
      }
    });
  });

  describe('11, 12. <webview>', () => {
    it('is disabled in the window and refused when a page tries to attach one', () => {
      expect(prefs().webviewTag).toBe(false);
      const attach = cancellable({});
      expect(window().webContents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://evil.example/', allowpopups: true })).toBe(1);
      expect(attach.prevented).toBe(true);
    });
  });

  describe('13. navigation', () => {
    const navigate = (wc: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string) => {
      const e = cancellable({ url });
      wc.emit(event, e, url);
      return e.prevented;
    };

    it('stays within app://koprogo/; every other destination is stopped, in the window and in any new web contents', () => {
      const later = new (fake.electron.BrowserWindow as unknown as new (o: object) => { webContents: FakeWebContents })({}).webContents;
      fake.state.windows.pop();
      for (const wc of [window().webContents, later]) {
        for (const ev of ['will-navigate', 'will-redirect'] as const) {
          expect(navigate(wc, ev, 'app://koprogo/#/buildings/1')).toBe(false);
          for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://koprogo.evil/', 'app://other/', 'javascript:alert(1)', 'data:text/html,<script>1</script>']) {
            expect(navigate(wc, ev, url), `${ev} ${url}`).toBe(true);
          }
        }
      }
    });
  });

  describe('14, 15. new windows and shell.openExternal', () => {
    it('never opens a window; https and mailto links go to the OS, nothing else does', () => {
      const before = fake.state.opened.length;
      const open = window().webContents.windowOpenHandler!;
      const urls = ['https://www.ejustice.just.fgov.be/', 'mailto:syndic@example.be', 'http://example.be/', 'file:///C:/Windows/system32/calc.exe', 'smb://server/share', 'ms-msdt:/id', 'javascript:alert(1)', 'app://koprogo/projector', 'https://user:pw@example.be/'];
      for (const url of urls) expect(open({ url }), url).toEqual({ action: 'deny' });
      expect(fake.state.opened.slice(before)).toEqual(['https://www.ejustice.just.fgov.be/', 'mailto:syndic@example.be']);
    });

    it('a link the page navigates to is opened outside only when it is https or mailto', () => {
      const before = fake.state.opened.length;
      for (const url of ['https://koprogo.be/docs', 'file:///etc/passwd', 'vbscript:x']) window().webContents.emit('will-navigate', cancellable({ url }), url);
      expect(fake.state.opened.slice(before)).toEqual(['https://koprogo.be/docs']);
    });

    it('the app’s own menu goes through the same filter (Help → Documentation)', () => {
      const before = fake.state.opened.length;
      const help = (fake.state.menu as { submenu?: { click?: () => void; label?: string }[] }[]).at(-1)!;
      const docs = help.submenu!.find((i) => typeof i.click === 'function' && /doc/i.test(i.label ?? ''))!;
      docs.click!();
      expect(fake.state.opened.slice(before)).toEqual(['https://koprogo.be/docs']);
      hardening.openExternal('file:///etc/passwd');
      hardening.openExternal('https://ok.example/');
      expect(fake.state.opened.slice(before + 1)).toEqual(['https://ok.example/']);
    });
  });

  it('16. runs the Electron version package.json pins, a supported major', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pkg.devDependencies.electron);
    // Electron supports the latest three majors; 45 is current when this was written (ADR 0018).
    expect(Number(installed.version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  describe('17. IPC senders', () => {
    const event = (wc: FakeWebContents, frame: { url: string; parent: unknown; frameTreeNodeId: number } | null) => ({ sender: wc, senderFrame: frame });

    it('has two invoke channels (the operations, the projector window) and no one-way, synchronous or page-chosen channel', () => {
      expect(fake.state.ipcChannels).toEqual([IPC_CALL, IPC_OPEN_PROJECTOR]);
    });

    it('opens a projector window only for the main frame of a window showing the app, on an app:// projector route', () => {
      const wc = window().webContents;
      const main = { url: 'app://koprogo/#/assemblies/1', parent: null, frameTreeNodeId: wc.mainFrame.frameTreeNodeId };
      const ask = fake.state.ipcHandlers.get(IPC_OPEN_PROJECTOR)!;
      const key = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4';
      const count = fake.state.windows.length;
      ask(event(wc, { ...main, parent: {}, frameTreeNodeId: main.frameTreeNodeId + 1 }), { assemblyId: 1, key });
      ask(event(wc, { ...main, url: 'https://evil.example/' }), { assemblyId: 1, key });
      ask(event(wc, main), { assemblyId: 1, key: 'https://evil.example/#' });
      expect(fake.state.windows).toHaveLength(count);
      ask(event(wc, main), { assemblyId: 1, key });
      const projector = fake.state.windows.at(-1)!;
      expect(fake.state.windows).toHaveLength(count + 1);
      expect(projector.webContents.getURL()).toBe(`app://koprogo/#/projector/1/${key}`);
      expect(projector.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      // The projector is closed again: the later items count the main window only.
      projector.emit('closed');
      fake.state.windows.pop();
    });

    it('answers only the main frame of a window showing the app', async () => {
      const wc = window().webContents;
      const main = { url: 'app://koprogo/#/', parent: null, frameTreeNodeId: wc.mainFrame.frameTreeNodeId };
      expect(await fake.state.ipcHandler!(event(wc, main), 'system.info', {})).toMatchObject({ ok: true });
      const refused = [
        event(wc, { ...main, parent: {}, frameTreeNodeId: main.frameTreeNodeId + 1 }), // an iframe (e.g. a PDF preview)
        event(wc, { ...main, url: 'https://evil.example/' }), // the window navigated away
        event(wc, { ...main, url: 'blob:app://koprogo/0d6c' }),
        event(wc, { ...main, frameTreeNodeId: main.frameTreeNodeId + 7 }), // a frame that is not this window's main frame
        event(wc, null), // the frame is gone
      ];
      for (const e of refused) expect(await fake.state.ipcHandler!(e, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
    // Push events reach only windows showing the app: src-main/transport/ipc.test.ts.
  });

  it('a second launch focuses the open window instead of opening another', () => {
    expect(fake.state.windows).toHaveLength(1);
    const before = fake.state.windows.length;
    fake.electron.app.emit('second-instance');
    expect(fake.state.windows).toHaveLength(before);
  });
});
