import { ActivityIndicator, Text, View } from 'react-native';
import { useTheme } from '../theme';
import { Button } from './Button';

/** Empty, error and loading states with the same layout. */
export function EmptyState({ title, message, action }: { title: string; message: string; action?: { title: string; onPress: () => void } }) {
  const { colors, typography, spacing } = useTheme();
  return (
    <View accessibilityRole="summary" style={{ flex: 1, alignItems: 'center', justifyContent: 'center', padding: spacing.xl, gap: spacing.m }}>
      <Text style={[typography.title3, { color: colors.label, textAlign: 'center' }]}>{title}</Text>
      <Text style={[typography.body, { color: colors.secondaryLabel, textAlign: 'center' }]}>{message}</Text>
      {action ? <Button title={action.title} onPress={action.onPress} variant="tinted" /> : null}
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return <EmptyState title="Could not load" message={message} action={{ title: 'Try again', onPress: onRetry }} />;
}

export function LoadingState() {
  const { colors, spacing } = useTheme();
  return (
    <View style={{ flex: 1, alignItems: 'center', justifyContent: 'center', padding: spacing.xl }}>
      <ActivityIndicator accessibilityLabel="Loading" color={colors.tint} />
    </View>
  );
}
