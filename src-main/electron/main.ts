/**
 * The Electron main process: one instance, one database, windows locked down (ADR 0003).
 * Everything the app does goes through the same Dispatcher as the other doors.
 *
 *   electron . [--db PATH | --pg URL] [--seed-demo]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { app, dialog, ipcMain, Menu, safeStorage, session, utilityProcess } from 'electron';
import { startApp, type AppInstance } from '../app/bootstrap.js';
import { seedDemo } from '../app/demo/seed-demo.js';
import { fileSettings } from '../app/local-settings.js';
import { log } from '../app/log.js';
import { APP_VERSION } from '../app/version.js';
import { userDataDir } from '../db/paths.js';
import { SigningHost } from '../signing/signing-host.js';
import { utilityFork } from '../signing/worker-process.js';
import { bindIpc, bindProjectorRequests } from '../transport/ipc.js';
import { pickLanguage, translator } from './desktop-text.js';
import { hardenEverySession, hardenSession, hardenWebContents, openExternal, registerAppScheme, serveRenderer } from './hardening.js';
import { menuTemplate } from './menu.js';
import { safeStorageSecrets } from './secret-store.js';
import { startupTarget } from './startup-target.js';
import { Windows } from './windows.js';

const APP_NAME = 'KoproGo';
/** Opened by Help → Documentation. */
export const DOCS_URL = 'https://koprogo.be/docs';

// Must happen before `ready`.
registerAppScheme();
app.enableSandbox();
// The CLI and browser mode find the same folder (KOPROGO_HOME included): settings,
// database, backups and the single-instance lock live together.
app.setPath('userData', userDataDir());

// Electron's argv: [exe, app path, ...] when run unpackaged, [exe, ...] when packaged.
const { values: args } = parseArgs({
  args: process.argv.slice(process.defaultApp ? 2 : 1),
  strict: false,
  options: { db: { type: 'string' }, pg: { type: 'string' }, 'seed-demo': { type: 'boolean', default: false } },
});
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

// Two processes must never write the same SQLite file: a second launch focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main().catch((e: Error) => {
    log.error(`start failed: ${e.name}`, e.stack?.split('\n').slice(1, 6).join('\n'));
    app.exit(1);
  });
}

async function main(): Promise<void> {
  let windows: Windows | null = null;
  app.on('second-instance', () => windows?.show('main'));
  hardenWebContents();
  hardenEverySession();
  await app.whenReady();

  hardenSession(session.defaultSession);
  // The app root: the repository when run with `electron .`, app.asar when packaged.
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
  const t = translator(pickLanguage(app.getPreferredSystemLanguages()));
  const settings = fileSettings(join(app.getPath('userData'), 'settings.json'));
  const secrets = safeStorageSecrets(safeStorage);
  const choice = startupTarget({ args: { db: str(args.db), pg: str(args.pg) }, env: process.env, settings, secrets });
  if (choice.warning) log.warn(choice.warning);
  log.info(`database: ${choice.target.driver} (${choice.source})`);

  let instance: AppInstance;
  try {
    // The eID card works in a utility process (ADR 0021): the RunAsNode fuse is off, so not child_process.fork.
    const signingHost = new SigningHost({ fork: utilityFork(utilityProcess) });
    instance = await startApp({ target: choice.target, door: 'electron', secrets, localSettings: settings, dailyBackup: true, signingHost });
  } catch (e) {
    dialog.showErrorBox(t('desktop.startFailedTitle', { app: APP_NAME }), t('desktop.startFailed', { reason: (e as Error).message }));
    app.exit(1);
    return;
  }
  if (args['seed-demo'] === true) {
    const seeded = await seedDemo(instance.dispatcher);
    if (seeded.created) log.info('demo data created (users: see README, password "koprogo-demo")');
  }

  const wins = new Windows({ settings, title: APP_NAME });
  windows = wins;
  const door = bindIpc({ ipcMain, dispatcher: instance.dispatcher, targets: () => wins.webContents() });
  const stopProjectorRequests = bindProjectorRequests(ipcMain, (route) => wins.show('projector', route));

  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: APP_VERSION, copyright: '© KoproGo ASBL — AGPL-3.0-or-later' });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        t,
        platform: process.platform,
        isDev: !app.isPackaged,
        appName: APP_NAME,
        onAbout: () => app.showAboutPanel(),
        onDocumentation: () => openExternal(DOCS_URL),
      }),
    ),
  );
  wins.show('main');

  app.on('activate', () => wins.show('main'));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the database before leaving: the WAL is checkpointed, PostgreSQL connections end.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    door.dispose();
    stopProjectorRequests();
    instance
      .close()
      .catch((e: Error) => log.warn(`closing the database failed: ${e.name}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
