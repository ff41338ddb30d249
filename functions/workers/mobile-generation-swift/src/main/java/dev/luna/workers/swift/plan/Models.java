package dev.luna.workers.swift.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON Schemas → Codable models: every named schema the operations reach (through references, transitively), and
 * models inferred for inline object schemas of a resource. A reference that would make a struct contain itself
 * (not through an array) becomes {@code JSONValue}, since a Swift struct cannot hold itself.
 */
final class Models {
    private static final int MAX_FIELDS = 60;
    private final Map<String, Map<String, Object>> schemas;
    private final Map<String, String> typeNames = new TreeMap<>();
    private final Map<String, Model> built = new TreeMap<>();

    Models(Map<String, Map<String, Object>> schemas) {
        this.schemas = schemas;
        var used = new HashSet<String>();
        for (String name : schemas.keySet()) {
            String type = SwiftNames.type(name);
            while (!used.add(type)) type = type + "Schema";
            typeNames.put(name, type);
        }
    }

    /** The Swift type for a schema (references are built on the way); null for a missing schema. */
    String typeOf(Map<String, Object> schema) {
        if (schema == null) return null;
        String ref = ref(schema);
        if (ref != null) {
            var target = schemas.get(ref);
            if (target == null || !(target.get("properties") instanceof Map<?, ?>)) return target == null ? "JSONValue" : typeOf(target);
            model(ref); // built once (a schema being built, reached through an array, is already named)
            return typeNames.get(ref);
        }
        return switch (type(schema)) {
            case "string" -> "String";
            case "integer" -> "Int";
            case "number" -> "Double";
            case "boolean" -> "Bool";
            case "array" -> "[" + (schema.get("items") instanceof Map<?, ?> ? typeOf(map(schema.get("items"))) : "JSONValue") + "]";
            default -> "JSONValue";
        };
    }

    /** The model of a named schema, built once; null when the schema is not an object with properties. */
    Model model(String schemaName) {
        if (built.containsKey(schemaName)) return built.get(schemaName);
        var schema = schemas.get(schemaName);
        if (schema == null || !(schema.get("properties") instanceof Map<?, ?>)) return null;
        built.put(schemaName, null); // a placeholder while its fields are built (cycles)
        var model = build(typeNames.get(schemaName), schemaName, schema);
        built.put(schemaName, model);
        return model;
    }

    /** A model for an inline object schema, named after the resource; null when it has no properties. */
    Model inline(String typeName, Map<String, Object> schema) {
        if (schema == null || !(schema.get("properties") instanceof Map<?, ?>)) return null;
        String name = typeName;
        while (typeNames.containsValue(name) || built.containsKey("#" + name)) name = name + "Item";
        var model = build(name, name, schema);
        built.put("#" + name, model);
        return model;
    }

    /** Every model built so far, sorted by Swift name. */
    List<Model> all() {
        var out = new TreeMap<String, Model>();
        built.values().stream().filter(m -> m != null).forEach(m -> out.put(m.name(), m));
        return List.copyOf(out.values());
    }

    private Model build(String typeName, String schemaName, Map<String, Object> schema) {
        var properties = map(schema.get("properties"));
        Collection<?> required = schema.get("required") instanceof Collection<?> r ? r : List.of();
        var fields = new ArrayList<Field>();
        var names = new HashSet<String>();
        for (var e : properties.entrySet()) {
            if (fields.size() == MAX_FIELDS) break;
            String wire = e.getKey();
            var prop = map(e.getValue());
            String name = SwiftNames.member(wire);
            while (!names.add(name)) name = name + "2";
            String type = fieldType(prop, schemaName);
            var resolved = ref(prop) != null && schemas.containsKey(ref(prop)) ? schemas.get(ref(prop)) : prop; // enums are often named schemas
            var values = resolved.get("enum") instanceof Collection<?> v ? v.stream().filter(x -> x instanceof String).map(String::valueOf).sorted().toList() : List.<String>of();
            String kind = switch (type) {
                case "String" -> "string";
                case "Int" -> "integer";
                case "Double" -> "number";
                case "Bool" -> "boolean";
                default -> "other";
            };
            boolean date = kind.equals("string") && ("date-time".equals(resolved.get("format")) || "date".equals(resolved.get("format")));
            fields.add(new Field(name, wire, type, kind, !required.contains(wire), SwiftNames.title(wire), values, date, example(prop, 0)));
        }
        String id = fields.stream().map(Field::name).filter(n -> n.equals("id")).findFirst()
                .orElse(fields.stream().filter(f -> !f.optional() && f.name().endsWith("Id") && f.scalar()).map(Field::name).findFirst().orElse(null));
        if (id != null) {
            String idName = id;
            if (fields.stream().anyMatch(f -> f.name().equals(idName) && (f.optional() || !f.scalar()))) id = null;
        }
        String description = schema.get("description") instanceof String d ? SwiftNames.comment(d) : "";
        return new Model(typeName, schemaName, description, fields, id);
    }

