package dev.luna.workers.googleagent.render;

/** Text made safe inside generated Java: string literals and Javadoc. */
final class JavaText {
    private JavaText() {
    }

    /** Content of a Java string literal (mustache-like braces from the input are split, so no output looks like an unfilled slot). */
    static String literal(String s) {
        var sb = new StringBuilder();
        for (char c : s.replace("{{", "{ {").replace("}}", "} }").toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** One line of Javadoc: no comment terminator, no HTML, no unicode escapes. */
    static String javadoc(String s) {
        return s.replace("{{", "{ {").replace("}}", "} }").replace("*/", "* /").replace("<", "(").replace(">", ")").replace("&", "and").replace("@", "(at)")
                .replace("\\u", "\\ u").replaceAll("\\s+", " ").strip();
    }
}
