/**
 * main.ts wired against a stand-in for the `electron` module (the runtime is not
 * installed where the tests run): the order of the security set-up, the window's
 * preferences, the app:// responses, IPC end to end on a real SQLite file, the
 * navigation hooks, the single-instance behaviour and the clean shutdown.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL, IPC_OPEN_PROJECTOR } from '../../src-shared/bridge.js';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const calls: string[] = [];
  const appListeners = new Map<string, Listener[]>();
  const state = {
    lock: true,
    appPath: '',
    userData: '',
    ready: false,
    protocolHandler: null as null | ((req: Request) => Promise<Response>),
    ipcHandler: null as null | ((...args: unknown[]) => Promise<unknown>),
    /** Every invoke handler by channel (the operations' is also `ipcHandler`). */
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    windows: [] as FakeWindow[],
    opened: [] as string[],
    quitCalls: 0,
    exitCode: null as number | null,
    menu: null as unknown,
    headersHook: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
  };
  class FakeWindow {
    listeners = new Map<string, Listener>();
    url = '';
    shown = 0;
    webContents = { id: state.windows.length + 1, send: () => undefined, isDestroyed: () => false, getURL: () => this.url, once: () => undefined, mainFrame: { frameTreeNodeId: state.windows.length + 1 } };
    constructor(readonly options: Record<string, unknown>) {
      calls.push('new BrowserWindow');
      state.windows.push(this);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    show = () => void this.shown++;
    focus = () => undefined;
    maximize = () => undefined;
    fullScreen = false;
    setFullScreen = (on: boolean) => void (this.fullScreen = on);
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 40, y: 30, width: 1300, height: 900 });
    getBounds = () => ({ x: 40, y: 30, width: 1300, height: 900 });
    once = (ev: string, l: Listener) => void this.listeners.set(ev, l);
    on = (ev: string, l: Listener) => void this.listeners.set(ev, l);
    loadURL = async (url: string) => void (this.url = url);
  }
  const emitApp = (ev: string, ...args: unknown[]) => appListeners.get(ev)?.forEach((l) => l(...args));
  const electron = {
    app: {
      setPath: (name: string, p: string) => void (name === 'userData' && (state.userData = p)),
      getPath: () => state.userData,
      getAppPath: () => state.appPath,
      enableSandbox: () => void calls.push('enableSandbox'),
      requestSingleInstanceLock: () => state.lock,
      quit: () => {
        state.quitCalls++;
        const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
        emitApp('will-quit', event);
      },
      exit: (code: number) => void (state.exitCode = code),
      on: (ev: string, l: Listener) => void appListeners.set(ev, [...(appListeners.get(ev) ?? []), l]),
      whenReady: async () => {
        calls.push('ready');
        state.ready = true;
      },
      getPreferredSystemLanguages: () => ['nl-BE'],
      isPackaged: false,
      setAboutPanelOptions: () => undefined,
      showAboutPanel: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => void calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}${state.ready ? ' AFTER READY' : ''}`),
      handle: (_scheme: string, h: (req: Request) => Promise<Response>) => void (state.protocolHandler = h),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => void calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => void calls.push('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => void calls.push('setDevicePermissionHandler'),
        webRequest: { onHeadersReceived: (h: typeof state.headersHook) => void (state.headersHook = h) },
      },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    dialog: { showErrorBox: (title: string, msg: string) => void calls.push(`error box ${title}: ${msg}`) },
    ipcMain: {
      handle: (ch: string, h: NonNullable<typeof state.ipcHandler>) => {
        state.ipcHandlers.set(ch, h);
        if (ch === 'koprogo:call') state.ipcHandler = h;
      },
      removeHandler: (ch: string) => void state.ipcHandlers.delete(ch),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (state.menu = m) },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    screen: { getAllDisplays: () => state.displays },
    BrowserWindow: FakeWindow,
    // The signing host is made at start; it forks only when a card signs (signing-host.test.ts).
    utilityProcess: { fork: () => { throw new Error('no signing in this test'); } },
  };
  return { calls, state, electron, emitApp };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('the Electron main process (with a stand-in electron module)', () => {
  let home: string;
  const previousHome = process.env.KOPROGO_HOME;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'koprogo-main-'));
    process.env.KOPROGO_HOME = join(home, 'user-data');
    fake.state.appPath = join(home, 'app');
    mkdirSync(join(home, 'app', 'dist', 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(home, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>KoproGo</title>');
    writeFileSync(join(home, 'app', 'dist', 'renderer', 'assets', 'index.js'), 'console.log(1)');
    await import('./main.js');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 20_000, interval: 50 });
  }, 30_000);

  afterAll(() => {
    if (previousHome === undefined) delete process.env.KOPROGO_HOME;
    else process.env.KOPROGO_HOME = previousHome;
    rmSync(home, { recursive: true, force: true });
  });

  it('registers app:// as a privileged scheme and enables the sandbox before ready', () => {
    const ready = fake.calls.indexOf('ready');
    const scheme = fake.calls.findIndex((c) => c.startsWith('registerSchemesAsPrivileged'));
    expect(fake.calls[scheme]).toBe('registerSchemesAsPrivileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]');
    expect(scheme).toBeLessThan(ready);
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(ready);
    expect(fake.state.userData).toBe(join(home, 'user-data'));
  });

  it('denies permissions on the session before any window exists', () => {
    const window = fake.calls.indexOf('new BrowserWindow');
    for (const c of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler']) {
      expect(fake.calls.indexOf(c), c).toBeGreaterThan(-1);
      expect(fake.calls.indexOf(c), c).toBeLessThan(window);
    }
  });

  it('opens the main window locked down, on app://', () => {
    const win = fake.state.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(win.url).toBe('app://koprogo/');
  });

  it('serves the renderer over app:// with the CSP', async () => {
    const handler = fake.state.protocolHandler!;
    const page = await handler(new Request('app://koprogo/#/buildings'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<title>KoproGo</title>');
    const script = await handler(new Request('app://koprogo/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('app://koprogo/..%2f..%2fsecret'))).status).toBe(403);
    expect((await handler(new Request('app://koprogo/', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers operations over IPC from the app frame only, on the SQLite file in the user-data folder', async () => {
    const sender = { id: 7, once: () => undefined, mainFrame: { frameTreeNodeId: 70 } };
    const trusted = { sender, senderFrame: { url: 'app://koprogo/', parent: null, frameTreeNodeId: 70 } };
    const info = (await fake.state.ipcHandler!(trusted, 'system.info', {})) as { ok: true; value: { door: string; driver: string; database: string } };
    expect(info.value).toMatchObject({ door: 'electron', driver: 'sqlite', database: join(home, 'user-data', 'koprogo.sqlite') });
    const foreign = { sender, senderFrame: { url: 'https://evil.example/', parent: null, frameTreeNodeId: 70 } };
    expect(await fake.state.ipcHandler!(foreign, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(IPC_CALL).toBe('koprogo:call');
  });

  it('keeps every web contents on the app and sends allowed links to the OS', () => {
    const listeners = new Map<string, (e: unknown) => void>();
    let openHandler: ((d: { url: string }) => unknown) | null = null;
    const contents = { on: (ev: string, l: (e: unknown) => void) => void listeners.set(ev, l), setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h) };
    fake.emitApp('web-contents-created', {}, contents);
    const nav = (url: string) => {
      const e = { url, prevented: false, preventDefault() { this.prevented = true; } };
      listeners.get('will-navigate')!(e);
      return e.prevented;
    };
    expect(nav('app://koprogo/#/users')).toBe(false);
    expect(nav('https://example.be/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(fake.state.opened).toEqual(['https://example.be/']);
    expect(openHandler!({ url: 'app://koprogo/' })).toEqual({ action: 'deny' });
    const webview = { prevented: false, preventDefault() { this.prevented = true; } };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);
  });

  it('sets the CSP on any response that reaches the session', () => {
    let result: { responseHeaders: Record<string, string[]> } | null = null;
    fake.state.headersHook!({ url: 'app://koprogo/', responseHeaders: { 'content-type': ['text/html'] } }, (r) => void (result = r as typeof result));
    expect(result!.responseHeaders['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
  });

  it('labels the menus in the OS language', () => {
    const labels = (fake.state.menu as { label: string }[]).map((m) => m.label);
    expect(labels).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Venster', 'Help']);
  });

  it('focuses the first window on a second launch', () => {
    const win = fake.state.windows[0]!;
    const before = win.shown;
    fake.emitApp('second-instance');
    expect(win.shown).toBe(before + 1);
    expect(fake.state.windows).toHaveLength(1);
  });

  it('opens the projector asked for by the page full screen on the second display, then switches it to another meeting', () => {
    fake.state.displays = [...fake.state.displays, { id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 }, workArea: { x: 1920, y: 0, width: 1024, height: 768 } }];
    const ask = fake.state.ipcHandlers.get(IPC_OPEN_PROJECTOR)!;
    const main = fake.state.windows[0]!;
    const fromMain = (url = 'app://koprogo/#/assemblies/7') => ({ sender: main.webContents, senderFrame: { url, parent: null, frameTreeNodeId: main.webContents.mainFrame.frameTreeNodeId } });
    const key = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4';

    expect(ask(fromMain('https://evil.example/'), { assemblyId: 7, key })).toBe(false);
    expect(ask(fromMain(), { assemblyId: 7, key: '../../etc' })).toBe(false);
    expect(ask(fromMain(), { assemblyId: '7', key })).toBe(false);
    expect(fake.state.windows).toHaveLength(1);

    expect(ask(fromMain(), { assemblyId: 7, key })).toBe(true);
    expect(fake.state.windows).toHaveLength(2);
    const projector = fake.state.windows[1]!;
    expect(projector.url).toBe(`app://koprogo/#/projector/7/${key}`);
    expect(projector.options).toMatchObject({ x: 1920, y: 0, width: 1024, height: 768 });
    expect(projector.fullScreen).toBe(true);
    expect((projector.options.webPreferences as Record<string, unknown>).sandbox).toBe(true);

    ask(fromMain(), { assemblyId: 8, key });
    expect(fake.state.windows).toHaveLength(2);
    expect(projector.url).toBe(`app://koprogo/#/projector/8/${key}`);
    projector.listeners.get('close')!();
    projector.listeners.get('closed')!();
  });

  it('remembers the window position and closes the database on quit', async () => {
    fake.state.windows[0]!.listeners.get('close')!();
    const saved = JSON.parse(readFileSync(join(home, 'user-data', 'settings.json'), 'utf8')) as { windows: { main: unknown } };
    expect(saved.windows.main).toEqual({ x: 40, y: 30, width: 1300, height: 900, maximized: false, fullScreen: false });
    expect(Object.keys(saved.windows).sort()).toEqual(['main', 'projector']);
    fake.electron.app.quit();
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(2), { timeout: 5000 });
  });
});

describe('a second launch', () => {
  it('quits at once without opening the database or a window', async () => {
    vi.resetModules();
    fake.state.lock = false;
    fake.state.windows = [];
    fake.state.quitCalls = 0;
    fake.calls.length = 0;
    await import('./main.js');
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.state.quitCalls).toBe(1);
    expect(fake.calls).not.toContain('ready');
    expect(fake.state.windows).toHaveLength(0);
  });
});
