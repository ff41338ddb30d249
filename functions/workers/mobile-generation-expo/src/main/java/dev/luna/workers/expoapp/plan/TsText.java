package dev.luna.workers.expoapp.plan;

/** Text from the API placed inside TypeScript: string literals, JSX text and comments that hostile input cannot break out of. */
public final class TsText {
    private TsText() {
    }

    /** A single-quoted TypeScript string literal. */
    public static String string(String s) {
        var sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('\'').toString();
    }

    /** One line of comment text: no comment terminator, no line breaks, at most 200 characters. */
    public static String comment(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").replace("*/", "* /").strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** Copy for the UI: one line, at most {@code max} characters, without braces (mustache) or angle brackets. */
    public static String copy(String s, int max) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").replaceAll("[{}<>`]", "").strip();
        return t.length() > max ? t.substring(0, max).strip() + "…" : t;
    }
}
