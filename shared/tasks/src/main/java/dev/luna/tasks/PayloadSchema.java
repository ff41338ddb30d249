package dev.luna.tasks;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.luna.core.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A task type's payload schema: full JSON Schema 2020-12 ({@code oneOf}, {@code $ref}/{@code $defs}, {@code format}
 * asserted, {@code pattern}, defaults as annotations…) through networknt's json-schema-validator, compiled once. The
 * schema itself is checked against the 2020-12 meta-schema when the type is defined, so a typo is a start-up error,
 * never a rule silently ignored. Violations name the field the way the API's 400 envelope does:
 * {@code payload.source.files[2].path}. A {@code oneOf} whose branches are told apart by a {@code const} property (a
 * source's {@code type}) reports the errors of the branch the value names, not every branch's.
 */
public final class PayloadSchema {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Schema META = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private final JsonNode node;
    private final Schema schema;

    private PayloadSchema(JsonNode node, Schema schema) {
        this.node = node;
        this.schema = schema;
    }

    /** Compiles {@code schema}; IllegalArgumentException when it is not a valid JSON Schema 2020-12 document. */
    public static PayloadSchema of(JsonNode schema) {
        if (schema == null || !(schema.isObject() || schema.isBoolean())) throw new IllegalArgumentException("a schema must be an object or a boolean");
        var problems = META.validate(schema);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid JSON Schema 2020-12 document: " + problems.stream().limit(5)
                    .map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList());
        }
        try {
            return new PayloadSchema(schema, REGISTRY.getSchema(schema));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schema cannot be compiled: " + e.getMessage(), e);
        }
    }

    public JsonNode node() {
        return node;
    }

    /** Every violation of {@code value}, fields named from {@code path}; empty when it is valid. */
    public List<Violation> validate(JsonNode value, String path) {
        var out = new LinkedHashMap<String, Violation>();
        collect(schema.validate(value), value, path, out);
        return List.copyOf(out.values());
    }

    /**
     * networknt reports a failed {@code oneOf} and, beside it, every branch's own errors (evaluation paths under
     * {@code …/oneOf/<branch>/}). When the value names its branch with a {@code const} property, only that branch's
     * errors are kept; otherwise the {@code oneOf} error alone stands for them.
     */
    private void collect(List<Error> errors, JsonNode root, String path, Map<String, Violation> out) {
        var dropped = new java.util.HashSet<Error>();
        for (var e : errors) {
            if (!"oneOf".equals(e.getKeyword())) continue;
            String oneOf = e.getEvaluationPath().toString() + "/";
            int chosen = chosenBranch(e);
            boolean chosenHasErrors = false;
            for (var sub : errors) {
                String at = sub.getEvaluationPath().toString();
                if (sub == e || !at.startsWith(oneOf)) continue;
                if (chosen >= 0 && at.startsWith(oneOf + chosen + "/")) chosenHasErrors = true;
                else dropped.add(sub);
            }
            if (chosenHasErrors) dropped.add(e);
        }
        for (var e : errors) {
            if (dropped.contains(e)) continue;
            var v = violation(e, path);
            out.putIfAbsent(v.field() + "\u0000" + v.message(), v);
        }
    }

    /** The index of the {@code oneOf} branch whose {@code const} property the value matches, or -1. */
    private int chosenBranch(Error e) {
        JsonNode branches = e.getSchemaNode();
        JsonNode value = e.getInstanceNode();
        if (branches == null || !branches.isArray() || value == null || !value.isObject()) return -1;
        for (int i = 0; i < branches.size(); i++) {
            var branch = branches.get(i);
            var resolved = branch.has("$ref") ? node.at(branch.get("$ref").asString().replaceFirst("^#", "")) : branch;
            for (var p : resolved.path("properties").properties()) {
                var constant = p.getValue().get("const");
                if (constant != null && constant.equals(value.get(p.getKey()))) return i;
            }
        }
        return -1;
    }

    private Violation violation(Error e, String path) {
        String at = path + field(e.getInstanceLocation());
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        return switch (keyword) {
            case "required" -> new Violation(at + "." + e.getProperty(), "is required");
            case "additionalProperties", "unevaluatedProperties" -> new Violation(at + "." + e.getProperty(), "is not a known field");
            case "oneOf" -> new Violation(at, "must match exactly one of the allowed forms" + forms(e.getSchemaNode()));
            default -> new Violation(at, message(e));
        };
    }

    /** The allowed forms of a {@code oneOf} by their discriminating constants, e.g. {@code ; type is one of git, inline}. */
    private String forms(JsonNode branches) {
        if (branches == null || !branches.isArray()) return "";
        var byProperty = new java.util.TreeMap<String, List<String>>();
        for (var branch : branches) {
            var resolved = branch.has("$ref") ? node.at(branch.get("$ref").asString().replaceFirst("^#", "")) : branch;
            for (var p : resolved.path("properties").properties()) {
                var constant = p.getValue().get("const");
                if (constant != null && constant.isString()) byProperty.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(constant.asString());
            }
        }
        var full = byProperty.entrySet().stream().filter(en -> en.getValue().size() == branches.size()).findFirst();
        return full.map(en -> "; " + en.getKey() + " must be one of " + String.join(", ", en.getValue())).orElse("");
    }

    /** networknt's message without the location it starts with ({@code $.a.b: must be …}). */
    private static String message(Error e) {
        String m = e.getMessage() == null ? "is invalid" : e.getMessage();
        int colon = m.indexOf(": ");
        if (m.startsWith("$") && colon > 0) m = m.substring(colon + 2);
        return m;
    }

    /** {@code /a/b/0} (a node path) as the API names fields: {@code .a.b[0]}. */
    static String field(NodePath location) {
        var sb = new StringBuilder();
        if (location == null) return "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) sb.append('[').append(index).append(']');
            else sb.append('.').append(element);
        }
        return sb.toString();
    }

    /** For tests and diagnostics: the raw errors. */
    List<String> rawErrors(JsonNode value) {
        var out = new ArrayList<String>();
        for (var e : schema.validate(value)) out.add(e.getKeyword() + " " + e.getInstanceLocation() + " " + e.getMessage());
        return out;
    }
}
