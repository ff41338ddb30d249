package dev.luna.workers.openaiapp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An example value for a parameter, from its schema: the declared example, default or first enum value, else one by type and format. */
final class Examples {
    private Examples() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    static Object of(Map<String, Object> schema, String name) {
        if (schema == null) return "example";
        if (schema.get("example") != null && !(schema.get("example") instanceof Map) && !(schema.get("example") instanceof List)) return schema.get("example");
        if (schema.get("default") != null && !(schema.get("default") instanceof Map) && !(schema.get("default") instanceof List)) return schema.get("default");
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty() && values.getFirst() != null) return values.getFirst();
        Object type = schema.get("type");
        if (type instanceof List<?> types) type = types.stream().filter(t -> !"null".equals(t)).map(String::valueOf).findFirst().orElse("string");
        String format = String.valueOf(schema.get("format"));
        return switch (String.valueOf(type)) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of(schema.get("items") instanceof Map<?, ?> items ? of(cast(items), name) : "example");
            default -> switch (format) {
                case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
                case "date-time" -> "2025-01-31T12:00:00Z";
                case "date" -> "2025-01-31";
                case "email" -> "user@example.com";
                default -> name.toLowerCase(Locale.ROOT).endsWith("id") ? "1" : "example";
            };
        };
    }
}
