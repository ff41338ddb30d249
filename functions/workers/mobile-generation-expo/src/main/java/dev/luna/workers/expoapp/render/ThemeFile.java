package dev.luna.workers.expoapp.render;

import dev.luna.designsystem.ColorToken.Appearance;
import dev.luna.designsystem.DesignTokens;

/**
 * {@code src/theme/index.ts}: the shared design system ({@code shared/designsystem}, W3C design tokens) as a React
 * Native theme: light/dark palettes, Dynamic Type text styles, spacing, radii, elevation, motion with reduced-motion
 * values, and the minimum hit target.
 */
final class ThemeFile {
    private ThemeFile() {
    }

    static String render(DesignTokens t) {
        var sb = new StringBuilder("""
                /** The design system as a theme, generated from Luna's HIG design tokens (tokens.json beside this file). */
                import { useColorScheme, type TextStyle } from 'react-native';

                """);
        for (var appearance : Appearance.values()) {
            sb.append("const ").append(appearance == Appearance.LIGHT ? "light" : "dark").append(" = {\n");
            for (var c : t.colors()) sb.append("  ").append(c.name()).append(": '").append(c.value(appearance)).append("',\n");
            sb.append("};\n\n");
        }
        sb.append("export type Palette = typeof light;\nexport const palettes: { light: Palette; dark: Palette } = { light, dark };\n\n");
        sb.append("/** Dynamic Type text styles at the default size; React Native scales them with the user's text size. */\n");
        sb.append("export const typography = {\n");
        for (var s : t.textStyles()) {
            sb.append("  ").append(s.name()).append(": { fontSize: ").append(num(s.size())).append(", lineHeight: ").append(num(s.leading()))
                    .append(", fontWeight: '").append(s.weight()).append("' },\n");
        }
        sb.append("} satisfies Record<string, TextStyle>;\n\n");
        sb.append("/** The 8-point spacing scale. */\nexport const spacing = {\n");
        t.spacing().forEach(d -> sb.append("  ").append(d.name()).append(": ").append(num(d.points())).append(",\n"));
        sb.append("};\n\nexport const radii = {\n");
        t.radii().forEach(d -> sb.append("  ").append(d.name()).append(": ").append(num(d.points())).append(",\n"));
        sb.append("};\n\n/** Animation durations in ms. */\nexport const motion = {\n");
        t.durations().forEach(d -> sb.append("  ").append(d.name()).append(": ").append(d.millis()).append(",\n"));
        sb.append("};\n\n/** The same animations under Reduce Motion (0: none). */\nexport const reducedMotion: typeof motion = {\n");
        t.durations().forEach(d -> sb.append("  ").append(d.name()).append(": ").append(d.reducedMillis()).append(",\n"));
        sb.append("};\n\n/** The smallest hit target in points (HIG: 44×44). */\nexport const hitTarget = ").append(num(t.minimumHitTarget().points()))
                .append(";\n\n");
        sb.append("""
                /** The theme for the current appearance (light or dark), following the system setting. */
                export function useTheme() {
                  const dark = useColorScheme() === 'dark';
                  return { colors: dark ? palettes.dark : palettes.light, dark, typography, spacing, radii, motion, hitTarget };
                }
                """);
        return sb.toString();
    }

    private static String num(double v) {
        return Numbers.num(v);
    }
}
