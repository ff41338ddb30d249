/** Small views the companion's screens share (hand-written), on the generated design system. */
import { Text, View } from 'react-native';
import { useTheme } from '../src/theme';

/** A colour for a status or health word: success, warning, destructive or secondary. */
export function useStatusColor() {
  const { colors } = useTheme();
  return (word: string | undefined): string => {
    switch (word) {
      case 'healthy':
      case 'succeeded':
      case 'active':
      case 'running':
        return colors.success;
      case 'degraded':
      case 'queued':
      case 'pending':
      case 'cancelled':
      case 'timed_out':
        return colors.warning;
      case 'unhealthy':
      case 'failed':
      case 'dead_lettered':
        return colors.destructive;
      default:
        return colors.secondaryLabel;
    }
  };
}

/** A label with its status word in colour (the word is also read by VoiceOver). */
export function StatusLine({ label, status }: { label: string; status: string | undefined }) {
  const { colors, typography } = useTheme();
  const color = useStatusColor();
  return (
    <View style={{ flexDirection: 'row', justifyContent: 'space-between' }} accessible accessibilityLabel={`${label}: ${status ?? 'unknown'}`}>
      <Text style={[typography.body, { color: colors.label }]}>{label}</Text>
      <Text style={[typography.body, { color: color(status) }]}>{status ?? 'unknown'}</Text>
    </View>
  );
}

/** A progress bar with its percentage as text and as an accessibility value. */
export function ProgressBar({ percentage }: { percentage: number }) {
  const { colors, radii, spacing } = useTheme();
  const p = Math.max(0, Math.min(100, Math.round(percentage)));
  return (
    <View
      accessibilityRole="progressbar"
      accessibilityValue={{ min: 0, max: 100, now: p }}
      style={{ height: spacing.xs, borderRadius: radii.small, backgroundColor: colors.secondarySystemBackground, overflow: 'hidden' }}
    >
      <View style={{ width: `${p}%`, height: '100%', backgroundColor: colors.tint }} />
    </View>
  );
}

/** A secondary line of text. */
export function Note({ children }: { children: string }) {
  const { colors, typography } = useTheme();
  return <Text style={[typography.footnote, { color: colors.secondaryLabel }]}>{children}</Text>;
}
