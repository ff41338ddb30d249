import { Stack, useLocalSearchParams, useRouter } from 'expo-router';
import { ScrollView } from 'react-native';
import { api } from '../../src/api';
import type { Project, SuccessEnvelope } from '../../src/api/types';
import { Button } from '../../src/components/Button';
import { Card } from '../../src/components/Card';
import { FieldRows } from '../../src/components/FieldRows';
import { ErrorState, LoadingState } from '../../src/components/States';
import { copy } from '../../src/copy';
import { useChange, useItem } from '../../src/data/hooks';
import { useTheme } from '../../src/theme';

type Item = (SuccessEnvelope) & ({ data?: Project; });

/** One project: every field, edit and delete. */
export default function ProjectsDetail() {
  const { id: raw } = useLocalSearchParams<{ id: string }>();
  const id = typeof raw === 'string' ? raw : '';
  const router = useRouter();
  const { colors, spacing } = useTheme();
  const item = useItem<Item>('projects', id, () => api.projectsGet({ path: { 'id': id } }) as Promise<Item>);
  const remove = useChange('projects', () => api.projectsDelete({ path: { 'id': id } }));
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
      <Button title="Edit" variant="bordered" onPress={() => router.push({ pathname: '/projects/form', params: { id } })} />
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
