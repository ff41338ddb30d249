/** Budget alerts of the project, newest first (hand-written). */
import { useQuery } from '@tanstack/react-query';
import { Stack } from 'expo-router';
import { FlatList } from 'react-native';
import { ListRow } from '../../src/components/ListRow';
import { EmptyState, ErrorState, LoadingState } from '../../src/components/States';
import { useTheme } from '../../src/theme';
import { useLuna, luna } from '../../custom/session';

export default function Alerts() {
  const { colors } = useTheme();
  const { ready } = useLuna();
  const alerts = useQuery({ queryKey: ['companion', 'alerts'], queryFn: () => luna.alerts(), enabled: ready, refetchInterval: 30_000 });
  if (alerts.isPending) return <LoadingState />;
  if (alerts.isError) return <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />;
  return (
    <>
      <Stack.Screen options={{ title: 'Budget alerts' }} />
      <FlatList
        style={{ backgroundColor: colors.systemBackground }}
        data={alerts.data}
        keyExtractor={(a) => a.id}
        onRefresh={() => void alerts.refetch()}
        refreshing={alerts.isRefetching}
        ListEmptyComponent={<EmptyState title="No alerts" message="No budget threshold has been crossed this month." />}
        renderItem={({ item }) => (
          <ListRow
            title={`${Math.round(item.threshold * 100)} % of ${item.agentId ? `agent ${item.agentId}` : 'the project'}'s budget`}
            subtitle={`$${item.spentUsd} of $${item.limitUsd} in ${item.period} · ${item.deliveryStatus}`}
          />
        )}
      />
    </>
  );
}
