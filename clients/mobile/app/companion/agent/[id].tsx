/** One agent's health verdict with its inputs (hand-written). */
import { useQuery } from '@tanstack/react-query';
import { Stack, useLocalSearchParams } from 'expo-router';
import { ScrollView } from 'react-native';
import { Card } from '../../../src/components/Card';
import { FieldRows } from '../../../src/components/FieldRows';
import { ErrorState, LoadingState } from '../../../src/components/States';
import { useTheme } from '../../../src/theme';
import { useLuna, luna } from '../../../custom/session';
import { Note, StatusLine } from '../../../custom/ui';

export default function AgentHealthScreen() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { colors, spacing } = useTheme();
  const { ready } = useLuna();
  const health = useQuery({ queryKey: ['companion', 'agent-health', id], queryFn: () => luna.agentHealth(id), enabled: ready && !!id, refetchInterval: 5_000 });
  if (health.isPending) return <LoadingState />;
  if (health.isError) return <ErrorState error={health.error} onRetry={() => void health.refetch()} />;
  const verdict = health.data.status;
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }} contentContainerStyle={{ padding: spacing.m, gap: spacing.m }}>
      <Stack.Screen options={{ title: 'Health' }} />
      <Card>
        <StatusLine label="Health" status={verdict} />
        {health.data.reason ? <Note>{health.data.reason}</Note> : null}
      </Card>
      <Card>
        <FieldRows value={health.data} />
      </Card>
    </ScrollView>
  );
}
