/**
 * The companion screen (hand-written; expo-router adds every file of app/(drawer) as a drawer item, so the generated drawer layout
 * needs no change): the Luna session, push registration, and the way to agents with health, tasks with live progress
 * and budget alerts.
 */
import { useRouter } from 'expo-router';
import { ScrollView, Text } from 'react-native';
import { Button } from '../../src/components/Button';
import { Card } from '../../src/components/Card';
import { ListRow } from '../../src/components/ListRow';
import { useTheme } from '../../src/theme';
import { useDeviceRegistration, useNotificationRoutes } from '../../custom/push';
import { useLuna } from '../../custom/session';
import { Note } from '../../custom/ui';

export default function Companion() {
  const router = useRouter();
  const { colors, typography, spacing } = useTheme();
  const { ready, error, signOut } = useLuna();
  const { device, problem } = useDeviceRegistration(ready);
  useNotificationRoutes();
  return (
    <ScrollView style={{ backgroundColor: colors.systemBackground }} contentContainerStyle={{ padding: spacing.m, gap: spacing.m }}>
      <Text accessibilityRole="header" style={[typography.largeTitle, { color: colors.label }]}>
        Luna
      </Text>
      <Card>
        <Text style={[typography.headline, { color: colors.label }]}>{ready ? 'Signed in' : 'Not signed in'}</Text>
        <Note>{error ?? (ready ? 'Your API key was exchanged for a short-lived access token that renews itself.' : 'Connecting…')}</Note>
      </Card>
      <Card>
        <Text style={[typography.headline, { color: colors.label }]}>Notifications</Text>
        <Note>
          {device
            ? `This ${device.platform} device hears when a task you follow ends and when a budget alert fires.`
            : (problem ?? 'Registering this device…')}
        </Note>
      </Card>
      <ListRow title="Agents" subtitle="Health of every agent" onPress={() => router.push('/companion/agents')} />
      <ListRow title="Tasks" subtitle="Live progress and results" onPress={() => router.push('/companion/tasks')} />
      <ListRow title="Budget alerts" subtitle="Thresholds crossed this month" onPress={() => router.push('/companion/alerts')} />
      <Button title="Sign out" variant="destructive" onPress={() => void signOut()} />
    </ScrollView>
  );
}
