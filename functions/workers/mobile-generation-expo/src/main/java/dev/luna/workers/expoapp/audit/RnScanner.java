package dev.luna.workers.expoapp.audit;

import dev.luna.designsystem.ColorToken.Appearance;
import dev.luna.designsystem.DesignTokens;
import dev.luna.designsystem.TextStyle;
import dev.luna.designsystem.Wcag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HIG rules ({@code shared/designsystem} HigRules) on one React Native/React source file, read as text (never run): findings with
 * file:line and a fix, and the line edits that move the file onto the design system (the theme's {@code typography},
 * {@code colors} and {@code hitTarget}).
 */
final class RnScanner {
    private static final Pattern FONT_SIZE = Pattern.compile("\\bfontSize(\\s*:\\s*)(\\d+(?:\\.\\d+)?)\\b");
    private static final Pattern COLOR = Pattern.compile("\\b(color|backgroundColor|borderColor|borderTopColor|borderBottomColor|borderLeftColor"
            + "|borderRightColor|tintColor|shadowColor|placeholderTextColor)(\\s*:\\s*|=\\{?)(['\"])(#[0-9a-fA-F]{3,8}|white|black|red|blue|green|gray|grey)\\3(\\}?)");
    private static final Pattern TEXT_COLOR = Pattern.compile("(?<![A-Za-z])color\\s*:\\s*['\"](#[0-9a-fA-F]{3,8}|white|black|red|blue|green|gray|grey)['\"]");
    private static final Pattern BACKGROUND = Pattern.compile("\\bbackgroundColor\\s*:\\s*['\"](#[0-9a-fA-F]{3,8}|white|black|red|blue|green|gray|grey)['\"]");
    private static final Pattern SIZE = Pattern.compile("(?<![A-Za-z])(width|height)(\\s*:\\s*)(\\d+(?:\\.\\d+)?)\\b");
    private static final Pattern HEIGHT = Pattern.compile("(?<![A-Za-z])height(\\s*:\\s*)(\\d+(?:\\.\\d+)?)\\b");
    private static final Pattern NO_SCALING = Pattern.compile("\\s*allowFontScaling=\\{false\\}");
    private static final Pattern PRESSABLE = Pattern.compile("<(Pressable|TouchableOpacity|TouchableHighlight|TouchableWithoutFeedback|TouchableNativeFeedback)\\b");
    private static final Pattern ICON = Pattern.compile("<(\\w*Icon\\w*|Ionicons|MaterialIcons|MaterialCommunityIcons|FontAwesome\\d?|Feather|AntDesign"
            + "|Entypo|EvilIcons|Octicons|SimpleLineIcons|Foundation|Image)\\b");
    private static final Pattern STYLE_REF = Pattern.compile("\\bstyles\\.(\\w+)");
    private static final Pattern SCHEME = Pattern.compile("useColorScheme|Appearance|colorScheme|DynamicColorIOS|PlatformColor");
    private static final Map<String, String> NAMED = Map.of("white", "FFFFFF", "black", "000000", "red", "FF0000", "blue", "0000FF",
            "green", "008000", "gray", "808080", "grey", "808080");

    /** What one file gave: findings in line order, the edited lines (0-based index → new text) and the theme names the edits use. */
    record Result(List<Finding> findings, Map<Integer, String> edits, TreeSet<String> themeNames) {
    }

    private final String file;
    private final String text;
    private final String[] lines;
    private final int[] lineStarts;
    private final DesignTokens tokens;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Integer, String> edits = new LinkedHashMap<>();
    private final TreeSet<String> names = new TreeSet<>();

    private RnScanner(String file, String text, DesignTokens tokens) {
        this.file = file;
        this.text = text;
        this.lines = text.split("\n", -1);
        this.lineStarts = new int[lines.length];
        for (int i = 1; i < lines.length; i++) lineStarts[i] = lineStarts[i - 1] + lines[i - 1].length() + 1;
        this.tokens = tokens;
    }

