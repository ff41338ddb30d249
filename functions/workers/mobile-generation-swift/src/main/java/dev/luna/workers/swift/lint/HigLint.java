package dev.luna.workers.swift.lint;

import dev.luna.designsystem.ColorToken;
import dev.luna.designsystem.DesignTokens;
import dev.luna.designsystem.TextStyle;
import dev.luna.designsystem.Wcag;
import dev.luna.workers.swift.lint.Chains.Chain;
import dev.luna.workers.swift.lint.Chains.Modifier;
import dev.luna.workers.swift.lint.SwiftTokens.Kind;
import dev.luna.workers.swift.lint.SwiftTokens.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The HIG rules ({@code dev.luna.designsystem.HigRules}) on SwiftUI and UIKit source, each finding with the edit that
 * moves the code onto the design system ({@code DS}) where one can be derived: hard-coded font sizes → the nearest
 * Dynamic Type style; RGB literals → the nearest semantic colour of the role the modifier implies; icon-only controls
 * → an accessibility label from the symbol; small tappable frames → 44-pt minimums; fixed text heights → minimum
 * heights. Colour sets without a dark value and literal text/background pairs under 4.5:1 are reported for a manual fix.
 * The same rules run on generated code, which must have no finding.
 */
public final class HigLint {
    public static final String FONT = "hig-font-size";
    public static final String COLOR = "hig-color-literal";
    public static final String HIT = "hig-hit-target";
    public static final String ICON = "hig-icon-label";
    public static final String CONTRAST = "hig-contrast";
    public static final String DARK = "hig-dark-mode";
    public static final String LAYOUT = "hig-fixed-layout";
    private static final Set<String> CONTROLS = Set.of("Button", "NavigationLink", "Link", "Menu");
    private static final Set<String> LABELS = Set.of("Text", "Label", "accessibilityLabel");
    private static final Set<String> COLOR_TYPES = Set.of("Color", "UIColor", "NSColor");
    private static final Set<String> TEXT_COLOR_MODIFIERS = Set.of("foregroundColor", "foregroundStyle", "tint", "accentColor", "textColor", "tintColor");
    private static final Set<String> BACKGROUND_MODIFIERS = Set.of("background", "backgroundColor", "fill", "listRowBackground");
    private static final double MIN = 44;
    private final DesignTokens tokens;

    public HigLint(DesignTokens tokens) {
        this.tokens = tokens;
    }

