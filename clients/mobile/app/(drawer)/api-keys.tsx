import { Stack, useRouter } from 'expo-router';
import { useMemo, useState } from 'react';
import { FlatList, View } from 'react-native';
import { api } from '../../src/api';
import { Button } from '../../src/components/Button';
import { FloatingFilterBar, applyFilters, type FilterSpec, type FilterValues } from '../../src/components/FloatingFilterBar';
import { ListRow } from '../../src/components/ListRow';
import { EmptyState, ErrorState, LoadingState } from '../../src/components/States';
import { useChange, useList } from '../../src/data/hooks';
import { copy } from '../../src/copy';
import { useTheme } from '../../src/theme';

type Item = Record<string, unknown>;

const filters: FilterSpec[] = [
  { kind: 'text', key: '*', label: 'Search' },
];

function field(item: Item, name: string): string {
  const value = (item as Record<string, unknown>)[name];
  return value === undefined || value === null ? '' : String(value);
}

/** Api keys: the list, with the floating filter bar and a create button. */
export default function ApiKeysList() {
  const router = useRouter();
  const { colors, spacing } = useTheme();
  const [values, setValues] = useState<FilterValues>({});
  const [showFilters, setShowFilters] = useState(false);
  const list = useList<Item>('api-keys', async () => {
    const page = await api.apiKeysList();
    return (Array.isArray(page) ? page : []) as Item[];
  });
  const remove = useChange('api-keys', (id: string) => api.apiKeysDelete({ path: { 'id': id } }));
  const items = useMemo(() => applyFilters(list.data ?? [], filters, values), [list.data, values]);

  return (
    <View style={{ flex: 1, backgroundColor: colors.systemBackground }}>
      <Stack.Screen options={{ title: copy.apiKeys.title }} />
      <View style={{ flexDirection: 'row', gap: spacing.xs, padding: spacing.xs }}>
        <Button title="Filter" variant="tinted" onPress={() => setShowFilters((s) => !s)} />
        <Button title="New api key" onPress={() => router.push('/api-keys/form')} />
      </View>
      {list.loading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.refresh} />
      ) : items.length === 0 ? (
        <EmptyState title={copy.apiKeys.emptyTitle} message={copy.apiKeys.emptyMessage} />
      ) : (
        <FlatList
          data={items}
          keyExtractor={(item, index) => field(item, 'id') || String(index)}
          onRefresh={list.refresh}
          refreshing={false}
          renderItem={({ item }) => (
            <ListRow
              title={field(item, 'id') || field(item, 'id')}
              onPress={() => router.push(`/api-keys/${encodeURIComponent(field(item, 'id'))}`)}
              onDelete={() => void remove.run(field(item, 'id'))}
            />
          )}
        />
      )}
      <FloatingFilterBar filters={filters} values={values} onChange={setValues} visible={showFilters} onDismiss={() => setShowFilters(false)} />
    </View>
  );
}
