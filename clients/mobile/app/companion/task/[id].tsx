/**
 * One task live (hand-written): progress, stage, ETA and steps followed through the task's event stream (polling
 * where it is not served), following it for a push when it ends, and its result's summary once it has succeeded.
 */
import { Stack, useLocalSearchParams } from 'expo-router';
import { useEffect, useState } from 'react';
import { ScrollView, Text } from 'react-native';
import { Button } from '../../../src/components/Button';
import { Card } from '../../../src/components/Card';
import { ErrorState, LoadingState } from '../../../src/components/States';
import { useTheme } from '../../../src/theme';
import { isTerminal, summarize, type Task } from '../../../custom/luna';
import { useLuna, luna } from '../../../custom/session';
import { Note, ProgressBar, StatusLine } from '../../../custom/ui';

export default function TaskLive() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const { colors, typography, spacing } = useTheme();
  const { ready } = useLuna();
  const [task, setTask] = useState<Task | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [summary, setSummary] = useState<{ label: string; value: string }[]>([]);
  const [following, setFollowing] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!ready || !id) return;
    const signal = { cancelled: false };
    setError(null);
    luna
      .watch(id, (t) => !signal.cancelled && setTask(t), signal)
      .then(async (t) => {
        if (!signal.cancelled && t.status === 'succeeded') setSummary(summarize(await luna.result(id)));
      })
      .catch((e: unknown) => !signal.cancelled && setError(e));
    return () => {
      signal.cancelled = true;
    };
  }, [ready, id, attempt]);

  if (error) return <ErrorState error={error} onRetry={() => setAttempt((a) => a + 1)} />;
  if (!task) return <LoadingState />;
  const p = task.progress;
  const follow = async () => setFollowing((await luna.follow(task.id, !following)).following);
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }} contentContainerStyle={{ padding: spacing.m, gap: spacing.m }}>
      <Stack.Screen options={{ title: task.type }} />
      <Card>
        <StatusLine label="Status" status={task.status} />
        <ProgressBar percentage={p?.percentage ?? 0} />
        <Note>{`${p?.percentage ?? 0} %${p?.stage ? ` · ${p.stage}` : ''}${p?.eta ? ` · about ${Math.ceil(p.eta / 1000)} s left` : ''}`}</Note>
        {p?.message ? <Text style={[typography.body, { color: colors.label }]}>{p.message}</Text> : null}
      </Card>
      {p?.steps?.length ? (
        <Card>
          {p.steps.map((s) => (
            <StatusLine key={s.name} label={s.name} status={s.status} />
          ))}
        </Card>
      ) : null}
      {!isTerminal(task.status) ? (
        <Button
          title={following ? 'Stop notifying me' : 'Notify me when it ends'}
          variant={following ? 'bordered' : 'tinted'}
          onPress={() => void follow().catch(setError)}
        />
      ) : null}
      {task.error?.message ? (
        <Card>
          <Text style={[typography.body, { color: colors.destructive }]}>{task.error.message}</Text>
        </Card>
      ) : null}
      {summary.length ? (
        <Card>
          <Text accessibilityRole="header" style={[typography.headline, { color: colors.label }]}>
            Result
          </Text>
          {summary.map((l) => (
            <Note key={l.label}>{`${l.label}: ${l.value}`}</Note>
          ))}
        </Card>
      ) : null}
    </ScrollView>
  );
}
