/**
 * Wires the rules of security.ts into Electron (ADR 0003): the app:// protocol, the
 * session's permission and header hooks, and every web contents' navigation hooks.
 */
import { readFile } from 'node:fs/promises';
import { app, protocol, shell, type Session } from 'electron';
import { log } from '../app/log.js';
import {
  APP_SCHEME,
  appResponseHeaders,
  cspHeader,
  externalUrl,
  navigationDecision,
  permissionCheckHandler,
  permissionRequestHandler,
  resolveAppUrl,
  windowOpenHandler,
} from './security.js';

/** Before `ready`: app:// behaves like https (secure context, fetch, relative URLs). No CSP bypass, no CORS. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After `ready`: app://koprogo/… serves the built renderer, with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const plain = (status: number) => new Response(null, { status, headers: { 'Content-Security-Policy': cspHeader(), 'Content-Type': 'text/plain; charset=utf-8' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405);
    const resolved = resolveAppUrl(request.url, rendererDir);
    if (resolved.status !== 200) return plain(resolved.status);
    try {
      const body = await readFile(resolved.file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appResponseHeaders(resolved.file) });
    } catch {
      return plain(404);
    }
  });
}

/**
 * Permissions denied; the CSP also set on any response that did not come from app://,
 * replacing whatever policy the response carried (header names are case-insensitive).
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler(permissionRequestHandler);
  ses.setPermissionCheckHandler(permissionCheckHandler);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // The developer tools (unpackaged only) bring their own policy.
    if (details.url.startsWith('devtools:')) return callback({});
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [cspHeader()] } });
  });
}

/** Before `ready`: every session Electron creates later (another partition, …) is hardened too. */
export function hardenEverySession(): void {
  app.on('session-created', hardenSession);
}

/**
 * The one way to the OS's URL handlers: https pages and mailto: only (externalUrl), whoever
 * asks — a link in the page or the app's own menu. Anything else is dropped.
 */
export function openExternal(url: string): void {
  const allowed = externalUrl(url);
  if (!allowed) {
    log.warn('link refused: only https and mailto links open outside the app');
    return;
  }
  shell.openExternal(allowed).catch(() => log.warn('could not open a link in the OS'));
}

/** Every web contents, present and future: no navigation away, no new window, no webview. */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    const guard = (event: { preventDefault(): void; url: string }) => {
      const decision = navigationDecision(event.url);
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'external') openExternal(event.url);
      else log.warn('navigation refused');
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.setWindowOpenHandler(windowOpenHandler(openExternal));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
