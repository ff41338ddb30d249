import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../api/session';
import { ssoConfig, startSso } from '../api/sso';
import { ErrorBox } from '../components/ui';

/**
 * Sign-in with an API key (exchanged at once for a 5-minute access token, refreshed silently; the key is not kept)
 * or, when the platform has an identity provider configured, with SSO.
 */
export default function SignIn({ theme, toggleTheme }: { theme: string; toggleTheme: () => void }) {
  const { api } = useAuth();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const sso = useQuery({ queryKey: ['auth-sso'], queryFn: () => ssoConfig(), staleTime: 60_000, retry: false });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.signIn(key);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const signInWithSso = async () => {
    setError(undefined);
    try {
      await startSso(sso.data!);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <main id="main" className="signin">
      <form onSubmit={submit} className="card" aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Luna</h1>
        {sso.data?.enabled && (
          <>
            <div className="actions">
              <button type="button" className="primary" onClick={signInWithSso}>Sign in with SSO</button>
            </div>
            <p className="muted">with your organisation's account at <span className="issuer">{new URL(sso.data.issuer!).host}</span>, or with an API key:</p>
          </>
        )}
        <p className="muted">
          Paste an API key (<code>luna_…</code>). <code>./scripts/local</code> prints the admin key at its first start.
        </p>
        <div className="field">
          <label htmlFor="api-key">API key</label>
          <input id="api-key" type="password" autoComplete="off" required value={key} onChange={(e) => setKey(e.target.value)} />
        </div>
        <ErrorBox error={error} />
        <div className="actions">
          <button type="submit" className={sso.data?.enabled ? undefined : 'primary'} disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
          <button type="button" onClick={toggleTheme} aria-pressed={theme === 'dark'}>Dark mode</button>
        </div>
      </form>
    </main>
  );
}
