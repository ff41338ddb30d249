import { useEffect, useRef, useState } from 'react';
import { useAuth } from '../api/session';
import { completeSso } from '../api/sso';
import { Link, navigate } from '../router';
import { ErrorBox, Loading } from '../components/ui';

/** /auth/callback: where the identity provider sends the browser back with a code (or an error). */
export default function SsoCallback() {
  const { api } = useAuth();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  useEffect(() => {
    // once, even under StrictMode's double effects: a code can be redeemed only once
    if (started.current) return;
    started.current = true;
    const query = new URLSearchParams(location.search);
    completeSso(query)
      .then((session) => api.signInWithProviderToken(session))
      .then(() => navigate('/', true))
      .catch((e) => setError(e));
  }, [api]);
  return (
    <main id="main" className="signin">
      <section className="card" aria-labelledby="callback-title">
        <h1 id="callback-title">Signing in with SSO</h1>
        {error ? (
          <>
            <ErrorBox error={error} />
            <p><Link to="/">Back to sign-in</Link></p>
          </>
        ) : (
          <Loading label="Completing the sign-in" />
        )}
      </section>
    </main>
  );
}
