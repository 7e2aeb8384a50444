/**
 * The Electron security rules as pure functions (ADR 0003). No `electron` import at
 * run time: main.ts wires them, the tests call them directly.
 */
import { statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { WebPreferences } from 'electron';
import { buildCsp } from '../transport/csp.js';
import { contentTypeOf } from '../transport/mime.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'koprogo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The address of a route of the renderer: `app://koprogo/…`. */
export const appUrl = (route = '/'): string => `${APP_ORIGIN}${route.startsWith('/') ? route : `/${route}`}`;

/** Every window gets these: isolated, sandboxed, no Node, no webview, no remote content. */
export function secureWebPreferences(preload: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: false,
    preload,
  } as const satisfies WebPreferences;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * `app://koprogo/…` and nothing else (no user, password or port). For non-special
 * schemes WHATWG URL's `origin` is "null", hence protocol and host are compared.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port;
}

/** A window may only ever show the app itself. */
export const isAllowedNavigation = (url: string): boolean => isAppUrl(url);

/**
 * Links the OS may open outside the app: https pages in the browser and mailto: in the
 * mail client. Nothing else (no file:, no http:, no custom handlers of other apps).
 */
export function externalUrl(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  if (u.protocol === 'mailto:') return u.toString();
  if (u.protocol === 'https:' && u.hostname && !u.username && !u.password) return u.toString();
  return null;
}

/**
 * `window.open` and `target=_blank` never create a window; allowed external links go
 * to the OS through `openExternal` (Electron's `shell.openExternal`).
 */
export function windowOpenHandler(openExternal: (url: string) => void) {
  return (details: { url: string }): { action: 'deny' } => {
    const external = externalUrl(details.url);
    if (external) openExternal(external);
    return { action: 'deny' };
  };
}

/** `will-navigate`: stay on the app; allowed external links open outside, the rest is dropped. */
export function navigationDecision(url: string): 'allow' | 'external' | 'deny' {
  if (isAllowedNavigation(url)) return 'allow';
  return externalUrl(url) ? 'external' : 'deny';
}

/** Camera, microphone, notifications, geolocation, USB, …: the app needs none. */
export function permissionRequestHandler(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}
export const permissionCheckHandler = (): boolean => false;

/**
 * Only the main frame of a window showing the app may call operations: not an iframe
 * (e.g. a PDF preview), not a page the window was navigated to.
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null | undefined): boolean {
  return Boolean(frame?.isMainFrame) && isAppUrl(frame?.url);
}

/** The CSP of the renderer in Electron: the same as browser mode, IPC needs no connect-src. */
export const cspHeader = (): string => buildCsp();

/** Headers of every app:// response. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(file),
    'Content-Security-Policy': cspHeader(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

export type AppFileResolution = { status: 200; file: string } | { status: 400 | 403 | 404 };

const defaultIsFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * Maps `app://koprogo/<path>` to a file inside the built renderer. Paths that leave the
 * folder (also when encoded: %2e%2e%2f, backslashes, NUL) are refused. An unknown route
 * without a file extension (`/buildings/3`, `/projector`) is the single-page app's
 * index.html; a missing asset (`/assets/x.js`) is a 404, not HTML under a script name.
 */
export function resolveAppUrl(requestUrl: string, rendererDir: string, isFile: (path: string) => boolean = defaultIsFile): AppFileResolution {
  const u = parse(requestUrl);
  if (!u || !isAppUrl(requestUrl)) return { status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { status: 400 };
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { status: 403 };
  if (rel !== '' && isFile(file)) return { status: 200, file };
  if (rel !== '' && extname(file) !== '') return { status: 404 };
  const index = resolve(root, 'index.html');
  return isFile(index) ? { status: 200, file: index } : { status: 404 };
}
