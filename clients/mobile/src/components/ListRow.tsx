import { Pressable, Text, View } from 'react-native';
import { useTheme, hitTarget } from '../theme';

export interface ListRowProps {
  title: string;
  subtitle?: string;
  onPress?: () => void;
  /** Swipe-style trailing action, offered as a button for VoiceOver and pointer users too. */
  onDelete?: () => void;
}

/** A list row: title, optional subtitle, a 44 pt minimum height, and an optional delete action. */
export function ListRow({ title, subtitle, onPress, onDelete }: ListRowProps) {
  const { colors, typography, spacing } = useTheme();
  return (
    <View style={{ flexDirection: 'row', alignItems: 'center', borderBottomWidth: 1, borderBottomColor: colors.separator }}>
      <Pressable
        accessibilityRole="button"
        accessibilityLabel={subtitle ? `${title}, ${subtitle}` : title}
        onPress={onPress}
        style={{ flex: 1, minHeight: hitTarget, paddingVertical: spacing.xs, paddingHorizontal: spacing.m, justifyContent: 'center' }}
      >
        <Text style={[typography.body, { color: colors.label }]}>{title}</Text>
        {subtitle ? <Text style={[typography.subheadline, { color: colors.secondaryLabel }]}>{subtitle}</Text> : null}
      </Pressable>
      {onDelete ? (
        <Pressable
          accessibilityRole="button"
          accessibilityLabel={`Delete ${title}`}
          onPress={onDelete}
          style={{ minHeight: hitTarget, minWidth: hitTarget, paddingHorizontal: spacing.m, justifyContent: 'center' }}
        >
          <Text style={[typography.body, { color: colors.destructive }]}>Delete</Text>
        </Pressable>
      ) : null}
    </View>
  );
}
