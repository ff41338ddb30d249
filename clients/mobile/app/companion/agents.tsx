/** Agents with their health (hand-written). */
import { useQuery } from '@tanstack/react-query';
import { Stack, useRouter } from 'expo-router';
import { FlatList } from 'react-native';
import { ListRow } from '../../src/components/ListRow';
import { EmptyState, ErrorState, LoadingState } from '../../src/components/States';
import { useTheme } from '../../src/theme';
import { useLuna, luna } from '../../custom/session';

export default function Agents() {
  const router = useRouter();
  const { colors } = useTheme();
  const { ready } = useLuna();
  const agents = useQuery({ queryKey: ['companion', 'agents'], queryFn: () => luna.agents(), enabled: ready, refetchInterval: 10_000 });
  if (agents.isPending) return <LoadingState />;
  if (agents.isError) return <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />;
  return (
    <>
      <Stack.Screen options={{ title: 'Agents' }} />
      <FlatList
        style={{ backgroundColor: colors.systemBackground }}
        data={agents.data}
        keyExtractor={(a) => a.id}
        onRefresh={() => void agents.refetch()}
        refreshing={agents.isRefetching}
        ListEmptyComponent={<EmptyState title="No agents" message="Register an agent with the CLI, the console or the API." />}
        renderItem={({ item }) => (
          <ListRow
            title={item.name}
            subtitle={`${item.status} · ${item.health?.status ?? 'health unknown'} · ${item.type} ${item.version}`}
            onPress={() => router.push(`/companion/agent/${encodeURIComponent(item.id)}`)}
          />
        )}
      />
    </>
  );
}
