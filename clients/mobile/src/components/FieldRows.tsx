import { Text, View } from 'react-native';
import { useTheme } from '../theme';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every property of a record as a label/value row; the values wrap at large text sizes. */
export function FieldRows({ value }: { value: unknown }) {
  const { colors, typography, spacing } = useTheme();
  const entries = value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [['value', value] as const];
  return (
    <View style={{ gap: spacing.xs }}>
      {entries.map(([key, v]) => (
        <View key={key} accessible accessibilityLabel={`${key}: ${show(v)}`} style={{ flexDirection: 'row', flexWrap: 'wrap', gap: spacing.xs }}>
          <Text style={[typography.subheadline, { color: colors.secondaryLabel }]}>{key}</Text>
          <Text style={[typography.body, { color: colors.label, flexShrink: 1 }]}>{show(v)}</Text>
        </View>
      ))}
    </View>
  );
}
