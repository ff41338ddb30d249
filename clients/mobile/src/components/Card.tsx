import type { ReactNode } from 'react';
import { View } from 'react-native';
import { useTheme } from '../theme';

/** A grouped surface on the secondary background. */
export function Card({ children }: { children: ReactNode }) {
  const { colors, spacing, radii } = useTheme();
  return (
    <View style={{ backgroundColor: colors.secondarySystemBackground, borderRadius: radii.medium, padding: spacing.m, gap: spacing.xs }}>
      {children}
    </View>
  );
}
