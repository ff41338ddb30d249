package dev.luna.workers.expoapp.audit;

import dev.luna.workers.expoapp.design.DesignTokens;

/** The theme file {@code hig.patch} adds to an audited project: plain JavaScript that is also valid TypeScript. */
final class ThemeSource {
    private ThemeSource() {
    }

    static String render(DesignTokens t) {
        var sb = new StringBuilder("/** Added by Luna's HIG audit: the design system's tokens (semantic light/dark colours, text styles, hit target). */\n");
        sb.append("import { Appearance, useColorScheme } from 'react-native';\n\n");
        for (int mode = 0; mode < 2; mode++) {
            sb.append("const ").append(mode == 0 ? "light" : "dark").append(" = {\n");
            for (var e : t.colors().entrySet()) sb.append("  ").append(e.getKey()).append(": '").append(e.getValue()[mode]).append("',\n");
            sb.append("};\n\n");
        }
        sb.append("export const palettes = { light, dark };\n\n");
        sb.append("/** The palette of the appearance at launch; components that must follow a change live read useTheme(). */\n");
        sb.append("export const colors = Appearance.getColorScheme() === 'dark' ? dark : light;\n\n");
        sb.append("export const typography = {\n");
        t.textStyles().forEach((k, v) -> sb.append("  ").append(k).append(": { fontSize: ").append(v[0]).append(", lineHeight: ").append(v[1]).append(" },\n"));
        sb.append("};\n\n/** The smallest hit target in points (HIG: 44×44). */\nexport const hitTarget = ").append(t.hitTarget()).append(";\n\n");
        sb.append("export function useTheme() {\n  return useColorScheme() === 'dark' ? dark : light;\n}\n");
        return sb.toString();
    }
}
