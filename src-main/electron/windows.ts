import { fileURLToPath } from 'node:url';
import { BrowserWindow, screen, type WebContents } from 'electron';
import type { LocalSettings } from '../app/context.js';
import { projectorPlacement } from './projector-window.js';
import { appUrl, secureWebPreferences } from './security.js';
import { readWindowState, restoreWindowState, writeWindowState, type SizeDefaults } from './window-state.js';

export interface WindowKind {
  /** The renderer's route (hash router) shown in this window. */
  route: string;
  size: SizeDefaults;
}

/**
 * The kinds of window, one of each at most; position and size are remembered per kind.
 * The projector shows the meeting it was asked for (its route is given to `show`).
 */
export const WINDOW_KINDS = {
  main: { route: '/', size: { width: 1280, height: 820, minWidth: 960, minHeight: 640 } },
  projector: { route: '/', size: { width: 1280, height: 720, minWidth: 640, minHeight: 360 } },
} as const satisfies Record<string, WindowKind>;
export type WindowKindName = keyof typeof WINDOW_KINDS;

/** The sandboxed preload, built beside main.js (npm run build:preload). */
export const PRELOAD_PATH = fileURLToPath(new URL('./preload.cjs', import.meta.url));

export class Windows {
  private readonly open = new Map<WindowKindName, BrowserWindow>();

  constructor(private readonly deps: { settings: LocalSettings; title: string }) {}

  /**
   * Shows the window of this kind: focuses it when it is already open (one per kind), on
   * `route` when one is given (the projector switches to the meeting asked for).
   */
  show(kind: WindowKindName, route?: string): BrowserWindow {
    const existing = this.open.get(kind);
    if (existing && !existing.isDestroyed()) {
      if (route !== undefined && existing.webContents.getURL() !== appUrl(route)) void existing.loadURL(appUrl(route));
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    return this.create(kind, route ?? WINDOW_KINDS[kind].route);
  }

  /** Every window's web contents: the receivers of push events. */
  webContents(): WebContents[] {
    return [...this.open.values()].filter((w) => !w.isDestroyed()).map((w) => w.webContents);
  }

  private create(kind: WindowKindName, route: string): BrowserWindow {
    const spec: WindowKind = WINDOW_KINDS[kind];
    const saved = readWindowState(this.deps.settings, kind);
    const displays = screen.getAllDisplays();
    const restored = restoreWindowState(saved, displays.map((d) => d.workArea), spec.size);
    if (kind === 'projector' && !saved) {
      // First time: on the other screen (the projector), full screen.
      const main = this.open.get('main');
      const placed = projectorPlacement(displays, main && !main.isDestroyed() ? main.getBounds() : null);
      if (placed) Object.assign(restored, { bounds: placed.bounds, fullScreen: placed.fullScreen });
    }
    const win = new BrowserWindow({
      ...restored.bounds,
      minWidth: spec.size.minWidth,
      minHeight: spec.size.minHeight,
      title: this.deps.title,
      show: false,
      webPreferences: secureWebPreferences(PRELOAD_PATH),
    });
    if (restored.maximized) win.maximize();
    if (restored.fullScreen) win.setFullScreen(true);
    win.once('ready-to-show', () => win.show());
    win.on('close', () => {
      writeWindowState(this.deps.settings, kind, {
        ...win.getNormalBounds(),
        maximized: win.isMaximized(),
        fullScreen: win.isFullScreen(),
      });
    });
    win.on('closed', () => this.open.delete(kind));
    this.open.set(kind, win);
    void win.loadURL(appUrl(route));
    return win;
  }
}
