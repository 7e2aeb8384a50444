import { join } from 'node:path';
import { openDatabase, type DbTarget, type Database } from '../db/orm.js';
import { backupDirFor, defaultSqlitePath, userDataDir } from '../db/paths.js';
import { dailyBackup } from '../db/backup.js';
import { SigningHost } from '../signing/signing-host.js';
import type { Door, LocalSettings, SecretStore, Services } from './context.js';
import { Dispatcher } from './dispatch.js';
import { EventBus } from './events.js';
import { handlers } from './handlers.js';
import { fileSettings } from './local-settings.js';
import { SessionStore } from './sessions.js';
import { APP_VERSION } from './version.js';
import { log } from './log.js';

export interface AppOptions {
  target: DbTarget;
  door: Door;
  secrets?: SecretStore | null;
  localSettings?: LocalSettings;
  now?: () => Date;
  /** Make today's backup at start (desktop and browser mode; not the CLI nor tests). */
  dailyBackup?: boolean;
  /** The eID signing process; default: a Node child process (Electron passes its utilityProcess). */
  signingHost?: SigningHost;
}

export interface AppInstance {
  db: Database;
  services: Services;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/**
 * Which database: --db PATH / KOPROGO_DB, or --pg URL / KOPROGO_PG, else the SQLite file
 * in the user-data folder.
 */
export function resolveTarget(opts: { db?: string | undefined; pg?: string | undefined }, env: NodeJS.ProcessEnv = process.env): DbTarget {
  const pg = opts.pg ?? env.KOPROGO_PG;
  if (pg && !opts.db) return { driver: 'postgresql', url: pg };
  return { driver: 'sqlite', path: opts.db ?? env.KOPROGO_DB ?? defaultSqlitePath(env) };
}

export async function startApp(opts: AppOptions): Promise<AppInstance> {
  const db = await openDatabase(opts.target);
  const backupDir = opts.target.driver === 'sqlite' ? backupDirFor(opts.target.path) : null;
  const services: Services = {
    db,
    sessions: new SessionStore(),
    events: new EventBus(),
    door: opts.door,
    version: APP_VERSION,
    secrets: opts.secrets ?? null,
    localSettings: opts.localSettings ?? fileSettings(join(userDataDir(), 'settings.json')),
    backupDir,
    signing: opts.signingHost ?? new SigningHost(),
    now: opts.now ?? (() => new Date()),
  };
  if (opts.dailyBackup && backupDir) {
    await dailyBackup(db, backupDir).catch((e: Error) => log.warn(`daily backup failed: ${e.name}`));
  }
  const close = async () => {
    services.signing.dispose();
    await db.close();
  };
  return { db, services, dispatcher: new Dispatcher(services, handlers), close };
}