    static Result scan(String file, String text, DesignTokens tokens) {
        var s = new RnScanner(file, text, tokens);
        s.run();
        s.findings.sort(java.util.Comparator.comparingInt(Finding::line).thenComparing(Finding::rule));
        return new Result(List.copyOf(s.findings), s.edits, s.names);
    }

    private void run() {
        int firstColorLine = -1;
        for (int i = 0; i < lines.length; i++) {
            if (comment(lines[i])) continue;
            var m = FONT_SIZE.matcher(lines[i]);
            while (m.find()) {
                var nearest = nearestTextStyle(Double.parseDouble(m.group(2)));
                String style = nearest.name();
                add("hig-font-size", i, "fontSize " + m.group(2), "use typography." + style + ".fontSize (" + style + ", "
                        + dev.luna.workers.expoapp.render.Numbers.num(nearest.size()) + " pt, scales with Dynamic Type)");
                edit(i, FONT_SIZE, mm -> "fontSize" + mm.group(1) + "typography." + style + ".fontSize");
                names.add("typography");
            }
            var c = COLOR.matcher(lines[i]);
            while (c.find()) {
                String hex = hex(c.group(4));
                String token = token(c.group(1), hex);
                if (firstColorLine < 0) firstColorLine = i;
                add("hig-color-literal", i, c.group(1) + " " + c.group(4), "use colors." + token + " (light " + tokens.color(token).light()
                        + ", dark " + tokens.color(token).dark() + ")");
                names.add("colors");
            }
            if (c.reset().find()) {
                edit(i, COLOR, mm -> {
                    String token = token(mm.group(1), hex(mm.group(4)));
                    return mm.group(2).strip().startsWith("=") ? mm.group(1) + "={colors." + token + "}" : mm.group(1) + mm.group(2) + "colors." + token;
                });
            }
            var t = TEXT_COLOR.matcher(lines[i]);
            if (t.find()) contrast(i, t);
            var h = HEIGHT.matcher(lines[i]);
            if (h.find() && block(i).contains("fontSize")) {
                add("hig-fixed-layout", i, "height " + h.group(2) + " around text", "use minHeight: " + h.group(2) + " so larger text can grow the box");
                edit(i, HEIGHT, mm -> "minHeight" + mm.group(1) + mm.group(2));
            }
            if (NO_SCALING.matcher(lines[i]).find()) {
                add("hig-fixed-layout", i, "allowFontScaling={false}", "remove allowFontScaling={false} so the text follows the user's text size");
                edit(i, NO_SCALING, mm -> "");
            }
        }
        if (firstColorLine >= 0 && !SCHEME.matcher(text).find()) {
            add("hig-dark-mode", firstColorLine, "literal colours, no colour scheme read in this file",
                    "take the colours from the theme (light and dark palettes): the patch does");
        }
        pressables();
    }

    private void contrast(int i, Matcher textColor) {
        String block = block(i);
        var bg = BACKGROUND.matcher(block);
        if (!bg.find()) return;
        double ratio = Wcag.contrastRatio("#" + hex(textColor.group(1)), "#" + hex(bg.group(1)));
        var size = FONT_SIZE.matcher(block);
        double fontSize = size.find() ? Double.parseDouble(size.group(2)) : 17;
        boolean bold = block.matches("(?s).*fontWeight\\s*:\\s*['\"](bold|[6-9]00)['\"].*");
        boolean large = fontSize >= 24 || (bold && fontSize >= 18.66);
        double needed = large ? 3.0 : 4.5;
        if (ratio < needed) {
            add("hig-contrast", i, String.format(java.util.Locale.ROOT, "%s on %s: %.2f:1, needs %.1f:1", textColor.group(1), bg.group(1), ratio, needed),
                    "use a semantic pair such as colors.label on colors.systemBackground (" + String.format(java.util.Locale.ROOT, "%.1f",
                            Wcag.contrastRatio(tokens.color("label").light(), tokens.color("systemBackground").light())) + ":1)");
        }
    }