    /** The findings in one Swift file, sorted by line. */
    public List<Finding> swift(String file, String source) {
        var tokenized = SwiftTokens.of(source);
        var t = tokenized.list();
        var c = new Chains(t);
        var out = new ArrayList<Finding>();
        var extensions = colorExtensions(c, t);
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.kind() != Kind.IDENT) continue;
            boolean member = c.punct(i - 1, ".");
            if (member && (k.is("system") || k.is("custom")) && c.punct(i + 1, "(")) fontSize(file, c, i, out);
            else if (k.is("systemFont") && c.punct(i + 1, "(") && c.hasLabel(i + 1, c.matching(i + 1), "ofSize")) uiFont(file, c, i, out);
            else if (!member && COLOR_TYPES.contains(k.text()) && c.punct(i + 1, "(") && c.labelIndex(i + 1, c.matching(i + 1), "red") == i + 2
                    && !inside(extensions, i)) colorLiteral(file, c, i, out);
            else if (!member && CONTROLS.contains(k.text()) && (c.punct(i + 1, "(") || c.punct(i + 1, "{"))) control(file, c, i, out);
            else if (!member && k.is("Image") && c.punct(i + 1, "(")) tappableImage(file, c, i, out);
            else if (!member && k.is("Text") && c.punct(i + 1, "(")) textChain(file, c, i, out);
        }
        out.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::rule));
        return out;
    }

    /** A colour set's Contents.json: a colour without a dark appearance. */
    public List<Finding> colorSet(String file, String json) {
        if (json.contains("\"dark\"")) return List.of();
        int at = json.indexOf("\"colors\"");
        int line = at < 0 ? 1 : (int) json.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
        String name = file.replaceAll(".*/([^/]+)\\.colorset/Contents\\.json$", "$1");
        return List.of(new Finding(DARK, file, line, "colour set '" + name + "' has no dark appearance value", List.of()));
    }

    private void fontSize(String file, Chains c, int i, List<Finding> out) {
        int close = c.matching(i + 1);
        int size = c.labelIndex(i + 1, close, "size");
        if (size < 0 || c.at(i).is("custom") && c.hasLabel(i + 1, close, "relativeTo")) return;
        double points = c.numberAfter(size);
        TextStyle style = nearest(points);
        int start = c.at(i - 2) != null && c.at(i - 2).ident("Font") ? c.at(i - 2).start() : c.at(i - 1).start();
        String weight = argumentText(c, i + 1, close, "weight");
        String replacement = "DS.Typography." + style.name() + (weight == null ? "" : ".weight(" + weight + ")");
        out.add(new Finding(FONT, file, c.at(i).line(), "hard-coded font size " + (Double.isNaN(points) ? "" : fmt(points) + " pt ") + "instead of a text style; "
                + "DS.Typography." + style.name() + " (" + fmt(style.size()) + " pt at the default size) scales with Dynamic Type",
                List.of(new Finding.Edit(start, c.at(close).end(), replacement))));
    }

    private void uiFont(String file, Chains c, int i, List<Finding> out) {
        int close = c.matching(i + 1);
        double points = c.numberAfter(c.labelIndex(i + 1, close, "ofSize"));
        TextStyle style = nearest(points);
        out.add(new Finding(FONT, file, c.at(i).line(), "UIFont.systemFont(ofSize:) does not scale with Dynamic Type; use UIFont.preferredFont(forTextStyle: ."
                + style.name() + ")", List.of(new Finding.Edit(c.at(i).start(), c.at(close).end(), "preferredFont(forTextStyle: ." + style.name() + ")"))));
    }

    private void colorLiteral(String file, Chains c, int i, List<Finding> out) {
        int close = c.matching(i + 1);
        double r = c.numberAfter(c.labelIndex(i + 1, close, "red"));
        double g = c.numberAfter(c.labelIndex(i + 1, close, "green"));
        double b = c.numberAfter(c.labelIndex(i + 1, close, "blue"));
        String modifier = c.enclosingCall(i);
        var edits = new ArrayList<Finding.Edit>();
        String suggestion = "a semantic colour (DS.Colors)";
        if (!Double.isNaN(r) && !Double.isNaN(g) && !Double.isNaN(b)) {
            ColorToken.Role role = modifier != null && TEXT_COLOR_MODIFIERS.contains(modifier) ? ColorToken.Role.TEXT
                    : modifier != null && BACKGROUND_MODIFIERS.contains(modifier) ? ColorToken.Role.BACKGROUND : null;
            ColorToken token = nearest(hex(r, g, b), role);
            String swiftUi = "DS.Colors." + token.name();
            String replacement = c.at(i).is("Color") ? swiftUi : c.at(i).text() + "(" + swiftUi + ")";
            edits.add(new Finding.Edit(c.at(i).start(), c.at(close).end(), replacement));
            suggestion = swiftUi + " (the nearest " + (role == null ? "" : role.name().toLowerCase(Locale.ROOT) + " ") + "colour, with a dark value)";
        }
        out.add(new Finding(COLOR, file, c.at(i).line(), "RGB colour literal with one value for light and dark; use " + suggestion, edits));
    }

    private void control(String file, Chains c, int i, List<Finding> out) {
        Chain chain = c.chain(i);
        var tail = new StringBuilder();
        boolean titled = c.punct(i + 1, "(") && c.at(i + 2) != null && c.at(i + 2).kind() == Kind.STRING
                || chain.open() >= 0 && (c.hasLabel(chain.open(), chain.close(), "title") || c.hasLabel(chain.open(), chain.close(), "titleKey"));
        boolean labelled = titled || c.contains(i + 1, chain.callEnd(), LABELS) || chain.has("accessibilityLabel");
        if (!labelled && c.contains(i + 1, chain.callEnd(), Set.of("Image"))) {
            String label = symbolLabel(c, i + 1, chain.callEnd());
            out.add(new Finding(ICON, file, c.at(i).line(), "icon-only " + c.at(i).text() + " without an accessibility label; VoiceOver reads '" + label
                    + "' after the fix", List.of()));
            tail.append(".accessibilityLabel(\"").append(label).append("\")");
        }
        hitTargets(file, c, chain, tail, out);
        if (!tail.isEmpty()) {
            int at = c.at(chain.end()).end();
            var last = out.get(out.size() - 1);
            out.set(out.size() - 1, new Finding(last.rule(), last.file(), last.line(), last.message(), append(last.edits(), new Finding.Edit(at, at, tail.toString()))));
        }
    }

    /** Frames under 44 pt on a tappable chain (fixed in place) or inside its label (fixed with a 44-pt minimum on the control). */
    private void hitTargets(String file, Chains c, Chain chain, StringBuilder tail, List<Finding> out) {
        boolean outerOk = false;
        for (Modifier m : chain.modifiers()) {
            if (m.name().equals("contentShape")) outerOk = true;
            if (!m.name().equals("frame") || m.open() < 0) continue;
            var edits = new ArrayList<Finding.Edit>();
            String small = smallFrame(c, m, edits, true);
            if (small != null) out.add(new Finding(HIT, file, c.at(m.nameIndex()).line(), "tappable " + c.at(chain.primary()).text() + " with " + small
                    + " (under 44 pt)", edits));
            else if (minAtLeast(c, m)) outerOk = true;
        }
        if (outerOk || chain.open() < 0 && chain.callEnd() == chain.primary()) return;
        for (int j = chain.primary() + 1; j < chain.callEnd(); j++) {
            if (c.at(j).ident("frame") && c.punct(j - 1, ".") && c.punct(j + 1, "(")) {
                var m = new Modifier("frame", j, j + 1, c.matching(j + 1), c.matching(j + 1));
                String small = smallFrame(c, m, new ArrayList<>(), false);
                if (small != null) {
                    out.add(new Finding(HIT, file, c.at(j).line(), "the label of a tappable " + c.at(chain.primary()).text() + " has " + small
                            + " and the control no 44-pt minimum", List.of()));
                    tail.append(".frame(minWidth: 44, minHeight: 44).contentShape(Rectangle())");
                    return;
                }
            }
        }
    }

    /** {@code width: N}/{@code height: N} under 44 in a frame: described, with edits to 44-pt minimums when asked. */
    private String smallFrame(Chains c, Modifier m, List<Finding.Edit> edits, boolean fix) {
        var parts = new ArrayList<String>();
        for (String label : List.of("width", "height")) {
            int at = c.labelIndex(m.open(), m.close(), label);
            if (at < 0) continue;
            double v = c.numberAfter(at);
            if (v < MIN) {
                parts.add(label + " " + fmt(v));
                if (fix) edits.add(new Finding.Edit(c.at(at).start(), c.at(at + 2).end(), "min" + Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": 44"));
            }
        }
        return parts.isEmpty() ? null : "a frame of " + String.join(" and ", parts) + " pt";
    }

    private boolean minAtLeast(Chains c, Modifier m) {
        for (String label : List.of("minWidth", "minHeight", "width", "height")) {
            int at = c.labelIndex(m.open(), m.close(), label);
            if (at >= 0 && c.numberAfter(at) >= MIN) return true;
            if (at >= 0 && c.at(at + 2) != null && c.at(at + 2).ident("DS")) return true;
        }
        return false;
    }

    private void tappableImage(String file, Chains c, int i, List<Finding> out) {
        Chain chain = c.chain(i);
        if (!chain.has("onTapGesture")) return;
        var tail = new StringBuilder();
        if (!chain.has("accessibilityLabel")) {
            String label = symbolLabel(c, i, chain.callEnd());
            out.add(new Finding(ICON, file, c.at(i).line(), "tappable image without an accessibility label; VoiceOver reads '" + label + "' as a button after the fix",
                    List.of()));
            tail.append(".accessibilityLabel(\"").append(label).append("\").accessibilityAddTraits(.isButton)");
        }
        hitTargets(file, c, chain, tail, out);
        if (!tail.isEmpty()) {
            int at = c.at(chain.end()).end();
            var last = out.get(out.size() - 1);
            out.set(out.size() - 1, new Finding(last.rule(), last.file(), last.line(), last.message(), append(last.edits(), new Finding.Edit(at, at, tail.toString()))));
        }
    }

    /** Text with a fixed frame height (clips at large Dynamic Type sizes), and literal text/background pairs under 4.5:1. */
    private void textChain(String file, Chains c, int i, List<Finding> out) {
        Chain chain = c.chain(i);
        String foreground = null;
        String background = null;
        int foregroundLine = 0;
        for (Modifier m : chain.modifiers()) {
            if (m.name().equals("frame") && m.open() >= 0) {
                int at = c.labelIndex(m.open(), m.close(), "height");
                if (at >= 0 && !Double.isNaN(c.numberAfter(at))) {
                    out.add(new Finding(LAYOUT, file, c.at(m.nameIndex()).line(), "text in a fixed height of " + fmt(c.numberAfter(at))
                            + " pt is clipped at large text sizes; use minHeight", List.of(new Finding.Edit(c.at(at).start(), c.at(at).end(), "minHeight"))));
                }
            }
            if (m.open() >= 0 && c.at(m.open() + 1) != null && c.at(m.open() + 1).ident("Color") && c.labelIndex(m.open() + 2, c.matching(m.open() + 2), "red") >= 0) {
                int o = m.open() + 2;
                int close = c.matching(o);
                double r = c.numberAfter(c.labelIndex(o, close, "red"));
                double g = c.numberAfter(c.labelIndex(o, close, "green"));
                double b = c.numberAfter(c.labelIndex(o, close, "blue"));
                if (Double.isNaN(r + g + b)) continue;
                if (TEXT_COLOR_MODIFIERS.contains(m.name())) {
                    foreground = hex(r, g, b);
                    foregroundLine = c.at(m.nameIndex()).line();
                } else if (BACKGROUND_MODIFIERS.contains(m.name())) {
                    background = hex(r, g, b);
                }
            }
        }
        if (foreground != null && background != null) {
            double ratio = Wcag.contrastRatio(foreground, background);
            if (ratio < Wcag.NORMAL_TEXT) {
                out.add(new Finding(CONTRAST, file, foregroundLine, String.format(Locale.ROOT, "text %s on %s has a contrast of %.2f:1 (under 4.5:1)",
                        foreground, background, Math.floor(ratio * 100) / 100), List.of()));
            }
        }
    }

    private static List<Finding.Edit> append(List<Finding.Edit> edits, Finding.Edit edit) {
        var out = new ArrayList<>(edits);
        out.add(edit);
        return out;
    }

    /** The label VoiceOver should read for the first {@code systemName:}/asset name in {@code [from, to]}. */
    private static String symbolLabel(Chains c, int from, int to) {
        for (int j = from; j <= to; j++) {
            var k = c.at(j);
            if (k != null && k.ident("Image") && c.punct(j + 1, "(") && c.at(j + 2) != null) {
                var arg = c.at(j + 2).kind() == Kind.STRING ? c.at(j + 2) : c.at(j + 4);
                if (arg != null && arg.kind() == Kind.STRING) return SymbolNames.label(arg.text().replaceAll("^#*\"|\"#*$", ""));
            }
        }
        return "Button";
    }

    private static String argumentText(Chains c, int open, int close, String label) {
        int at = c.labelIndex(open, close, label);
        if (at < 0) return null;
        var sb = new StringBuilder();
        int depth = 0;
        for (int j = at + 2; j < close; j++) {
            var k = c.at(j);
            if (k.kind() == Kind.PUNCT && "([{".contains(k.text())) depth++;
            if (k.kind() == Kind.PUNCT && ")]}".contains(k.text())) depth--;
            if (depth == 0 && k.is(",")) break;
            sb.append(k.text());
        }
        return sb.toString();
    }

    private TextStyle nearest(double points) {
        if (Double.isNaN(points)) return tokens.textStyles().stream().filter(s -> s.name().equals("body")).findFirst().orElseThrow();
        return tokens.textStyles().stream().min(Comparator.comparingDouble((TextStyle s) -> Math.abs(s.size() - points)).thenComparing(s -> -s.size())).orElseThrow();
    }

    private ColorToken nearest(String hex, ColorToken.Role role) {
        return tokens.colors().stream().filter(t -> t.on() == null && t.role() != ColorToken.Role.DECORATIVE && (role == null || t.role() == role))
                .min(Comparator.comparingDouble((ColorToken t) -> distance(hex, t.light())).thenComparing(ColorToken::name)).orElseThrow();
    }

    private static double distance(String a, String b) {
        int x = Integer.parseInt(a.substring(1), 16);
        int y = Integer.parseInt(b.substring(1), 16);
        double d = 0;
        for (int shift = 0; shift <= 16; shift += 8) d += Math.pow(((x >> shift) & 0xFF) - ((y >> shift) & 0xFF), 2);
        return d;
    }

    private static String hex(double r, double g, double b) {
        double scale = r > 1 || g > 1 || b > 1 ? 1 : 255;
        return String.format(Locale.ROOT, "#%02X%02X%02X", clamp(r * scale), clamp(g * scale), clamp(b * scale));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Brace ranges of {@code extension Color/UIColor/NSColor/ShapeStyle { … }}, where colour literals define the palette. */
    private static List<int[]> colorExtensions(Chains c, List<Token> t) {
        var out = new ArrayList<int[]>();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).ident("extension") && t.get(i + 1).kind() == Kind.IDENT
                    && (COLOR_TYPES.contains(t.get(i + 1).text()) || t.get(i + 1).is("ShapeStyle"))) {
                for (int j = i + 2; j < t.size(); j++) {
                    if (c.punct(j, "{")) {
                        out.add(new int[] {j, c.matching(j)});
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean inside(List<int[]> ranges, int i) {
        return ranges.stream().anyMatch(r -> i > r[0] && i < r[1]);
    }
}
