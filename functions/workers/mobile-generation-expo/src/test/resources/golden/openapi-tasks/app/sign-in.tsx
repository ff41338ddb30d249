import { useState } from 'react';
import { ScrollView, Text } from 'react-native';
import { api } from '../src/api';
import { useSession } from '../src/auth/session';
import { Button } from '../src/components/Button';
import { FormField } from '../src/components/FormField';
import { copy } from '../src/copy';
import { useTheme } from '../src/theme';

/** Reads a token out of a login response: token, accessToken, access_token or jwt. */
export function tokenOf(response: unknown): string | null {
  if (typeof response === 'string') return response || null;
  if (!response || typeof response !== 'object') return null;
  const r = response as Record<string, unknown>;
  for (const key of ['token', 'accessToken', 'access_token', 'jwt', 'idToken']) {
    if (typeof r[key] === 'string' && r[key]) return r[key] as string;
  }
  return null;
}

/** Sign in with a username and password (POST /api/v1/auth/login); the token is kept in the secure store. */
export default function SignIn() {
  const { signIn } = useSession();
  const { colors, typography, spacing } = useTheme();
  const [error, setError] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = async () => {
    try {
      const token = tokenOf(await api.login({ body: { username, password } as never }));
      if (!token) throw new Error('The server answered without a token.');
      await signIn(token);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not sign in.');
    }
  };
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }} contentContainerStyle={{ padding: spacing.l, gap: spacing.m }}>
      <Text accessibilityRole="header" style={[typography.largeTitle, { color: colors.label }]}>
        {copy.app.title}
      </Text>
      <FormField label="Username" kind="text" required value={username} onChange={setUsername} />
      <FormField label="Password" kind="text" required secure value={password} onChange={setPassword} />
      {error ? (
        <Text accessibilityLiveRegion="polite" style={[typography.body, { color: colors.destructive }]}>
          {error}
        </Text>
      ) : null}
      <Button title="Sign in" onPress={() => void submit()} />
    </ScrollView>
  );
}
