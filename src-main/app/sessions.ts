import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../src-shared/contract/system.js';

interface SessionEntry { userId: number; expiresAt: number }
interface CachedUser { user: SessionUser; until: number }

/**
 * How long a signed-in user's roles are trusted without reading them again. Changes made
 * in this process drop the cache at once (`forgetUser`); this bounds how late a change made
 * by another client of the same cloud database is seen.
 */
const USER_CACHE_MS = 30_000;

/** Signed-in sessions, in memory only: closing the app signs everyone out. */
export class SessionStore {
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly users = new Map<number, CachedUser>();
  constructor(private readonly ttlMs = 12 * 3600_000) {}

  /** The user and roles read for an earlier call, while fresh (every call would otherwise read them). */
  cachedUser(userId: number): SessionUser | null {
    const c = this.users.get(userId);
    return c && c.until > Date.now() ? c.user : null;
  }

  rememberUser(user: SessionUser): void {
    this.users.set(user.id, { user, until: Date.now() + USER_CACHE_MS });
  }

  /** A user's name, language, roles or activity changed: read them again on the next call. */
  forgetUser(userId: number): void {
    this.users.delete(userId);
  }

  open(userId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, expiresAt: Date.now() + this.ttlMs });
    return token;
  }

  userId(token: string | undefined): number | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (s.expiresAt < Date.now()) {
      this.sessions.delete(token);
      return null;
    }
    s.expiresAt = Date.now() + this.ttlMs; // sliding expiry while in use
    return s.userId;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  closeAllFor(userId: number): void {
    for (const [t, s] of this.sessions) if (s.userId === userId) this.sessions.delete(t);
    this.users.delete(userId);
  }
}
