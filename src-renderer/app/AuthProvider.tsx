import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../src-shared/contract/system.js';
import { call, getTransport, onUnauthenticated } from '../api/client.js';
import { isApiError, type ApiError } from '../api/ApiError.js';
import { isUiLanguage, storedLanguage } from '../i18n/i18n.js';

interface AuthState {
  /** undefined while we ask the server whether this window is signed in. */
  user: SessionUser | null | undefined;
  /** Set when the server could not be asked at all (e.g. no launch token). */
  startupError: ApiError | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const ctx = use(AuthContext);
  if (!ctx) throw new Error('useAuth outside <AuthProvider>');
  return ctx;
}

/** The signed-in user; only under the signed-in part of the tree. */
export function useUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useUser needs a signed-in user');
  return user;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [startupError, setStartupError] = useState<ApiError | null>(null);

  useEffect(() => {
    let alive = true;
    call('system.info', {})
      .then((info) => alive && setUser(info.user))
      .catch((e: unknown) => {
        if (!alive) return;
        if (isApiError(e)) setStartupError(e);
        setUser(null);
      });
    return () => {
      alive = false;
    };
  }, []);

  const forget = useCallback(() => {
    getTransport().setSessionToken(null);
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  useEffect(() => onUnauthenticated(forget), [forget]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { user: u, sessionToken } = await call('auth.signIn', { email, password });
      getTransport().setSessionToken(sessionToken);
      // The user's own language applies unless this computer has a chosen one.
      if (!storedLanguage() && isUiLanguage(u.language) && i18n.language !== u.language) await i18n.changeLanguage(u.language);
      setStartupError(null);
      setUser(u);
    },
    [i18n],
  );

  const signOut = useCallback(async () => {
    try {
      await call('auth.signOut', {});
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo<AuthState>(() => ({ user, startupError, signIn, signOut }), [user, startupError, signIn, signOut]);
  return <AuthContext value={value}>{children}</AuthContext>;
}
