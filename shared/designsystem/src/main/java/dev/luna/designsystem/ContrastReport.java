package dev.luna.designsystem;

import dev.luna.core.Json;
import dev.luna.designsystem.ColorToken.Appearance;
import dev.luna.designsystem.ColorToken.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * WCAG 2.x contrast of every text/background pair of a palette, in light and dark appearance. A text colour is paired
 * with every background colour, or only with its {@link ColorToken#on() surface} when it has one (e.g. {@code onTint}
 * on {@code tint}). A pair passes at ≥ 4.5:1, the normal-text minimum, since any text colour may be set at body size;
 * the report also says whether it would pass as large text (≥ 3:1).
 */
public final class ContrastReport {

    /**
     * One checked pair.
     *
     * @param appearance light or dark
     * @param text       the text colour's token name
     * @param background the background colour's token name
     * @param foreground the text colour's value in this appearance
     * @param backdrop   the background colour's value in this appearance
     * @param ratio      the contrast ratio, rounded to two decimals
     * @param normalText whether it reaches 4.5:1
     * @param largeText  whether it reaches 3:1
     */
    public record Pair(Appearance appearance, String text, String background, String foreground, String backdrop,
                       double ratio, boolean normalText, boolean largeText) {
    }

    private record Document(boolean passes, int pairs, int failures, List<Pair> results) {
    }

    private final List<Pair> pairs;

    private ContrastReport(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    /** Checks every text/background pair of the tokens. */
    public static ContrastReport of(DesignTokens tokens) {
        List<ColorToken> backgrounds = tokens.colors().stream().filter(c -> c.role() == Role.BACKGROUND).toList();
        List<Pair> out = new ArrayList<>();
        for (Appearance appearance : Appearance.values()) {
            for (ColorToken text : tokens.colors()) {
                if (text.role() != Role.TEXT) {
                    continue;
                }
                List<ColorToken> surfaces = text.on() == null ? backgrounds : List.of(tokens.color(text.on()));
                for (ColorToken background : surfaces) {
                    out.add(pair(appearance, text, background));
                }
            }
        }
        return new ContrastReport(out);
    }

    private static Pair pair(Appearance appearance, ColorToken text, ColorToken background) {
        String fg = text.value(appearance);
        String bg = background.value(appearance);
        double ratio = Wcag.contrastRatio(fg, bg);
        return new Pair(appearance, text.name(), background.name(), fg, bg, Math.floor(ratio * 100) / 100,
                ratio >= Wcag.NORMAL_TEXT, ratio >= Wcag.LARGE_TEXT);
    }

    /** Every pair, light first, in token order. */
    public List<Pair> pairs() {
        return pairs;
    }

    /** The pairs under 4.5:1. */
    public List<Pair> failures() {
        return pairs.stream().filter(p -> !p.normalText()).toList();
    }

    /** Whether every pair reaches 4.5:1. */
    public boolean passes() {
        return failures().isEmpty();
    }

    /** The report as JSON: {@code {passes, pairs, failures, results[]}}. */
    public String toJson() {
        return Json.write(new Document(passes(), pairs.size(), failures().size(), pairs));
    }

    /** The report as a Markdown table (for generated projects' docs and the audit report). */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Colour contrast (WCAG 2.x)\n\n")
                .append(passes() ? "Every" : failures().size() + " of " + pairs.size() + " pairs fail; not every")
                .append(" text/background pair reaches 4.5:1 in light and dark appearance.\n\n")
                .append("| Appearance | Text | Background | Ratio | Normal text (4.5:1) | Large text (3:1) |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Pair p : pairs) {
            md.append("| ").append(p.appearance().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(p.text()).append(" `").append(p.foreground()).append('`')
                    .append(" | ").append(p.background()).append(" `").append(p.backdrop()).append('`')
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", p.ratio()))
                    .append(" | ").append(p.normalText() ? "pass" : "FAIL")
                    .append(" | ").append(p.largeText() ? "pass" : "FAIL").append(" |\n");
        }
        return md.toString();
    }
}
