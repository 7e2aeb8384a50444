import type { EntityManager } from '@mikro-orm/knex';
import type { EventName, EventPayload, OpOutput, OpParsedInput, OperationName } from '../../src-shared/contract/index.js';
import type { Role } from '../../src-shared/permissions.js';
import type { SessionUser } from '../../src-shared/contract/system.js';
import type { Database } from '../db/orm.js';
import type { SigningHost } from '../signing/signing-host.js';
import type { EventBus } from './events.js';
import type { SessionStore } from './sessions.js';

export type Door = 'electron' | 'browser' | 'cli' | 'test';

/** Where secrets (the cloud password) are kept: the OS keychain via Electron's safeStorage. */
export interface SecretStore {
  available(): boolean;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}

/** A JSON settings file in the user-data folder (not in the database it chooses). */
export interface LocalSettings {
  read(): Record<string, unknown>;
  write(patch: Record<string, unknown>): void;
}

export interface Services {
  db: Database;
  sessions: SessionStore;
  events: EventBus;
  door: Door;
  version: string;
  secrets: SecretStore | null;
  localSettings: LocalSettings;
  /** Folder of the SQLite backups (null on PostgreSQL). */
  backupDir: string | null;
  /** Runs the eID card work in a process of its own (ADR 0021). */
  signing: SigningHost;
  now(): Date;
}

/** Who is acting: a signed-in user, or the command line run by whoever can read the file. */
export interface Actor {
  kind: 'user' | 'cli' | 'anonymous';
  userId: number | null;
  /** Stored in the audit trail: "user:12", "cli". No names, no e-mails. */
  label: string;
  roles: SessionUser['roles'];
  user: SessionUser | null;
}

/** What a council member or an owner may see; `all` for firm roles. */
export interface Scope {
  all: boolean;
  buildingIds: Set<number>;
  /** Set for owner-only users: the owners they are. */
  ownerIds: Set<number> | null;
}

export interface HandlerContext {
  em: EntityManager;
  actor: Actor;
  services: Services;
  sessionToken: string | undefined;
  scope(): Promise<Scope>;
  hasRole(...roles: Role[]): boolean;
  audit(action: string, entity: string, entityId: number | null, before: unknown, after: unknown): void;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  now(): Date;
}

export type Handler<N extends OperationName> = (input: OpParsedInput<N>, ctx: HandlerContext) => Promise<OpOutput<N>>;
export type HandlerMap = { [N in OperationName]: Handler<N> };
/** A domain module's part of the map. */
export type Handlers<K extends OperationName> = { [N in K]: Handler<N> };