    private void pressables() {
        var m = PRESSABLE.matcher(text);
        while (m.find()) {
            int start = m.start();
            if (comment(lines[lineOf(start)])) continue;
            int end = tagEnd(m.end());
            if (end < 0) continue;
            String tag = text.substring(start, end + 1);
            boolean selfClosing = text.charAt(end - 1) == '/';
            String children = selfClosing ? "" : children(m.group(1), end + 1);
            int line = lineOf(start);
            if (!tag.contains("hitSlop")) {
                var sizes = SIZE.matcher(tag);
                while (sizes.find()) small(lineOf(start + sizes.start()), sizes);
                var refs = STYLE_REF.matcher(tag);
                while (refs.find()) {
                    int[] range = styleBlock(refs.group(1));
                    if (range == null) continue;
                    for (int i = range[0]; i <= range[1]; i++) {
                        var s = SIZE.matcher(lines[i]);
                        while (s.find()) small(i, s);
                    }
                }
            }
            if (ICON.matcher(children).find() && !children.contains("<Text") && visibleText(children).isEmpty()
                    && !tag.contains("accessibilityLabel") && !tag.contains("aria-label")) {
                var name = Pattern.compile("\\bname=[\"']([\\w-]+)[\"']").matcher(children);
                String label = name.find() ? dev.luna.workers.expoapp.plan.Names.title(name.group(1)) : "Button";
                add("hig-icon-label", line, "<" + m.group(1) + "> with only an icon", "add accessibilityLabel=\"" + label
                        + "\" (say what it does) and accessibilityRole=\"button\"");
                String attrs = (tag.contains("accessibilityRole") ? "" : " accessibilityRole=\"button\"") + " accessibilityLabel=\"" + label + "\"";
                String current = edits.getOrDefault(line, lines[line]);
                int at = current.indexOf("<" + m.group(1));
                if (at >= 0) edits.put(line, current.substring(0, at + m.group(1).length() + 1) + attrs + current.substring(at + m.group(1).length() + 1));
            }
        }
    }

    private void small(int line, Matcher size) {
        double v = Double.parseDouble(size.group(3));
        if (v >= hitTarget()) return;
        if (findings.stream().anyMatch(f -> f.rule().equals("hig-hit-target") && f.line() == line + 1 && f.detail().startsWith(size.group(1)))) return;
        add("hig-hit-target", line, size.group(1) + " " + size.group(3) + " pt on a pressable", "use min" + cap(size.group(1)) + ": hitTarget ("
                + dev.luna.workers.expoapp.render.Numbers.num(hitTarget()) + " pt) or hitSlop");
        String key = size.group(1);
        String current = edits.getOrDefault(line, lines[line]);
        var p = Pattern.compile("(?<![A-Za-z])" + key + "(\\s*:\\s*)" + Pattern.quote(size.group(3)) + "\\b").matcher(current);
        if (p.find()) edits.put(line, current.substring(0, p.start()) + "min" + cap(key) + p.group(1) + "hitTarget" + current.substring(p.end()));
        names.add("hitTarget");
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The semantic colour that takes a literal's place, from the property's role and the colour's hue and lightness. */
    private String token(String property, String hex) {
        int r = Integer.parseInt(hex.substring(0, 2), 16);
        int g = Integer.parseInt(hex.substring(2, 4), 16);
        int b = Integer.parseInt(hex.substring(4, 6), 16);
        boolean saturated = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80;
        double l = Wcag.relativeLuminance("#" + hex);
        if (property.startsWith("border")) return "separator";
        if (property.equals("shadowColor")) return "label";
        boolean background = property.equals("backgroundColor");
        if (saturated) {
            if (r > g && r > b) return "destructive";
            if (g > r && g > b) return background ? "tint" : "success";
            return "tint";
        }
        if (background) return l > 0.95 || l < 0.05 ? "systemBackground" : "secondarySystemBackground";
        if (l > 0.6) return "onTint";
        return l > 0.1 ? "secondaryLabel" : "label";
    }

    private static String hex(String literal) {
        String named = NAMED.get(literal);
        if (named != null) return named;
        String h = literal.substring(1).toUpperCase(java.util.Locale.ROOT);
        if (h.length() == 3 || h.length() == 4) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        return h.length() >= 6 ? h.substring(0, 6) : null;
    }

    private double hitTarget() {
        return tokens.minimumHitTarget().points();
    }

    /** The text style whose size is nearest {@code size} (ties: body, else the first in the tokens' order). */
    private TextStyle nearestTextStyle(double size) {
        TextStyle best = tokens.textStyles().getFirst();
        for (var s : tokens.textStyles()) {
            double d = Math.abs(s.size() - size);
            double b = Math.abs(best.size() - size);
            if (d < b || (d == b && s.name().equals("body"))) best = s;
        }
        return best;
    }

    private void add(String rule, int line, String detail, String fix) {
        String snippet = lines[line].strip();
        if (snippet.length() > 120) snippet = snippet.substring(0, 120) + "…";
        findings.add(new Finding(rule, file, line + 1, snippet, detail, fix));
    }

    private void edit(int line, Pattern p, java.util.function.Function<Matcher, String> replacement) {
        String current = edits.getOrDefault(line, lines[line]);
        var m = p.matcher(current);
        var sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
        m.appendTail(sb);
        if (!sb.toString().equals(lines[line])) edits.put(line, sb.toString());
    }

    private static boolean comment(String line) {
        String t = line.strip();
        return t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
    }

    private int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** The text of the innermost {@code { … }} around the start of line {@code i} (its own line when none). */
    private String block(int i) {
        int offset = lineStarts[i] + lines[i].length() / 2;
        int depth = 0;
        int open = -1;
        for (int k = offset; k >= 0; k--) {
            char ch = text.charAt(Math.min(k, text.length() - 1));
            if (ch == '}' && k != offset) depth++;
            else if (ch == '{') {
                if (depth == 0) {
                    open = k;
                    break;
                }
                depth--;
            }
        }
        if (open < 0) return lines[i];
        depth = 0;
        for (int k = open; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '{') depth++;
            else if (ch == '}' && --depth == 0) return text.substring(open, k + 1);
        }
        return lines[i];
    }

