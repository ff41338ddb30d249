package dev.luna.workers.expoapp.audit;

import dev.luna.designsystem.ColorToken.Appearance;
import dev.luna.designsystem.DesignTokens;
import dev.luna.workers.expoapp.render.Numbers;

/** The theme file {@code hig.patch} adds to an audited project: plain JavaScript that is also valid TypeScript. */
final class ThemeSource {
    private ThemeSource() {
    }

    static String render(DesignTokens t) {
        var sb = new StringBuilder("/** Added by Luna's HIG audit: the design system's tokens (semantic light/dark colours, text styles, hit target). */\n");
        sb.append("import { Appearance, useColorScheme } from 'react-native';\n\n");
        for (var appearance : Appearance.values()) {
            sb.append("const ").append(appearance == Appearance.LIGHT ? "light" : "dark").append(" = {\n");
            for (var c : t.colors()) sb.append("  ").append(c.name()).append(": '").append(c.value(appearance)).append("',\n");
            sb.append("};\n\n");
        }
        sb.append("export const palettes = { light, dark };\n\n");
        sb.append("/** The palette of the appearance at launch; components that must follow a change live read useTheme(). */\n");
        sb.append("export const colors = Appearance.getColorScheme() === 'dark' ? dark : light;\n\n");
        sb.append("export const typography = {\n");
        t.textStyles().forEach(s -> sb.append("  ").append(s.name()).append(": { fontSize: ").append(Numbers.num(s.size())).append(", lineHeight: ")
                .append(Numbers.num(s.leading())).append(" },\n"));
        sb.append("};\n\n/** The smallest hit target in points (HIG: 44×44). */\nexport const hitTarget = ").append(Numbers.num(t.minimumHitTarget().points())).append(";\n\n");
        sb.append("export function useTheme() {\n  return useColorScheme() === 'dark' ? dark : light;\n}\n");
        return sb.toString();
    }
}
