/**
 * A stand-in for the `electron` module, for tests that run main.ts where the Electron
 * runtime is not installed (ADR 0005). It behaves where security depends on it: a window's
 * web contents are announced with `web-contents-created` (so the app's hooks attach as
 * they would), sessions made after start are announced with `session-created`, and it
 * records what reached the OS (`shell.openExternal`), the protocol and IPC handlers, and
 * the handlers installed on each session.
 *
 *   vi.mock('electron', async () => (await import('../support/fake-electron.js')).electronModule());
 */
type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  /** Calls the listeners with these arguments; returns how many there were. */
  emit(event: string, ...args: unknown[]): number {
    const ls = this.listeners.get(event) ?? [];
    for (const l of ls) (l as (...a: unknown[]) => unknown)(...args);
    return ls.length;
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface Decision {
  prevented: boolean;
  preventDefault(): void;
}
export const cancellable = <T extends object>(fields: T): T & Decision => ({
  ...fields,
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

export class FakeSession {
  permissionRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheck: ((wc: unknown, permission: string, origin?: string, details?: unknown) => boolean) | null = null;
  devicePermission: ((details: unknown) => boolean) | null = null;
  headersHook: ((details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void) | null = null;
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']) {
    this.devicePermission = h;
  }
  webRequest = { onHeadersReceived: (h: FakeSession['headersHook']) => void (this.headersHook = h) };
}

let nextId = 1;
export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  readonly mainFrame = { frameTreeNodeId: this.id * 100 };
  url = '';
  sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = h;
  }
  getURL = () => this.url;
  isDestroyed = () => false;
  send = (channel: string, msg: unknown) => void this.sent.push([channel, msg]);
}

/**
 * What `utilityProcess.fork` returns, driven by the test: it records what the app posted and
 * whether it was killed; the test plays the child with `reply` and `exit`. No process runs.
 */
export class FakeUtilityProcess extends Emitter {
  private static nextPid = 90_000;
  readonly pid = FakeUtilityProcess.nextPid++;
  posted: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    if (this.killed) return false;
    this.killed = true;
    // Electron reports a killed utility process with 'exit' (a code, never a signal).
    queueMicrotask(() => this.emit('exit', 15));
    return true;
  }
  /** The child posts a message to the app. */
  reply(message: unknown): void {
    this.emit('message', message);
  }
}

export function createFakeElectron() {
  const calls: string[] = [];
  const app = new Emitter();
  const state = {
    ready: false,
    lock: true,
    appPath: '',
    userData: '',
    opened: [] as string[],
    windows: [] as FakeWindow[],
    sessions: [] as FakeSession[],
    protocolHandler: null as null | ((req: Request) => Promise<Response>),
    privileged: null as unknown,
    ipcHandler: null as null | ((event: unknown, op: unknown, input: unknown) => Promise<unknown>),
    ipcChannels: [] as string[],
    /** Every invoke handler by channel (the operations' is also `ipcHandler`). */
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    menu: null as unknown,
    quitCalls: 0,
    utilityProcesses: [] as FakeUtilityProcess[],
  };
  const defaultSession = new FakeSession('default');
  state.sessions.push(defaultSession);

  class FakeWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.push('new BrowserWindow');
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    show = () => undefined;
    focus = () => undefined;
    maximize = () => undefined;
    setFullScreen = () => undefined;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    getBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    loadURL = async (url: string) => void (this.webContents.url = url);
  }

  const electron = {
    app: Object.assign(app, {
      setPath: (name: string, p: string) => void (name === 'userData' && (state.userData = p)),
      getPath: () => state.userData,
      getAppPath: () => state.appPath,
      enableSandbox: () => void calls.push(`enableSandbox${state.ready ? ' AFTER READY' : ''}`),
      requestSingleInstanceLock: () => state.lock,
      whenReady: async () => {
        calls.push('ready');
        state.ready = true;
      },
      quit: () => {
        state.quitCalls++;
        app.emit('will-quit', cancellable({}));
      },
      exit: () => undefined,
      isPackaged: true,
      getPreferredSystemLanguages: () => ['fr-BE'],
      setAboutPanelOptions: () => undefined,
      showAboutPanel: () => undefined,
    }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        calls.push(`registerSchemesAsPrivileged${state.ready ? ' AFTER READY' : ''}`);
        state.privileged = schemes;
      },
      handle: (_scheme: string, h: (req: Request) => Promise<Response>) => void (state.protocolHandler = h),
    },
    session: {
      defaultSession,
      fromPartition: (partition: string) => {
        const s = new FakeSession(partition);
        state.sessions.push(s);
        app.emit('session-created', s);
        return s;
      },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    dialog: { showErrorBox: (title: string, msg: string) => void calls.push(`error box ${title}: ${msg}`) },
    ipcMain: {
      handle: (channel: string, h: NonNullable<typeof state.ipcHandler>) => {
        state.ipcChannels.push(channel);
        state.ipcHandlers.set(channel, h as (event: unknown, ...args: unknown[]) => unknown);
        if (channel === 'koprogo:call') state.ipcHandler = h;
      },
      removeHandler: (channel: string) => void state.ipcHandlers.delete(channel),
      on: (channel: string) => void state.ipcChannels.push(`on:${channel}`),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (state.menu = m) },
    safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text', encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    screen: { getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    BrowserWindow: FakeWindow,
    utilityProcess: {
      fork: (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
        const child = new FakeUtilityProcess(modulePath, args, options);
        state.utilityProcesses.push(child);
        return child;
      },
    },
  };
  return { calls, state, app, electron, defaultSession };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The one instance a test file's `vi.mock('electron')` and the test itself share. */
export const fake: FakeElectron = createFakeElectron();
export const electronModule = () => ({ ...fake.electron, default: fake.electron });
