import { Stack, useLocalSearchParams, useRouter } from 'expo-router';
import { ScrollView } from 'react-native';
import { api } from '../../src/api';
import { Button } from '../../src/components/Button';
import { Card } from '../../src/components/Card';
import { FieldRows } from '../../src/components/FieldRows';
import { ErrorState, LoadingState } from '../../src/components/States';
import { copy } from '../../src/copy';
import { useChange, useItem } from '../../src/data/hooks';
import { useTheme } from '../../src/theme';

type Item = Record<string, unknown>;

/** One api key: every field, edit and delete. */
export default function ApiKeysDetail() {
  const { id: raw } = useLocalSearchParams<{ id: string }>();
  const id = typeof raw === 'string' ? raw : '';
  const router = useRouter();
  const { colors, spacing } = useTheme();
  const item = useItem<Item>('api-keys', id, async () => ({ 'id': id }) as unknown as Item);
  const remove = useChange('api-keys', () => api.apiKeysDelete({ path: { 'id': id } }));
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }} contentContainerStyle={{ padding: spacing.m, gap: spacing.m }}>
      <Stack.Screen options={{ title: copy.apiKeys.singular }} />
      {item.loading ? (
        <LoadingState />
      ) : item.error ? (
        <ErrorState error={item.error} onRetry={item.refresh} />
      ) : (
        <Card>
          <FieldRows value={item.data} />
        </Card>
      )}
      <Button title="Edit" variant="bordered" onPress={() => router.push({ pathname: '/api-keys/form', params: { id } })} />
      <Button
        title="Delete"
        variant="destructive"
        onPress={() => {
          void remove.run(undefined).then(() => router.back());
        }}
      />
    </ScrollView>
  );
}
