import { useEffect, useRef, useState } from 'react';
import { AccessibilityInfo, Animated, PanResponder, Pressable, Text, TextInput, View, useWindowDimensions } from 'react-native';
import { useTheme, hitTarget, motion, reducedMotion } from '../theme';

/** A filter the bar offers: free text, a date range (YYYY-MM-DD), one of some categories, or a custom on/off filter. */
export type FilterSpec =
  | { kind: 'text'; key: string; label: string }
  | { kind: 'date'; key: string; label: string }
  | { kind: 'category'; key: string; label: string; options: string[] }
  | { kind: 'custom'; key: string; label: string };

export type FilterValues = Record<string, string>;

export type Breakpoint = 'phone' | 'tablet' | 'desktop';

/** Phone below 600 pt wide, tablet below 1024 pt, desktop above. */
export function breakpoint(width: number): Breakpoint {
  return width < 600 ? 'phone' : width < 1024 ? 'tablet' : 'desktop';
}

/** Keeps the items whose fields match every non-empty filter (text: contains, case-insensitive; date: on or after; others: equal). */
export function applyFilters<T extends object>(items: T[], specs: FilterSpec[], values: FilterValues): T[] {
  return items.filter((item) =>
    specs.every((spec) => {
      const wanted = values[spec.key];
      if (!wanted) return true;
      const raw = spec.key === '*' ? JSON.stringify(item) : (item as Record<string, unknown>)[spec.key];
      const actual = raw === undefined || raw === null ? '' : String(raw);
      if (spec.kind === 'text') return actual.toLowerCase().includes(wanted.toLowerCase());
      if (spec.kind === 'date') return actual >= wanted;
      if (spec.kind === 'custom') return wanted !== 'true' || actual === 'true';
      return actual === wanted;
    }),
  );
}

export interface FloatingFilterBarProps {
  filters: FilterSpec[];
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  visible: boolean;
  onDismiss: () => void;
}

/**
 * The floating filter system: a bottom sheet on phones (swipe down to dismiss), a floating panel on tablets, a side
 * panel on desktops. It slides and fades in and out unless the user asked for reduced motion.
 */
export function FloatingFilterBar({ filters, values, onChange, visible, onDismiss }: FloatingFilterBarProps) {
  const { colors, typography, spacing, radii } = useTheme();
  const { width } = useWindowDimensions();
  const size = breakpoint(width);
  const progress = useRef(new Animated.Value(visible ? 1 : 0)).current;
  const [reduceMotion, setReduceMotion] = useState(false);
  const [mounted, setMounted] = useState(visible);

  useEffect(() => {
    AccessibilityInfo.isReduceMotionEnabled().then(setReduceMotion).catch(() => setReduceMotion(false));
    const sub = AccessibilityInfo.addEventListener('reduceMotionChanged', setReduceMotion);
    return () => sub.remove();
  }, []);

  useEffect(() => {
    if (visible) setMounted(true);
    Animated.timing(progress, {
      toValue: visible ? 1 : 0,
      duration: reduceMotion ? (visible ? reducedMotion.standard : reducedMotion.fast) : visible ? motion.standard : motion.fast,
      useNativeDriver: true,
    }).start(({ finished }) => {
      if (finished && !visible) setMounted(false);
    });
  }, [visible, reduceMotion, progress]);

  const pan = useRef(
    PanResponder.create({
      onMoveShouldSetPanResponder: (_, g) => g.dy > 12 && Math.abs(g.dy) > Math.abs(g.dx),
      onPanResponderRelease: (_, g) => {
        if (g.dy > 60) onDismiss();
      },
    }),
  ).current;

  if (!mounted) return null;
  const translateY = progress.interpolate({ inputRange: [0, 1], outputRange: [size === 'phone' ? 80 : -16, 0] });
  const placement =
    size === 'phone'
      ? { left: spacing.xs, right: spacing.xs, bottom: spacing.l }
      : size === 'tablet'
        ? { top: spacing.l, right: spacing.l, width: 360 }
        : { top: 0, bottom: 0, right: 0, width: 320 };

  return (
    <Animated.View
      {...(size === 'phone' ? pan.panHandlers : {})}
      accessibilityViewIsModal={size === 'phone'}
      style={[
        {
          position: 'absolute',
          backgroundColor: colors.secondarySystemBackground,
          borderRadius: size === 'desktop' ? 0 : radii.large,
          padding: spacing.m,
          gap: spacing.xs,
          opacity: progress,
          transform: [{ translateY }],
          shadowColor: colors.label,
          shadowOpacity: 0.15,
          shadowRadius: 12,
          elevation: 6,
        },
        placement,
      ]}
    >
      <View style={{ flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' }}>
        <Text accessibilityRole="header" style={[typography.headline, { color: colors.label }]}>
          Filters
        </Text>
        <Pressable
          accessibilityRole="button"
          accessibilityLabel="Close filters"
          onPress={onDismiss}
          style={{ minWidth: hitTarget, minHeight: hitTarget, alignItems: 'center', justifyContent: 'center' }}
        >
          <Text style={[typography.body, { color: colors.tint }]}>Done</Text>
        </Pressable>
      </View>
      {filters.map((spec) => {
        const value = values[spec.key] ?? '';
        const set = (v: string) => onChange({ ...values, [spec.key]: v });
        if (spec.kind === 'category' || spec.kind === 'custom') {
          const options = spec.kind === 'category' ? spec.options : ['true'];
          return (
            <View key={spec.key} style={{ flexDirection: 'row', flexWrap: 'wrap', gap: spacing.xs, alignItems: 'center' }}>
              <Text style={[typography.subheadline, { color: colors.secondaryLabel }]}>{spec.label}</Text>
              {options.map((option) => {
                const selected = value === option;
                return (
                  <Pressable
                    key={option}
                    accessibilityRole="button"
                    accessibilityState={{ selected }}
                    accessibilityLabel={`${spec.label}: ${spec.kind === 'custom' ? 'on' : option}`}
                    onPress={() => set(selected ? '' : option)}
                    style={{
                      minHeight: hitTarget,
                      minWidth: hitTarget,
                      paddingHorizontal: spacing.m,
                      borderRadius: radii.large,
                      justifyContent: 'center',
                      backgroundColor: selected ? colors.tint : colors.systemBackground,
                    }}
                  >
                    <Text style={[typography.subheadline, { color: selected ? colors.onTint : colors.label }]}>
                      {spec.kind === 'custom' ? spec.label : option}
                    </Text>
                  </Pressable>
                );
              })}
            </View>
          );
        }
        return (
          <TextInput
            key={spec.key}
            accessibilityLabel={spec.label}
            placeholder={spec.kind === 'date' ? `${spec.label} (YYYY-MM-DD)` : spec.label}
            placeholderTextColor={colors.secondaryLabel}
            value={value}
            onChangeText={set}
            style={[
              typography.body,
              { minHeight: hitTarget, color: colors.label, backgroundColor: colors.systemBackground, borderRadius: radii.small, paddingHorizontal: spacing.xs },
            ]}
          />
        );
      })}
    </Animated.View>
  );
}
