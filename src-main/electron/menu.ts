import type { MenuItemConstructorOptions } from 'electron';
import type { Translate } from './desktop-text.js';

export interface MenuOptions {
  t: Translate;
  platform: NodeJS.Platform;
  /** Reload and developer tools only when running unpackaged. */
  isDev: boolean;
  appName: string;
  onAbout(): void;
  onDocumentation(): void;
}

/**
 * The native menus. Roles give the platform's own shortcuts (Ctrl/Cmd+Z, +C, +V, +Q on
 * macOS, F11/Ctrl+Cmd+F…); the labels come from the catalogs.
 */
export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const { t } = o;
  const app = { app: o.appName };
  const mac = o.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { label: t('menu.about', app), click: () => o.onAbout() };
  const quit: MenuItemConstructorOptions = { role: 'quit', label: t('menu.quit', app) };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: o.appName,
      submenu: [
        about,
        sep,
        { role: 'services', label: t('menu.services') },
        sep,
        { role: 'hide', label: t('menu.hide', app) },
        { role: 'hideOthers', label: t('menu.hideOthers') },
        { role: 'unhide', label: t('menu.unhide') },
        sep,
        quit,
      ],
    });
  }
  template.push(
    { label: t('menu.file'), submenu: [mac ? { role: 'close', label: t('menu.close') } : quit] },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        sep,
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        ...(o.isDev
          ? ([
              { role: 'reload', label: t('menu.reload') },
              { role: 'forceReload', label: t('menu.forceReload') },
              { role: 'toggleDevTools', label: t('menu.toggleDevTools') },
              sep,
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        sep,
        { role: 'togglefullscreen', label: t('menu.toggleFullScreen') },
      ],
    },
    {
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        ...(mac
          ? ([{ role: 'zoom', label: t('menu.zoom') }, sep, { role: 'front', label: t('menu.front') }] satisfies MenuItemConstructorOptions[])
          : ([{ role: 'close', label: t('menu.close') }] satisfies MenuItemConstructorOptions[])),
      ],
    },
    {
      role: 'help',
      label: t('menu.help'),
      submenu: [{ label: t('menu.documentation'), click: () => o.onDocumentation() }, ...(mac ? [] : [sep, about])],
    },
  );
  return template;
}
