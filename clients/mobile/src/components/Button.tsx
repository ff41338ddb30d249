import { Pressable, StyleSheet, Text } from 'react-native';
import { useTheme, hitTarget } from '../theme';

export type ButtonVariant = 'filled' | 'tinted' | 'bordered' | 'plain' | 'destructive';

export interface ButtonProps {
  title: string;
  onPress: () => void;
  variant?: ButtonVariant;
  disabled?: boolean;
  /** Read by VoiceOver/TalkBack; defaults to the title. */
  accessibilityLabel?: string;
}

/** HIG button styles with a hit target of at least 44×44 pt and a text style that scales with Dynamic Type. */
export function Button({ title, onPress, variant = 'filled', disabled = false, accessibilityLabel }: ButtonProps) {
  const { colors, typography, spacing, radii } = useTheme();
  const background =
    variant === 'filled' ? colors.tint : variant === 'destructive' ? colors.destructive : variant === 'tinted' ? colors.secondarySystemBackground : 'transparent';
  const foreground = variant === 'filled' ? colors.onTint : variant === 'destructive' ? colors.onDestructive : colors.tint;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={accessibilityLabel ?? title}
      accessibilityState={{ disabled }}
      disabled={disabled}
      onPress={onPress}
      style={({ pressed }) => [
        styles.base,
        {
          backgroundColor: background,
          borderColor: variant === 'bordered' ? colors.tint : 'transparent',
          borderRadius: radii.medium,
          paddingHorizontal: spacing.m,
          opacity: disabled ? 0.4 : pressed ? 0.7 : 1,
        },
      ]}
    >
      <Text style={[typography.headline, { color: foreground }]}>{title}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  base: { minHeight: hitTarget, minWidth: hitTarget, alignItems: 'center', justifyContent: 'center', borderWidth: 1 },
});
