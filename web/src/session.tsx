import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from './api.js';
import type { Me, MeBody, SignInBody } from './contracts.js';

interface Session {
  /** `undefined` while the first probe runs, `null` when nobody is signed in. */
  user: Me | null | undefined;
  signIn: (body: SignInBody) => Promise<Me>;
  signOut: () => Promise<void>;
  /** Forgets the user locally after the server ended the session (401, password change). */
  forget: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    api.get<MeBody>('/api/session', undefined, { allow401: true }).then(
      (body) => live && setUser(body.user),
      (error: unknown) => {
        if (!live) return;
        // Only a 401 means "not signed in"; a network failure still lands on the sign-in page, which shows it again.
        if (!(error instanceof ApiError) || error.status !== 401) console.warn(error);
        setUser(null);
      },
    );
    return () => { live = false; };
  }, []);

  const signIn = useCallback(async (body: SignInBody) => {
    const result = await api.post<MeBody>('/api/session', body, { allow401: true });
    setUser(result.user);
    return result.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.delete<void>('/api/session', { allow401: true });
    } finally {
      setUser(null);
    }
  }, []);

  const forget = useCallback(() => setUser(null), []);
  const value = useMemo(() => ({ user, signIn, signOut, forget }), [user, signIn, signOut, forget]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user inside the protected pages. */
export function useUser(): Me {
  const { user } = useSession();
  if (!user) throw new Error('useUser outside a signed-in page');
  return user;
}
