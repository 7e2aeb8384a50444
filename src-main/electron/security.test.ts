import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appResponseHeaders,
  appUrl,
  cspHeader,
  externalUrl,
  isAllowedNavigation,
  isTrustedSender,
  navigationDecision,
  permissionCheckHandler,
  permissionRequestHandler,
  resolveAppUrl,
  secureWebPreferences,
  windowOpenHandler,
} from './security.js';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
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
      preload: '/app/preload.cjs',
    });
  });
});

describe('navigation', () => {
  it('allows only the app itself', () => {
    expect(isAllowedNavigation(appUrl('/buildings/3'))).toBe(true);
    expect(isAllowedNavigation('app://koprogo/')).toBe(true);
    for (const url of [
      'https://koprogo.be/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://evil/',
      'app://koprogo:80/',
      'app://user@koprogo/',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('sends https and mailto links to the OS and drops the rest', () => {
    expect(navigationDecision('app://koprogo/owners')).toBe('allow');
    expect(navigationDecision('https://www.ejustice.just.fgov.be/')).toBe('external');
    expect(navigationDecision('mailto:syndic@example.be')).toBe('external');
    expect(navigationDecision('http://example.be/')).toBe('deny');
    expect(navigationDecision('file:///C:/Windows/system32/calc.exe')).toBe('deny');
    expect(navigationDecision('ms-settings:')).toBe('deny');
    expect(externalUrl('https://user:secret@example.be/')).toBeNull();
  });

  it('never opens a window, and opens allowed links externally', () => {
    const opened: string[] = [];
    const handler = windowOpenHandler((url) => opened.push(url));
    expect(handler({ url: 'https://example.be/page' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://koprogo/projector' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.be/page']);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const cb = vi.fn();
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) permissionRequestHandler({}, p, cb);
    expect(cb.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(permissionCheckHandler()).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts only the main frame showing the app', () => {
    expect(isTrustedSender({ url: 'app://koprogo/', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://koprogo/', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: '', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('resolveAppUrl', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'koprogo-renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), '');
    writeFileSync(join(dir, '..', 'koprogo-secret.txt'), 'secret');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(dir, '..', 'koprogo-secret.txt'), { force: true });
  });

  it('serves the files of the built renderer', () => {
    expect(resolveAppUrl('app://koprogo/assets/index-abc.js', dir)).toEqual({ status: 200, file: join(dir, 'assets', 'index-abc.js') });
    expect(resolveAppUrl('app://koprogo/', dir)).toEqual({ status: 200, file: join(dir, 'index.html') });
  });

  it('serves index.html for the routes of the single-page app', () => {
    expect(resolveAppUrl('app://koprogo/buildings/3?tab=lots', dir)).toEqual({ status: 200, file: join(dir, 'index.html') });
    expect(resolveAppUrl('app://koprogo/projector', dir)).toEqual({ status: 200, file: join(dir, 'index.html') });
  });

  it('answers 404 for a missing asset instead of HTML', () => {
    expect(resolveAppUrl('app://koprogo/assets/missing.js', dir)).toEqual({ status: 404 });
  });

  it('refuses paths that leave the renderer folder', () => {
    for (const url of ['app://koprogo/..%2fkoprogo-secret.txt', 'app://koprogo/assets/..%2f..%2fkoprogo-secret.txt']) {
      expect(resolveAppUrl(url, dir).status, url).toBe(403);
    }
    // The URL parser removes dot segments (also %2e%2e) before we see them: these stay inside.
    expect(resolveAppUrl('app://koprogo/../koprogo-secret.txt', dir)).toEqual({ status: 404 });
    expect(resolveAppUrl('app://koprogo/%2e%2e/koprogo-secret.txt', dir)).toEqual({ status: 404 });
    expect(resolveAppUrl('app://koprogo/..%5ckoprogo-secret.txt', dir).status).toBe(400);
    expect(resolveAppUrl('app://koprogo/index.html%00.png', dir).status).toBe(400);
    expect(resolveAppUrl('app://koprogo/%E0%A4%A', dir).status).toBe(400);
  });

  it('refuses other hosts', () => {
    expect(resolveAppUrl('app://other/index.html', dir).status).toBe(403);
  });

  it('answers 404 when no renderer is built', () => {
    expect(resolveAppUrl('app://koprogo/', join(dir, 'nothing-here'))).toEqual({ status: 404 });
  });
});

describe('CSP', () => {
  it('is strict: nothing from outside, no inline scripts, no eval', () => {
    const csp = cspHeader();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(appResponseHeaders('/x/index.html')).toMatchObject({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    expect(appResponseHeaders('/x/a.js')['Content-Type']).toBe('text/javascript; charset=utf-8');
  });
});
