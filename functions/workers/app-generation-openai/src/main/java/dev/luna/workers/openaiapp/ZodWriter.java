package dev.luna.workers.openaiapp;

import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema (as the API spec holds it) written as a zod 4 expression: objects, arrays, maps, enums, scalars,
 * nullable type lists and unions; references are inlined up to {@value #MAX_DEPTH} levels (cycles and deeper levels
 * become {@code z.any()}).
 */
final class ZodWriter {
    static final int MAX_DEPTH = 4;
    private final Map<String, Map<String, Object>> schemas;

    ZodWriter(Map<String, Map<String, Object>> schemas) {
        this.schemas = schemas;
    }

    String expression(Map<String, Object> schema) {
        return write(schema, 0, new HashSet<>());
    }

    @SuppressWarnings("unchecked")
    private String write(Map<String, Object> schema, int depth, Set<String> open) {
        if (schema == null || schema.isEmpty() || depth > MAX_DEPTH) return "z.any()";
        if (schema.get("$ref") instanceof String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            var target = schemas.get(name);
            if (target == null || open.contains(name)) return "z.any()";
            open.add(name);
            String out = write(target, depth + 1, open);
            open.remove(name);
            return out;
        }
        for (var key : List.of("oneOf", "anyOf")) {
            if (schema.get(key) instanceof List<?> options && !options.isEmpty()) {
                var parts = new ArrayList<String>();
                for (var o : options) if (o instanceof Map<?, ?> m) parts.add(write((Map<String, Object>) m, depth + 1, open));
                return parts.size() == 1 ? parts.getFirst() : "z.union([" + String.join(", ", parts) + "])";
            }
        }
        if (schema.get("allOf") instanceof List<?> all && all.size() == 1 && all.getFirst() instanceof Map<?, ?> only) {
            return write((Map<String, Object>) only, depth, open);
        }
        Object type = schema.get("type");
        boolean nullable = false;
        if (type instanceof List<?> types) {
            nullable = types.contains("null");
            type = types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        String out = base(schema, type == null ? null : String.valueOf(type), depth, open);
        return nullable ? out + ".nullable()" : out;
    }

    @SuppressWarnings("unchecked")
    private String base(Map<String, Object> schema, String type, int depth, Set<String> open) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty() && values.stream().allMatch(v -> v instanceof String)) {
            return "z.enum([" + String.join(", ", values.stream().map(v -> literal((String) v)).toList()) + "])";
        }
        if (type == null) return schema.get("properties") instanceof Map ? object(schema, depth, open) : "z.any()";
        return switch (type) {
            case "string" -> "z.string()";
            case "integer" -> "z.number().int()";
            case "number" -> "z.number()";
            case "boolean" -> "z.boolean()";
            case "array" -> "z.array(" + (schema.get("items") instanceof Map<?, ?> items ? write((Map<String, Object>) items, depth + 1, open) : "z.any()") + ")";
            case "object" -> object(schema, depth, open);
            default -> "z.any()";
        };
    }

    @SuppressWarnings("unchecked")
    private String object(Map<String, Object> schema, int depth, Set<String> open) {
        if (schema.get("properties") instanceof Map<?, ?> props && !props.isEmpty()) {
            var required = schema.get("required") instanceof List<?> r ? r : List.of();
            var fields = new ArrayList<String>();
            for (var e : props.entrySet()) {
                String value = e.getValue() instanceof Map<?, ?> m ? write((Map<String, Object>) m, depth + 1, open) : "z.any()";
                fields.add(literal(String.valueOf(e.getKey())) + ": " + value + (required.contains(e.getKey()) ? "" : ".optional()"));
            }
            return "z.object({ " + String.join(", ", fields) + " })";
        }
        if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
            return "z.record(z.string(), " + write((Map<String, Object>) values, depth + 1, open) + ")";
        }
        return "z.record(z.string(), z.any())";
    }

    /** A JavaScript string literal (JSON's quoting is valid JavaScript). */
    static String literal(String s) {
        return Json.write(s);
    }
}
