package dev.luna.codebase.imports;

import dev.luna.codebase.shape.Property;
import dev.luna.codebase.shape.Schema;
import dev.luna.codebase.shape.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** TypeScript {@code interface X { … }} and {@code type X = { … }} declarations as shapes. */
final class TsShapes {
    /** A declaration as read: properties with their type text. */
    record RawShape(String name, String kind, int line, List<RawProperty> properties) {
    }

    record RawProperty(String name, String type, boolean optional, int line) {
    }

    private static final Set<String> MODIFIERS = Set.of("readonly", "public", "private", "protected", "declare", "static", "override");
    private static final java.util.regex.Pattern DATA_CLASS = java.util.regex.Pattern.compile(
            ".*(Dto|DTO|Entity|Model|Request|Response|Input|Payload|Args|Body|Params|Query)$");

    private TsShapes() {
    }

    static void scan(List<JsToken> t, List<RawShape> out) {
        for (int i = 0; i + 2 < t.size(); i++) {
            var tok = t.get(i);
            if (JsScanner.at(t, i - 1, ".")) continue;
            if (tok.is("interface") && t.get(i + 1).kind() == JsToken.Kind.IDENT) {
                int k = i + 2;
                while (k < t.size() && !t.get(k).is("{") && k < i + 60) k++;
                if (k < t.size() && t.get(k).is("{")) out.add(new RawShape(t.get(i + 1).text(), "interface", tok.line(), body(t, k)));
            } else if (tok.is("class") && t.get(i + 1).kind() == JsToken.Kind.IDENT && DATA_CLASS.matcher(t.get(i + 1).text()).matches()) {
                int k = i + 2;
                while (k < t.size() && !t.get(k).is("{") && k < i + 60) k++;
                if (k < t.size() && t.get(k).is("{")) {
                    var props = body(t, k);
                    if (!props.isEmpty()) out.add(new RawShape(t.get(i + 1).text(), "class", tok.line(), props));
                }
            } else if (tok.is("type") && t.get(i + 1).kind() == JsToken.Kind.IDENT && (JsScanner.at(t, i + 2, "=")
                    || JsScanner.at(t, i + 2, "<"))) {
                int k = i + 2;
                if (t.get(k).is("<")) k = angle(t, k) + 1;
                if (JsScanner.at(t, k, "=") && JsScanner.at(t, k + 1, "{")) {
                    out.add(new RawShape(t.get(i + 1).text(), "type", tok.line(), body(t, k + 1)));
                }
            }
        }
    }

    private static int angle(List<JsToken> t, int open) {
        int depth = 0;
        for (int k = open; k < t.size(); k++) {
            if (t.get(k).is("<")) depth++;
            else if (t.get(k).is(">") && --depth == 0) return k;
        }
        return t.size() - 1;
    }

