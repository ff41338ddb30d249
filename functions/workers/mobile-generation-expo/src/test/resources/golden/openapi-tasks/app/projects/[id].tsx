import { Stack, useLocalSearchParams, useRouter } from 'expo-router';
import { ScrollView } from 'react-native';
import { api } from '../../src/api';
import type { Project } from '../../src/api/types';
import { Button } from '../../src/components/Button';
import { Card } from '../../src/components/Card';
import { FieldRows } from '../../src/components/FieldRows';
import { ErrorState, LoadingState } from '../../src/components/States';
import { copy } from '../../src/copy';
import { useChange, useItem } from '../../src/data/hooks';
import { useTheme } from '../../src/theme';

type Item = Project;

/** One project: every field. */
export default function ProjectsDetail() {
  const { id: raw } = useLocalSearchParams<{ id: string }>();
  const id = typeof raw === 'string' ? raw : '';
  const router = useRouter();
  const { colors, spacing } = useTheme();
  const item = useItem<Item>('projects', id, async () => ({ 'id': id }) as unknown as Item);
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }} contentContainerStyle={{ padding: spacing.m, gap: spacing.m }}>
      <Stack.Screen options={{ title: copy.projects.singular }} />
      {item.loading ? (
        <LoadingState />
      ) : item.error ? (
        <ErrorState error={item.error} onRetry={item.refresh} />
      ) : (
        <Card>
          <FieldRows value={item.data} />
        </Card>
      )}
    </ScrollView>
  );
}
