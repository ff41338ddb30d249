package dev.luna.codebase.manifest;

/** Small helpers about version strings. */
final class Versions {
    private Versions() {
    }

    /** Whether a declared version names exactly one release. */
    static boolean exact(String v) {
        if (v == null || v.isBlank()) return false;
        if (v.contains("${") || v.contains("$") || v.contains("*") || v.contains(",") || v.contains(" ")) return false;
        char c = v.charAt(0);
        if (c == '^' || c == '~' || c == '>' || c == '<' || c == '=' || c == '[' || c == '(' || c == '!') return false;
        String u = v.toUpperCase(java.util.Locale.ROOT);
        if (u.endsWith("-SNAPSHOT") || u.equals("LATEST") || u.equals("RELEASE") || u.endsWith(".+") || u.equals("+")) return false;
        if (v.contains(":") || v.contains("/")) return false;
        return Character.isDigit(c) || c == 'v' && v.length() > 1 && Character.isDigit(v.charAt(1));
    }

    /** The 1-based line of the first occurrence of {@code needle} at or after {@code fromLine}, or 0. */
    static int lineOf(String text, String needle, int fromLine) {
        int offset = 0;
        for (int line = 1; line < fromLine && offset >= 0; line++) {
            offset = text.indexOf('\n', offset);
            if (offset >= 0) offset++;
        }
        if (offset < 0) return 0;
        int at = text.indexOf(needle, offset);
        if (at < 0) return 0;
        int line = 1;
        for (int i = 0; i < at; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
