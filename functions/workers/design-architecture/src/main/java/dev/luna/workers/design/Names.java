package dev.luna.workers.design;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Identifiers and labels that a hostile file or package name cannot break out of. Identifiers are made of
 * {@code [A-Za-z0-9_]} only, start with a letter and are unique within one diagram; labels keep letters, digits and
 * a small set of punctuation, brackets become parentheses, quotes become apostrophes, everything else (control
 * characters, {@code " ` # ; % & | \ $ < >}…) becomes {@code _}. The same text serves Mermaid and Structurizr DSL.
 */
final class Names {
    static final int MAX_LABEL = 80;
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N} ._\\-/:@()+,'*=?!]");
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Integer> used = new HashMap<>();

    /** The identifier of {@code key} in this diagram (the same key always gets the same id). */
    String id(String prefix, String key) {
        return ids.computeIfAbsent(prefix + "\u0000" + key, k -> {
            String word = key.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
            if (word.length() > 40) word = word.substring(word.length() - 40).replaceAll("^_+", ""); // the end tells names apart
            String base = (prefix + "_" + word).replaceAll("_+$", "");
            int n = used.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + "_" + n;
        });
    }

    /** A label safe inside double quotes and on a line of its own in Mermaid and Structurizr DSL. */
    static String label(String text) {
        if (text == null || text.isBlank()) return "-";
        var sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            switch (c) {
                case "{", "[", "<" -> sb.append('(');
                case "}", "]", ">" -> sb.append(')');
                case "\"", "`" -> sb.append('\'');
                case "\t", "\n", "\r" -> sb.append(' ');
                default -> sb.append(SAFE.matcher(c).matches() ? c : "_");
            }
        });
        String out = sb.toString().replaceAll(" {2,}", " ").strip();
        if (out.codePointCount(0, out.length()) > MAX_LABEL) out = out.substring(0, out.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
        return out.isEmpty() ? "-" : out;
    }

    /** An ADR or file name slug: lower-case ASCII words joined by '-'. */
    static String slug(String text, int max) {
        String s = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > max) {
            s = s.substring(0, max + 1);
            int cut = s.lastIndexOf('-');
            s = (cut > max / 2 ? s.substring(0, cut) : s.substring(0, max)).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "change" : s;
    }
}
