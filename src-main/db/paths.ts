import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/**
 * The OS user-data folder, the same one Electron's app.getPath('userData') gives for
 * productName "KoproGo", so the CLI and the desktop app open the same database.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KOPROGO_HOME) return env.KOPROGO_HOME;
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'KoproGo');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'KoproGo');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'KoproGo');
  }
}

export const defaultSqlitePath = (env: NodeJS.ProcessEnv = process.env): string => join(userDataDir(env), 'koprogo.sqlite');

/** Backups sit beside the database file, in `backups/`. */
export const backupDirFor = (sqlitePath: string): string => join(sqlitePath, '..', 'backups');
