/**
 * The companion's session (hand-written). The generated sign-in screen keeps what the user typed — a Luna API key —
 * as the generated client's bearer token; the companion exchanges that key at once for an access token and a refresh
 * token (README "Identity and access"), hands the access token to the generated session in its place (so the key is
 * no longer kept), keeps the refresh token in the secure store, and refreshes the access token a minute before it
 * expires, handing each new one to the generated session too.
 */
import * as SecureStore from 'expo-secure-store';
import { useEffect, useState } from 'react';
import { baseUrl } from '../src/api';
import { useSession } from '../src/auth/session';
import { Luna, type Tokens } from './luna';

const KEY = 'luna-companion-session';

/** The one Luna session of the app. */
export const luna = new Luna({ baseUrl });

async function save(tokens: Tokens | null) {
  if (tokens) await SecureStore.setItemAsync(KEY, JSON.stringify(tokens));
  else await SecureStore.deleteItemAsync(KEY);
}

/**
 * Keeps the Luna session alive while a companion screen is shown: exchanges a freshly entered API key, restores a
 * kept session, refreshes on time. Answers whether calls can be made, and the last problem.
 */
export function useLuna(): { ready: boolean; error: string | null; signOut: () => Promise<void> } {
  const { token, signIn, signOut: generatedSignOut } = useSession();
  const [ready, setReady] = useState(luna.signedIn);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    async function start() {
      try {
        if (token && token.startsWith('luna_')) {
          const tokens = await luna.signIn(token); // the API key typed on the sign-in screen
          await save(tokens);
          await signIn(tokens.accessToken);
        } else if (!luna.signedIn) {
          const kept = await SecureStore.getItemAsync(KEY);
          if (!kept) throw new Error('Sign in with a Luna API key.');
          luna.restore(JSON.parse(kept) as Tokens);
        }
        await luna.fresh();
        if (luna.session && luna.session.accessToken !== token) {
          await save(luna.session);
          await signIn(luna.session.accessToken);
        }
        if (!cancelled) {
          setReady(true);
          setError(null);
        }
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : 'Could not reach Luna.');
      }
    }
    void start();
    const timer = setInterval(() => void start(), 30_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [token, signIn]);

  const signOut = async () => {
    await luna.signOut();
    await save(null);
    await generatedSignOut();
  };
  return { ready, error, signOut };
}
