package dev.luna.workers.expoapp.audit;

import dev.luna.designsystem.HigRules;
import java.util.List;
import java.util.Map;

/** {@code hig-report.md}: counts per rule, then every finding with file:line and its fix, grouped by rule. */
final class HigReport {
    private static final int MAX_PER_RULE = 200;
    /** The React Native form of each rule's fix (the shared rules name SwiftUI, UIKit and React Native fixes together). */
    private static final Map<String, String> RN_FIX = Map.of(
            "hig-font-size", "use the theme's typography (typography.body …) and leave allowFontScaling on.",
            "hig-color-literal", "use the theme's semantic colours (colors.label, colors.secondaryLabel, colors.systemBackground, colors.tint …).",
            "hig-hit-target", "give pressables minWidth/minHeight of hitTarget (44 pt), or hitSlop.",
            "hig-icon-label", "add accessibilityRole=\"button\" and an accessibilityLabel saying what it does.",
            "hig-contrast", "use the theme's text colours on its background colours (each pair is checked at 4.5:1).",
            "hig-dark-mode", "take colours from the theme, which has light and dark palettes (useColorScheme()).",
            "hig-fixed-layout", "use minHeight instead of height around text; remove allowFontScaling={false}.");

    private HigReport() {
    }

    static String render(List<Finding> findings, Map<String, Integer> counts, int scanned, int changed, String themeFile) {
        var sb = new StringBuilder("# HIG and accessibility audit\n\n");
        sb.append(scanned).append(" React Native/React source files read; ").append(findings.size()).append(" findings.\n\n");
        sb.append("| Rule | Severity | Findings |\n|---|---|---|\n");
        for (var rule : HigRules.standard().all()) sb.append("| ").append(rule.title()).append(" (`").append(rule.id()).append("`) | ").append(rule.severity())
                .append(" | ").append(counts.get(rule.id())).append(" |\n");
        sb.append('\n');
        if (themeFile != null) {
            sb.append("`hig.patch` edits ").append(changed).append(" files onto the design system and adds `").append(themeFile)
                    .append("` (semantic light/dark colours, text styles, the 44 pt hit target). Apply it at the analysed revision with `git apply hig.patch`; ")
                    .append("labels it adds for icon-only buttons are derived from the icon's name: review them.\n\n");
        } else {
            sb.append("Nothing to patch.\n\n");
        }
        for (var rule : HigRules.standard().all()) {
            var mine = findings.stream().filter(f -> f.rule().equals(rule.id())).toList();
            if (mine.isEmpty()) continue;
            sb.append("## ").append(rule.title()).append(" (").append(mine.size()).append(")\n\n");
            sb.append(rule.description()).append(" Fix: ").append(RN_FIX.getOrDefault(rule.id(), rule.fix())).append(" (").append(String.join(", ", rule.references())).append(")\n\n");
            for (var f : mine.stream().limit(MAX_PER_RULE).toList()) {
                sb.append("- `").append(f.file()).append(':').append(f.line()).append("`: ").append(f.detail().replace("`", "'"))
                        .append(" → ").append(f.fix().replace("`", "'")).append('\n');
            }
            if (mine.size() > MAX_PER_RULE) sb.append("- … and ").append(mine.size() - MAX_PER_RULE).append(" more\n");
            sb.append('\n');
        }
        return sb.toString();
    }
}
