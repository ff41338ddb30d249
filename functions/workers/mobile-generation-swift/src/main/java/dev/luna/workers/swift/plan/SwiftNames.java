package dev.luna.workers.swift.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turning API names (any characters) into Swift identifiers, titles and string literals. Locale-independent. */
public final class SwiftNames {
    private static final Set<String> KEYWORDS = Set.of("associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
            "init", "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct", "subscript",
            "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
            "return", "switch", "where", "while", "as", "any", "catch", "false", "is", "nil", "super", "self", "throw", "throws", "true", "try",
            "some", "await", "async", "actor", "Type", "Protocol", "Self");
    /** Type names a generated model must not shadow (Swift, Foundation, SwiftUI, SwiftData and our own). */
    private static final Set<String> TAKEN_TYPES = Set.of("Type", "Self", "Any", "Protocol", "View", "Color", "Text", "List", "Image", "Button",
            "Label", "Form", "Section", "Data", "Date", "URL", "Error", "Result", "String", "Int", "Double", "Bool", "Array", "Set", "Dictionary",
            "Optional", "Task", "Never", "Void", "Model", "Query", "Font", "Link", "Menu", "Group", "Environment", "State", "Binding", "App",
            "Scene", "Decimal", "Character", "Float", "Identifiable", "Codable", "Hashable", "Sendable", "JSONValue", "APIClient", "APIError",
            "DS", "Theme", "Schema", "Record", "Entity", "Item", "Filter", "Endpoint", "Request", "Response", "Object", "UUID", "Locale");

    private SwiftNames() {
    }

    /** Words of a name: split at case changes, digits boundaries kept, anything not a letter or digit. */
    public static List<String> words(String name) {
        var out = new ArrayList<String>();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            for (String w : part.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")) if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** {@code pet-owners} → {@code PetOwners}; never a Swift or SwiftUI type name, never starting with a digit. */
    public static String type(String name) {
        var sb = new StringBuilder();
        for (String w : words(name)) sb.append(capitalise(w.toLowerCase(Locale.ROOT).equals(w) || w.toUpperCase(Locale.ROOT).equals(w) ? w.toLowerCase(Locale.ROOT) : w));
        String out = sb.isEmpty() ? "Value" : sb.toString();
        if (Character.isDigit(out.charAt(0))) out = "N" + out;
        return TAKEN_TYPES.contains(out) ? out + "Model" : out;
    }

    /** {@code first-name} → {@code firstName}; keywords and members we generate get a {@code Value} suffix. */
    public static String member(String name) {
        var words = words(name);
        var sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean upper = w.toUpperCase(Locale.ROOT).equals(w) && w.length() > 1;
            String lower = upper ? w.toLowerCase(Locale.ROOT) : w;
            sb.append(i == 0 ? decapitalise(lower) : capitalise(lower));
        }
        String out = sb.isEmpty() ? "value" : sb.toString();
        if (Character.isDigit(out.charAt(0))) out = "n" + out;
        return KEYWORDS.contains(out) ? out + "Value" : out;
    }

    /** {@code petOwners} → {@code Pet owners}. */
    public static String title(String name) {
        var words = words(name);
        if (words.isEmpty()) return "Item";
        var sb = new StringBuilder(capitalise(words.get(0).toLowerCase(Locale.ROOT)));
        for (int i = 1; i < words.size(); i++) sb.append(' ').append(words.get(i).toLowerCase(Locale.ROOT));
        return sb.toString();
    }

    /** The body of a Swift string literal: backslash, quote and control characters escaped, on one line. */
    public static String literal(String text) {
        var sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> {
                    if (c < 0x20) sb.append(' ');
                    else sb.append(c);
                }
            }
        }
        return sb.toString().replace("{{", "{ {").replace("}}", "} }").strip();
    }

    /** Text safe in a {@code ///} doc comment: one line, no template braces. */
    public static String comment(String text) {
        return text.replaceAll("\\s+", " ").replace("{{", "{ {").replace("}}", "} }").strip();
    }

    /** {@code pets} → {@code pet}, {@code categories} → {@code category}; singular words stay. */
    public static String singular(String word) {
        String w = word;
        if (w.endsWith("ies") && w.length() > 3) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) return w.substring(0, w.length() - 2);
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && w.length() > 1) return w.substring(0, w.length() - 1);
        return w;
    }

    /** {@code pet} → {@code pets}. */
    public static String plural(String word) {
        if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) return word.substring(0, word.length() - 1) + "ies";
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) return word + "es";
        return word + "s";
    }

    static String capitalise(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }

    static String decapitalise(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toLowerCase(Locale.ROOT) + w.substring(1);
    }
}
