package dev.luna.workers.expoapp.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Identifiers, titles and slugs for generated TypeScript from names found in an API (any text, possibly hostile). */
public final class Names {
    private static final Set<String> RESERVED = Set.of("break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
            "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
            "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
            "implements", "interface", "package", "private", "protected", "public", "await", "any", "boolean", "number", "string", "symbol",
            "type", "object", "never", "unknown", "undefined");

    private Names() {
    }

    static List<String> words(String text) {
        var out = new ArrayList<String>();
        var sb = new StringBuilder();
        String s = text == null ? "" : text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(s.charAt(i - 1));
            if (!Character.isLetterOrDigit(c) || c > 127 || boundary) {
                if (!sb.isEmpty()) out.add(sb.toString().toLowerCase(Locale.ROOT));
                sb.setLength(0);
                if (!Character.isLetterOrDigit(c) || c > 127) continue;
            }
            sb.append(c);
        }
        if (!sb.isEmpty()) out.add(sb.toString().toLowerCase(Locale.ROOT));
        return out;
    }

    /** camelCase, never a reserved word, never starting with a digit; {@code fallback} when nothing is left. */
    public static String camel(String text, String fallback) {
        var w = words(text);
        if (w.isEmpty()) return fallback;
        var sb = new StringBuilder(w.get(0));
        for (int i = 1; i < w.size(); i++) sb.append(cap(w.get(i)));
        return safe(sb.toString());
    }

    /** PascalCase type name. */
    public static String pascal(String text, String fallback) {
        var w = words(text);
        if (w.isEmpty()) return fallback;
        var sb = new StringBuilder();
        for (var word : w) sb.append(cap(word));
        String s = sb.toString();
        return Character.isDigit(s.charAt(0)) ? "T" + s : RESERVED.contains(s.toLowerCase(Locale.ROOT)) ? s + "Model" : s;
    }

    /** kebab-case for file names and slugs. */
    public static String kebab(String text, String fallback) {
        var w = words(text);
        return w.isEmpty() ? fallback : String.join("-", w);
    }

    /** "Order items" from "orderItems". */
    public static String title(String text) {
        var w = words(text);
        if (w.isEmpty()) return "Items";
        return cap(String.join(" ", w));
    }

    /** A crude English singular: categories → category, boxes → box, items → item. */
    public static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 3) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) return word.substring(0, word.length() - 2);
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 1) return word.substring(0, word.length() - 1);
        return word;
    }

    /** A TypeScript property key: bare when it is an identifier, else a quoted string. */
    public static String key(String name) {
        if (name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) return name;
        return TsText.string(name);
    }

    private static String safe(String s) {
        if (Character.isDigit(s.charAt(0))) s = "n" + s;
        return RESERVED.contains(s) ? s + "Value" : s;
    }

    private static String cap(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
