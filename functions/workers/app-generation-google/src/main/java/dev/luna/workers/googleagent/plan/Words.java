package dev.luna.workers.googleagent.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Names from paths and identifiers: words, slugs, Java identifiers, singular forms. */
public final class Words {
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import",
            "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
            "null", "var", "record", "yield", "all", "path", "query", "upstream", "body");

    private Words() {
    }

    /** {@code ownerId} / {@code owner_id} / {@code owner-id} → [owner, id]. */
    public static List<String> split(String text) {
        var out = new ArrayList<String>();
        if (text == null) return out;
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        for (String w : spaced.split("[^A-Za-z0-9]+")) if (!w.isEmpty()) out.add(w.toLowerCase(Locale.ROOT));
        return out;
    }

    /** lowerCamelCase, a legal Java identifier that is not a keyword nor one the generated code uses. */
    public static String identifier(String text) {
        var words = split(text);
        var sb = new StringBuilder();
        for (String w : words) sb.append(sb.length() == 0 ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        String id = sb.length() == 0 ? "value" : sb.toString();
        if (Character.isDigit(id.charAt(0))) id = "n" + id;
        return JAVA_KEYWORDS.contains(id) ? id + "Value" : id;
    }

    /** {@code Pet Clinic API} → {@code pet-clinic-api}. */
    public static String slug(String text) {
        String s = String.join("-", split(text));
        return s.isEmpty() ? "agent" : s;
    }

    /** owner id → "owner id"; used in prose. */
    public static String phrase(String text) {
        return String.join(" ", split(text));
    }

    /** owners → owner, categories → category, addresses → address (plain English rules; good enough for names). */
    public static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) return word.substring(0, word.length() - 2);
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && word.length() > 3) return word.substring(0, word.length() - 1);
        return word;
    }

    public static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Cuts at a word boundary to at most {@code max} characters, ending with a full stop or an ellipsis. */
    public static String clip(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        return t.substring(0, cut > max / 2 ? cut : max - 1).replaceAll("[,;:.]$", "") + "…";
    }
}