    private static List<RawProperty> body(List<JsToken> t, int open) {
        int close = JsRoutes.closing(t, open);
        var props = new ArrayList<RawProperty>();
        int k = open + 1;
        while (k < close && props.size() < 500) {
            while (k + 2 < close && t.get(k).is("@") && t.get(k + 1).kind() == JsToken.Kind.IDENT) {
                k = t.get(k + 2).is("(") ? JsRoutes.closing(t, k + 2) + 1 : k + 2;
            }
            if (k >= close) break;
            while (k < close && MODIFIERS.contains(t.get(k).text()) && t.get(k + 1).kind() == JsToken.Kind.IDENT) k++;
            var name = t.get(k);
            boolean optional = JsScanner.at(t, k + 1, "?");
            int colon = optional ? k + 2 : k + 1;
            if ((name.kind() == JsToken.Kind.IDENT || name.isString()) && JsScanner.at(t, colon, ":")) {
                int end = colon + 1;
                int depth = 0;
                var type = new StringBuilder();
                while (end < close) {
                    var x = t.get(end);
                    if (depth == 0 && (x.is(";") || x.is(","))) break;
                    if (depth == 0 && end > colon + 1 && x.line() > t.get(end - 1).line() && (x.kind() == JsToken.Kind.IDENT
                            || x.isString()) && (JsScanner.at(t, end + 1, ":") || JsScanner.at(t, end + 1, "?"))) {
                        break;
                    }
                    if (x.is("{") || x.is("(") || x.is("[") || x.is("<")) depth++;
                    else if (x.is("}") || x.is(")") || x.is("]") || x.is(">")) depth--;
                    if (type.length() < 200) type.append(x.isString() ? "'" + x.text() + "'" : x.text());
                    end++;
                }
                props.add(new RawProperty(name.text(), type.toString(), optional, name.line()));
                k = end;
                if (k < close && (t.get(k).is(";") || t.get(k).is(","))) k++;
            } else {
                int depth = 0;
                while (k < close) {
                    var x = t.get(k);
                    if (x.is("{") || x.is("(") || x.is("[")) depth++;
                    else if (x.is("}") || x.is(")") || x.is("]")) depth--;
                    k++;
                    if (depth == 0 && (x.is(";") || x.is(",") || x.is("}"))) break;
                }
            }
        }
        return props;
    }

    /** Builds shapes; a type that names another TS shape becomes a reference to it. */
    static Shape shape(String file, RawShape raw, Map<String, Boolean> known) {
        var props = new ArrayList<Property>();
        for (var p : raw.properties()) {
            var schema = schema(p.type(), known, 0);
            props.add(new Property(p.name(), schema, !p.optional() && !schema.nullable(), p.line()));
        }
        return new Shape(raw.name(), file + "#" + raw.name(), "ts", raw.kind(), file, raw.line(), props, List.of());
    }

    static Schema schema(String type, Map<String, Boolean> known, int depth) {
        String ty = type.trim();
        if (depth > 8 || ty.isEmpty()) return Schema.any(type);
        var parts = splitTop(ty, '|');
        if (parts.size() > 1) {
            var rest = parts.stream().filter(p -> !p.equals("null") && !p.equals("undefined")).toList();
            boolean nullable = rest.size() < parts.size();
            Schema s;
            if (rest.stream().allMatch(p -> p.startsWith("'"))) s = Schema.of("string", null, type);
            else if (rest.size() == 1) s = schema(rest.getFirst(), known, depth + 1).withSource(type);
            else s = Schema.any(type);
            return nullable ? s.asNullable() : s;
        }
        if (ty.endsWith("[]")) return Schema.array(schema(ty.substring(0, ty.length() - 2), known, depth + 1), type);
        if (ty.startsWith("Array<") && ty.endsWith(">")) return Schema.array(schema(ty.substring(6, ty.length() - 1), known, depth + 1), type);
        if (ty.startsWith("Record<") && ty.endsWith(">")) {
            var args = splitTop(ty.substring(7, ty.length() - 1), ',');
            return Schema.map(args.size() == 2 ? schema(args.get(1), known, depth + 1) : Schema.any(null), type);
        }
        if (ty.startsWith("'")) return Schema.of("string", null, type);
        return switch (ty) {
            case "string" -> Schema.of("string", null, type);
            case "number" -> Schema.of("number", null, type);
            case "bigint" -> Schema.of("integer", null, type);
            case "boolean", "true", "false" -> Schema.of("boolean", null, type);
            case "Date" -> Schema.of("string", "date-time", type);
            default -> known.containsKey(ty) ? Schema.ref(ty, type) : ty.startsWith("{") ? Schema.of("object", null, type) : Schema.any(type);
        };
    }

    static List<String> splitTop(String s, char sep) {
        var out = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(' || c == '{' || c == '[') depth++;
            else if (c == '>' || c == ')' || c == '}' || c == ']') depth--;
            else if (c == sep && depth == 0) {
                if (i > start) out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (start < s.length()) out.add(s.substring(start).trim());
        return out;
    }
}
