package dev.luna.workers.expoapp.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schema → TypeScript type expressions. Component schemas become named interfaces/aliases ({@link #declarations});
 * {@code $ref}s use those names. Unknown or too deep shapes are {@code unknown}, never {@code any}.
 */
public final class TsTypes {
    private static final String REF = "#/components/schemas/";
    private static final int MAX_DEPTH = 6;
    private final Map<String, String> names = new TreeMap<>();

    /** @param schemas the API's named schemas */
    public TsTypes(Map<String, Map<String, Object>> schemas) {
        var used = new java.util.HashSet<String>();
        for (var name : schemas.keySet()) {
            String ts = Names.pascal(name, "Schema");
            while (!used.add(ts)) ts = ts + "_";
            names.put(name, ts);
        }
    }

    /** The TypeScript name of a schema reference, or null when it is not one. */
    public String refName(Map<String, Object> schema) {
        if (schema == null) return null;
        if (schema.get("$ref") instanceof String ref && ref.startsWith(REF)) return names.get(ref.substring(REF.length()));
        return null;
    }

    /** The schema a reference points at, or the schema itself. */
    public Map<String, Object> resolve(Map<String, Map<String, Object>> schemas, Map<String, Object> schema) {
        for (int i = 0; i < 5 && schema != null && schema.get("$ref") instanceof String ref && ref.startsWith(REF); i++) {
            schema = schemas.get(ref.substring(REF.length()));
        }
        return schema;
    }

    /** {@code export type X = …;} for every named schema, sorted by name. */
    public String declarations(Map<String, Map<String, Object>> schemas) {
        var sb = new StringBuilder();
        for (var e : schemas.entrySet()) {
            Object d = e.getValue().get("description");
            if (d instanceof String s && !s.isBlank()) sb.append("/** ").append(TsText.comment(s)).append(" */\n");
            sb.append("export type ").append(names.get(e.getKey())).append(" = ").append(type(e.getValue(), 0)).append(";\n\n");
        }
        return sb.toString();
    }

    /** A type expression for {@code schema} (null → {@code unknown}). */
    public String type(Map<String, Object> schema, int depth) {
        if (schema == null || depth > MAX_DEPTH) return "unknown";
        if (schema.containsKey("$ref")) {
            String n = refName(schema);
            return n != null ? n : "unknown";
        }
        String base = bare(schema, depth);
        boolean nullable = Boolean.TRUE.equals(schema.get("nullable"));
        return nullable && !base.equals("unknown") ? base + " | null" : base;
    }

    @SuppressWarnings("unchecked")
    private String bare(Map<String, Object> schema, int depth) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            var parts = new ArrayList<String>();
            for (var v : values) {
                if (v instanceof String s) parts.add(TsText.string(s));
                else if (v instanceof Number || v instanceof Boolean) parts.add(String.valueOf(v));
            }
            if (!parts.isEmpty()) return String.join(" | ", parts);
        }
        for (var combo : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.get(combo) instanceof List<?> subs && !subs.isEmpty()) {
                var parts = new ArrayList<String>();
                for (var s : subs) if (s instanceof Map<?, ?> m) parts.add("(" + type((Map<String, Object>) m, depth + 1) + ")");
                if (!parts.isEmpty()) return String.join(combo.equals("allOf") ? " & " : " | ", parts);
            }
        }
        Object t = schema.get("type");
        if (t instanceof List<?> types) {
            var parts = new ArrayList<String>();
            for (var one : types) {
                var copy = new java.util.LinkedHashMap<>(schema);
                copy.put("type", one);
                parts.add(bare(copy, depth));
            }
            return String.join(" | ", parts);
        }
        String type = t instanceof String s ? s : schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "";
        return switch (type) {
            case "string" -> "string";
            case "integer", "number" -> "number";
            case "boolean" -> "boolean";
            case "null" -> "null";
            case "array" -> {
                String item = schema.get("items") instanceof Map<?, ?> m ? type((Map<String, Object>) m, depth + 1) : "unknown";
                yield item.matches("[A-Za-z0-9_]+") ? item + "[]" : "Array<" + item + ">";
            }
            case "object" -> object(schema, depth);
            default -> "unknown";
        };
    }

    @SuppressWarnings("unchecked")
    private String object(Map<String, Object> schema, int depth) {
        if (!(schema.get("properties") instanceof Map<?, ?> props) || props.isEmpty()) {
            if (schema.get("additionalProperties") instanceof Map<?, ?> m) return "Record<string, " + type((Map<String, Object>) m, depth + 1) + ">";
            return "Record<string, unknown>";
        }
        var required = schema.get("required") instanceof List<?> r ? r : List.of();
        var sb = new StringBuilder("{ ");
        for (var e : new TreeMap<>((Map<String, Object>) props).entrySet()) {
            var sub = e.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            sb.append(Names.key(e.getKey())).append(required.contains(e.getKey()) ? ": " : "?: ").append(type(sub, depth + 1)).append("; ");
        }
        return sb.append('}').toString();
    }
}
