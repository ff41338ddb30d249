import { useState, type FormEvent } from 'react';
import { useAuth } from '../api/session';
import { ErrorBox } from '../components/ui';

/** Sign-in with an API key: exchanged at once for a 5-minute access token (refreshed silently); the key is not kept. */
export default function SignIn({ theme, toggleTheme }: { theme: string; toggleTheme: () => void }) {
  const { api } = useAuth();
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
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
  return (
    <main id="main" className="signin">
      <form onSubmit={submit} className="card" aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Luna</h1>
        <p className="muted">
          Paste an API key (<code>luna_…</code>). <code>./scripts/local</code> prints the admin key at its first start.
        </p>
        <div className="field">
          <label htmlFor="api-key">API key</label>
          <input id="api-key" type="password" autoComplete="off" required value={key} onChange={(e) => setKey(e.target.value)} />
        </div>
        <ErrorBox error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
          <button type="button" onClick={toggleTheme} aria-pressed={theme === 'dark'}>Dark mode</button>
        </div>
      </form>
    </main>
  );
}
