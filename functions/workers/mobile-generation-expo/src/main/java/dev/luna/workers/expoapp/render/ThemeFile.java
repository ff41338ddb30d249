package dev.luna.workers.expoapp.render;

import dev.luna.workers.expoapp.design.DesignTokens;

/** {@code src/theme/index.ts}: the design tokens as a React Native theme (light/dark palettes, text styles, spacing, radii, motion). */
final class ThemeFile {
    private ThemeFile() {
    }

    static String render(DesignTokens t) {
        var sb = new StringBuilder("""
                /** The design system as a theme, generated from the HIG design tokens (W3C design-tokens JSON). */
                import { useColorScheme, type TextStyle } from 'react-native';

                """);
        for (int mode = 0; mode < 2; mode++) {
            sb.append("const ").append(mode == 0 ? "light" : "dark").append(" = {\n");
            for (var e : t.colors().entrySet()) sb.append("  ").append(e.getKey()).append(": '").append(e.getValue()[mode]).append("',\n");
            sb.append("};\n\n");
        }
        sb.append("export type Palette = typeof light;\nexport const palettes: { light: Palette; dark: Palette } = { light, dark };\n\n");
        sb.append("/** Dynamic Type text styles (iOS sizes at the default content size; they scale with the user's setting). */\n");
        sb.append("export const typography = {\n");
        for (var e : t.textStyles().entrySet()) {
            sb.append("  ").append(e.getKey()).append(": { fontSize: ").append(e.getValue()[0]).append(", lineHeight: ").append(e.getValue()[1])
                    .append(", fontWeight: '").append(t.weights().get(e.getKey())).append("' },\n");
        }
        sb.append("} satisfies Record<string, TextStyle>;\n\n");
        sb.append("/** The 8-point spacing scale. */\nexport const spacing = {\n");
        t.spacing().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append(",\n"));
        sb.append("};\n\nexport const radii = {\n");
        t.radii().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append(",\n"));
        sb.append("};\n\n/** Animation durations in ms (0 when the user asks for reduced motion). */\nexport const motion = {\n");
        t.durations().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append(",\n"));
        sb.append("};\n\n/** The smallest hit target in points (HIG: 44×44). */\nexport const hitTarget = ").append(t.hitTarget()).append(";\n\n");
        sb.append("""
                /** The theme for the current appearance (light or dark), following the system setting. */
                export function useTheme() {
                  const dark = useColorScheme() === 'dark';
                  return { colors: dark ? palettes.dark : palettes.light, dark, typography, spacing, radii, motion, hitTarget };
                }
                """);
        return sb.toString();
    }
}