    /** Line range of {@code name: { … }} inside {@code StyleSheet.create(…)}, or null. */
    private int[] styleBlock(String name) {
        int sheet = text.indexOf("StyleSheet.create(");
        if (sheet < 0) return null;
        var m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*:\\s*\\{").matcher(text);
        if (!m.find(sheet)) return null;
        int depth = 0;
        for (int k = m.end() - 1; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '{') depth++;
            else if (ch == '}' && --depth == 0) return new int[] {lineOf(m.start()), lineOf(k)};
        }
        return null;
    }

    /** Offset of the {@code >} that closes the opening tag starting before {@code from}, or -1. */
    private int tagEnd(int from) {
        int depth = 0;
        char quote = 0;
        for (int k = from; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (quote != 0) {
                if (ch == quote) quote = 0;
                continue;
            }
            if ((ch == '"' || ch == '\'') && depth == 0) quote = ch;
            else if (ch == '{') depth++;
            else if (ch == '}') depth--;
            else if (ch == '>' && depth == 0 && text.charAt(k - 1) != '=') return k;
        }
        return -1;
    }

    private String children(String tag, int from) {
        var open = Pattern.compile("<" + tag + "\\b").matcher(text);
        String close = "</" + tag + ">";
        int depth = 1;
        int k = from;
        while (k < text.length()) {
            int nextClose = text.indexOf(close, k);
            if (nextClose < 0) return "";
            boolean nested = open.find(k) && open.start() < nextClose;
            if (nested) {
                depth++;
                k = open.end();
            } else {
                if (--depth == 0) return text.substring(from, nextClose);
                k = nextClose + close.length();
            }
        }
        return "";
    }

    private static String visibleText(String children) {
        String t = children;
        for (String prev = null; !t.equals(prev); ) {
            prev = t;
            t = t.replaceAll("(?s)\\{[^{}]*\\}", "");
        }
        return t.replaceAll("(?s)<[^>]*>", "").strip();
    }
}
