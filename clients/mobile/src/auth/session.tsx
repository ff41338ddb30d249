import * as SecureStore from 'expo-secure-store';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const KEY = 'api-token';
let current: string | null = null;

/** The token the API client sends (read synchronously by the client). */
export function currentToken(): string | null {
  return current;
}

const SessionContext = createContext<{ token: string | null; ready: boolean; signIn: (token: string) => Promise<void>; signOut: () => Promise<void> }>({
  token: null,
  ready: false,
  signIn: async () => undefined,
  signOut: async () => undefined,
});

/** Keeps the bearer token in the device's secure store (Keychain / Keystore). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    SecureStore.getItemAsync(KEY)
      .then((t) => {
        current = t;
        setToken(t);
      })
      .finally(() => setReady(true));
  }, []);
  const signIn = useCallback(async (t: string) => {
    await SecureStore.setItemAsync(KEY, t);
    current = t;
    setToken(t);
  }, []);
  const signOut = useCallback(async () => {
    await SecureStore.deleteItemAsync(KEY);
    current = null;
    setToken(null);
  }, []);
  const value = useMemo(() => ({ token, ready, signIn, signOut }), [token, ready, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession() {
  return useContext(SessionContext);
}
