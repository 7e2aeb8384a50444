import { randomBytes } from 'node:crypto';

interface SessionEntry { userId: number; expiresAt: number }

/** Signed-in sessions, in memory only: closing the app signs everyone out. */
export class SessionStore {
  private readonly sessions = new Map<string, SessionEntry>();
  constructor(private readonly ttlMs = 12 * 3600_000) {}

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
  }
}
