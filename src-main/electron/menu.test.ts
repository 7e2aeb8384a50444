import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CATALOGS, pickLanguage, translator, type DesktopLanguage } from './desktop-text.js';
import { menuTemplate } from './menu.js';

const keysOf = (o: Record<string, Record<string, string>>) =>
  Object.entries(o).flatMap(([ns, v]) => Object.keys(v).map((k) => `${ns}.${k}`)).sort();

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const build = (lang: DesktopLanguage, platform: NodeJS.Platform, isDev: boolean) =>
  menuTemplate({ t: translator(lang), platform, isDev, appName: 'KoproGo', onAbout: vi.fn(), onDocumentation: vi.fn() });

describe('desktop catalogs', () => {
  it('have exactly the keys of the French reference', () => {
    const reference = keysOf(DESKTOP_CATALOGS.fr);
    for (const lang of ['nl', 'en', 'de'] as const) expect(keysOf(DESKTOP_CATALOGS[lang]), lang).toEqual(reference);
  });

  it('follow the OS language, French otherwise', () => {
    expect(pickLanguage(['nl-BE', 'fr-BE'])).toBe('nl');
    expect(pickLanguage(['es-ES', 'de_DE'])).toBe('de');
    expect(pickLanguage(['en-GB'])).toBe('en');
    expect(pickLanguage(['ja-JP'])).toBe('fr');
    expect(pickLanguage([])).toBe('fr');
  });

  it('fill in the application name', () => {
    expect(translator('nl')('menu.about', { app: 'KoproGo' })).toBe('Over KoproGo');
    expect(translator('fr')('desktop.startFailed', { reason: 'x' })).toContain('x');
  });
});

describe('the native menus', () => {
  it('are labelled in every language, with no untranslated key', () => {
    for (const lang of Object.keys(DESKTOP_CATALOGS) as DesktopLanguage[]) {
      for (const platform of ['win32', 'darwin', 'linux'] as const) {
        for (const item of flatten(build(lang, platform, true))) {
          if (item.type === 'separator') continue;
          expect(item.label, `${lang} ${platform} ${item.role ?? ''}`).toBeTruthy();
          expect(item.label).not.toMatch(/\{\{|^(menu|desktop)\./);
        }
      }
    }
  });

  it('offer reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => flatten(build('fr', 'win32', isDev)).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('have the usual roles (and so the usual shortcuts)', () => {
    const roles = flatten(build('fr', 'linux', false)).map((i) => i.role);
    for (const r of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'minimize'] as const) {
      expect(roles, r).toContain(r);
    }
    const top = build('fr', 'linux', false).map((i) => i.label);
    expect(top).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
  });

  it('start with the application menu on macOS', () => {
    const mac = build('en', 'darwin', false);
    expect(mac[0]?.label).toBe('KoproGo');
    expect(flatten(mac).filter((i) => i.role === 'quit')).toHaveLength(1);
  });

  it('open the about box and the documentation', () => {
    const onAbout = vi.fn();
    const onDocumentation = vi.fn();
    const items = flatten(menuTemplate({ t: translator('de'), platform: 'win32', isDev: false, appName: 'KoproGo', onAbout, onDocumentation }));
    const click = (label: string) => (items.find((i) => i.label === label)?.click as (() => void) | undefined)?.();
    click('Über KoproGo');
    click('Dokumentation');
    expect(onAbout).toHaveBeenCalledOnce();
    expect(onDocumentation).toHaveBeenCalledOnce();
  });
});