    /** A field's type; a reference back to a schema being built (a cycle) outside an array becomes JSONValue. */
    private String fieldType(Map<String, Object> prop, String owner) {
        String ref = ref(prop);
        if (ref != null && (ref.equals(owner) || reaches(ref, owner, new HashSet<>()))) return "JSONValue";
        return typeOf(prop);
    }

    /** Whether schema {@code from} holds {@code target} through direct (non-array) references. */
    private boolean reaches(String from, String target, Set<String> seen) {
        if (!seen.add(from)) return false;
        var schema = schemas.get(from);
        if (schema == null || !(schema.get("properties") instanceof Map<?, ?> props)) return false;
        for (var v : props.values()) {
            String ref = ref(map(v));
            if (ref != null && (ref.equals(target) || reaches(ref, target, seen))) return true;
        }
        return false;
    }

    /** A JSON literal that decodes into the schema's Swift type. */
    String example(Map<String, Object> schema, int depth) {
        String ref = ref(schema);
        if (ref != null) {
            var target = schemas.get(ref);
            if (target == null || depth > 3) return "{}";
            if (!(target.get("properties") instanceof Map<?, ?>)) return example(target, depth + 1);
            var props = map(target.get("properties"));
            var sb = new StringBuilder("{");
            for (var e : props.entrySet()) {
                if (sb.length() > 1) sb.append(", ");
                String value = ref(map(e.getValue())) != null && (ref(map(e.getValue())).equals(ref) || depth >= 3) ? "null" : example(map(e.getValue()), depth + 1);
                sb.append('"').append(jsonEscape(e.getKey())).append("\": ").append(value);
            }
            return sb.append('}').toString();
        }
        if (schema.get("enum") instanceof Collection<?> values && !values.isEmpty()) {
            Object first = values.stream().map(String::valueOf).sorted().findFirst().orElseThrow();
            return type(schema).equals("string") || type(schema).equals("object") ? "\"" + jsonEscape(String.valueOf(first)) + "\"" : String.valueOf(first);
        }
        return switch (type(schema)) {
            case "string" -> "date-time".equals(schema.get("format")) ? "\"2026-01-02T03:04:05Z\"" : "date".equals(schema.get("format")) ? "\"2026-01-02\"" : "\"sample\"";
            case "integer" -> "1";
            case "number" -> "1.5";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "object" -> schema.get("properties") instanceof Map<?, ?> ? inlineExample(schema, depth) : "{}";
            default -> "null";
        };
    }

    private String inlineExample(Map<String, Object> schema, int depth) {
        var sb = new StringBuilder("{");
        for (var e : map(schema.get("properties")).entrySet()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append('"').append(jsonEscape(e.getKey())).append("\": ").append(depth > 3 ? "null" : example(map(e.getValue()), depth + 1));
        }
        return sb.append('}').toString();
    }

    static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }

    static String ref(Map<String, Object> schema) {
        return schema.get("$ref") instanceof String ref ? ref.substring(ref.lastIndexOf('/') + 1) : null;
    }

    /** The JSON type; OpenAPI 3.1's {@code ["string", "null"]} counts as its non-null member; no type = object when it has properties. */
    static String type(Map<String, Object> schema) {
        Object t = schema.get("type");
        if (t instanceof Collection<?> types) t = types.stream().filter(x -> !"null".equals(x)).findFirst().orElse(null);
        if (t == null) return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "any";
        return String.valueOf(t);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }
}
