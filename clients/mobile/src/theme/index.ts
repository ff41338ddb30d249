/** The design system as a theme, generated from Luna's HIG design tokens (tokens.json beside this file). */
import { useColorScheme, type TextStyle } from 'react-native';

const light = {
  label: '#000000',
  secondaryLabel: '#3C3C43',
  tertiaryLabel: '#545458',
  tint: '#0062CC',
  destructive: '#C9001A',
  success: '#1E7A35',
  warning: '#9A4A00',
  onTint: '#FFFFFF',
  onDestructive: '#FFFFFF',
  systemBackground: '#FFFFFF',
  secondarySystemBackground: '#F2F2F7',
  tertiarySystemBackground: '#FFFFFF',
  separator: '#C6C6C8',
  scrim: '#000000',
};

const dark = {
  label: '#FFFFFF',
  secondaryLabel: '#EBEBF5',
  tertiaryLabel: '#AEAEB2',
  tint: '#409CFF',
  destructive: '#FF6961',
  success: '#30D158',
  warning: '#FFB340',
  onTint: '#000000',
  onDestructive: '#000000',
  systemBackground: '#000000',
  secondarySystemBackground: '#1C1C1E',
  tertiarySystemBackground: '#2C2C2E',
  separator: '#38383A',
  scrim: '#000000',
};

export type Palette = typeof light;
export const palettes: { light: Palette; dark: Palette } = { light, dark };

/** Dynamic Type text styles at the default size; React Native scales them with the user's text size. */
export const typography = {
  largeTitle: { fontSize: 34, lineHeight: 41, fontWeight: '400' },
  title1: { fontSize: 28, lineHeight: 34, fontWeight: '400' },
  title2: { fontSize: 22, lineHeight: 28, fontWeight: '400' },
  title3: { fontSize: 20, lineHeight: 25, fontWeight: '400' },
  headline: { fontSize: 17, lineHeight: 22, fontWeight: '600' },
  body: { fontSize: 17, lineHeight: 22, fontWeight: '400' },
  callout: { fontSize: 16, lineHeight: 21, fontWeight: '400' },
  subheadline: { fontSize: 15, lineHeight: 20, fontWeight: '400' },
  footnote: { fontSize: 13, lineHeight: 18, fontWeight: '400' },
  caption1: { fontSize: 12, lineHeight: 16, fontWeight: '400' },
  caption2: { fontSize: 11, lineHeight: 13, fontWeight: '400' },
} satisfies Record<string, TextStyle>;

/** The 8-point spacing scale. */
export const spacing = {
  xxs: 4,
  xs: 8,
  s: 12,
  m: 16,
  l: 24,
  xl: 32,
  xxl: 48,
};

export const radii = {
  small: 6,
  medium: 10,
  large: 16,
  sheet: 24,
};

/** Animation durations in ms. */
export const motion = {
  fast: 150,
  standard: 250,
  slow: 400,
};

/** The same animations under Reduce Motion (0: none). */
export const reducedMotion: typeof motion = {
  fast: 0,
  standard: 0,
  slow: 150,
};

/** The smallest hit target in points (HIG: 44×44). */
export const hitTarget = 44;

/** The theme for the current appearance (light or dark), following the system setting. */
export function useTheme() {
  const dark = useColorScheme() === 'dark';
  return { colors: dark ? palettes.dark : palettes.light, dark, typography, spacing, radii, motion, hitTarget };
}
