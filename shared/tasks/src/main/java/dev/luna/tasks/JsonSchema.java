package dev.luna.tasks;

import dev.luna.core.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Validates task payloads against a task type's JSON Schema. Supports the keywords payload schemas need:
 * {@code type} (one or a list), {@code properties}, {@code required}, {@code additionalProperties} (boolean or
 * schema), {@code enum}, {@code const}, {@code minimum}, {@code maximum}, {@code exclusiveMinimum},
 * {@code exclusiveMaximum}, {@code minLength}, {@code maxLength}, {@code pattern}, {@code items},
 * {@code minItems}, {@code maxItems}, plus the annotations {@code title}, {@code description},
 * {@code default}, {@code examples}, {@code $schema}. A schema using any other keyword is refused when the task
 * type is registered, so no rule is ever silently ignored.
 */
public final class JsonSchema {
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "enum",
            "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern",
            "items", "minItems", "maxItems", "title", "description", "default", "examples", "$schema");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean", "null");

    private JsonSchema() {
    }

    /** Checks that a schema only uses supported keywords; throws IllegalArgumentException otherwise. */
    public static void check(JsonNode schema) {
        if (schema.isBoolean()) return;
        if (!schema.isObject()) throw new IllegalArgumentException("a schema must be an object or a boolean");
        for (var e : schema.properties()) {
            if (!KEYWORDS.contains(e.getKey())) throw new IllegalArgumentException("unsupported schema keyword: " + e.getKey());
        }
        var type = schema.get("type");
        if (type != null) {
            for (var t : type.isArray() ? type.valueStream().toList() : List.of(type)) {
                if (!TYPES.contains(t.asString())) throw new IllegalArgumentException("unknown schema type: " + t);
            }
        }
        if (schema.has("properties")) for (var p : schema.get("properties").properties()) check(p.getValue());
        if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) check(schema.get("additionalProperties"));
        if (schema.has("items")) check(schema.get("items"));
        if (schema.has("pattern")) Pattern.compile(schema.get("pattern").asString());
    }

    /** Every violation of {@code value} against {@code schema}, fields named from {@code path}. */
    public static List<Violation> validate(JsonNode schema, JsonNode value, String path) {
        var out = new ArrayList<Violation>();
        validate(schema, value, path, out);
        return out;
    }

    private static void validate(JsonNode schema, JsonNode value, String path, List<Violation> out) {
        if (schema == null || (schema.isBoolean() && schema.asBoolean())) return;
        if (schema.isBoolean()) {
            out.add(new Violation(path, "is not allowed"));
            return;
        }
        var type = schema.get("type");
        if (type != null) {
            boolean ok = false;
            for (var t : type.isArray() ? type.valueStream().toList() : List.of(type)) ok |= hasType(value, t.asString());
            if (!ok) {
                out.add(new Violation(path, "must be " + (type.isArray() ? "one of " + type : article(type.asString()))));
                return;
            }
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (var option : schema.get("enum")) found |= option.equals(value);
            if (!found) out.add(new Violation(path, "must be one of " + schema.get("enum")));
        }
        if (schema.has("const") && !schema.get("const").equals(value)) out.add(new Violation(path, "must be " + schema.get("const")));
        if (value.isNumber()) {
            double d = value.asDouble();
            if (schema.has("minimum") && d < schema.get("minimum").asDouble()) out.add(new Violation(path, "must be at least " + schema.get("minimum")));
            if (schema.has("maximum") && d > schema.get("maximum").asDouble()) out.add(new Violation(path, "must be at most " + schema.get("maximum")));
            if (schema.has("exclusiveMinimum") && d <= schema.get("exclusiveMinimum").asDouble()) out.add(new Violation(path, "must be greater than " + schema.get("exclusiveMinimum")));
            if (schema.has("exclusiveMaximum") && d >= schema.get("exclusiveMaximum").asDouble()) out.add(new Violation(path, "must be less than " + schema.get("exclusiveMaximum")));
        }
        if (value.isString()) {
            String s = value.asString();
            int length = s.codePointCount(0, s.length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) out.add(new Violation(path, "must be at least " + schema.get("minLength") + " characters"));
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) out.add(new Violation(path, "must be at most " + schema.get("maxLength") + " characters"));
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(s).find()) out.add(new Violation(path, "must match " + schema.get("pattern").asString()));
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) out.add(new Violation(path, "must have at least " + schema.get("minItems") + " items"));
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) out.add(new Violation(path, "must have at most " + schema.get("maxItems") + " items"));
            if (schema.has("items")) for (int i = 0; i < value.size(); i++) validate(schema.get("items"), value.get(i), path + "[" + i + "]", out);
        }
        if (value.isObject()) {
            var props = schema.get("properties");
            if (schema.has("required")) {
                for (var r : schema.get("required")) {
                    if (!value.has(r.asString())) out.add(new Violation(path + "." + r.asString(), "is required"));
                }
            }
            for (var e : value.properties()) {
                String child = path + "." + e.getKey();
                if (props != null && props.has(e.getKey())) {
                    validate(props.get(e.getKey()), e.getValue(), child, out);
                } else if (schema.has("additionalProperties")) {
                    var extra = schema.get("additionalProperties");
                    if (extra.isBoolean() && !extra.asBoolean()) out.add(new Violation(child, "is not a known field"));
                    else validate(extra, e.getValue(), child, out);
                }
            }
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isString();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && !Double.isInfinite(v.asDouble()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }

    private static String article(String type) {
        return switch (type) {
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        };
    }
}
