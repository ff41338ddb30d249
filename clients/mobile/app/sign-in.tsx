import { useState } from 'react';
import { ScrollView, Text } from 'react-native';
import { useSession } from '../src/auth/session';
import { Button } from '../src/components/Button';
import { FormField } from '../src/components/FormField';
import { copy } from '../src/copy';
import { useTheme } from '../src/theme';

/** Sign in with an API token; the token is kept in the secure store. */
export default function SignIn() {
  const { signIn } = useSession();
  const { colors, typography, spacing } = useTheme();
  const [error, setError] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const submit = async () => {
    if (!token.trim()) return setError('Enter your API token.');
    await signIn(token.trim());
  };
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }} contentContainerStyle={{ padding: spacing.l, gap: spacing.m }}>
      <Text accessibilityRole="header" style={[typography.largeTitle, { color: colors.label }]}>
        {copy.app.title}
      </Text>
      <FormField label="API token" kind="text" required value={token} onChange={setToken} />
      {error ? (
        <Text accessibilityLiveRegion="polite" style={[typography.body, { color: colors.destructive }]}>
          {error}
        </Text>
      ) : null}
      <Button title="Sign in" onPress={() => void submit()} />
    </ScrollView>
  );
}
