// Staff session: GET /api/session once, login, logout; keeps the CSRF token for api.ts.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api';
import type { User } from '../reports/contract/resources';

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; message: string }
  | { status: 'authenticated'; user: User };

interface SessionContextValue {
  state: SessionState;
  refresh: () => Promise<User | null>;
  login: (email: string, password: string) => Promise<User | null>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function homeFor(user: User): string {
  if (user.role === 'admin') return '/admin';
  return user.poleId ? `/poles/${encodeURIComponent(user.poleId)}` : '/connexion';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async (): Promise<User | null> => {
    try {
      const session = await api.get<{ user: User; csrfToken: string }>('/api/session');
      setCsrfToken(session.csrfToken);
      setState({ status: 'authenticated', user: session.user });
      return session.user;
    } catch (error) {
      setCsrfToken(null);
      if (error instanceof ApiError && error.status === 401) {
        setState({ status: 'anonymous' });
      } else {
        setState({ status: 'error', message: error instanceof ApiError ? error.message : 'Erreur inattendue.' });
      }
      return null;
    }
  }, []);

  const login = useCallback(
    async (email: string, password: string) => {
      await api.post<void>('/api/session', { email, password }, { auth: false });
      return refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    try {
      await api.delete<void>('/api/session');
    } finally {
      setCsrfToken(null);
      setState({ status: 'anonymous' });
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ state, refresh, login, logout }), [state, refresh, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
