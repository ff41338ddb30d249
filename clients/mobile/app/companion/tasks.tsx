/** Recent tasks with their progress (hand-written); a task opens its live screen. */
import { useQuery } from '@tanstack/react-query';
import { Stack, useRouter } from 'expo-router';
import { FlatList } from 'react-native';
import { ListRow } from '../../src/components/ListRow';
import { EmptyState, ErrorState, LoadingState } from '../../src/components/States';
import { useTheme } from '../../src/theme';
import { useLuna, luna } from '../../custom/session';

export default function Tasks() {
  const router = useRouter();
  const { colors } = useTheme();
  const { ready } = useLuna();
  const tasks = useQuery({ queryKey: ['companion', 'tasks'], queryFn: () => luna.tasks(), enabled: ready, refetchInterval: 5_000 });
  if (tasks.isPending) return <LoadingState />;
  if (tasks.isError) return <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <>
      <Stack.Screen options={{ title: 'Tasks' }} />
      <FlatList
        style={{ backgroundColor: colors.systemBackground }}
        data={tasks.data}
        keyExtractor={(t) => t.id}
        onRefresh={() => void tasks.refetch()}
        refreshing={tasks.isRefetching}
        ListEmptyComponent={<EmptyState title="No tasks" message="Tasks you submit show here with their progress." />}
        renderItem={({ item }) => (
          <ListRow
            title={`${item.type} · ${item.status}`}
            subtitle={`${item.progress?.percentage ?? 0} %${item.progress?.stage ? ` · ${item.progress.stage}` : ''} · ${item.id}`}
            onPress={() => router.push(`/companion/task/${encodeURIComponent(item.id)}`)}
          />
        )}
      />
    </>
  );
}
