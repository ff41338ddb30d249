package dev.luna.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The CLI's JSON: parsing answers and arguments, printing for --json. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String pretty(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static String compact(JsonNode node) {
        return COMPACT.writeValueAsString(node);
    }

    /** The text of a field, or "" when it is absent or null. */
    static String text(JsonNode node, String field) {
        var v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.isValueNode() ? v.asString() : compact(v);
    }

    /** Follows a dotted path ("health.status"). */
    static JsonNode at(JsonNode node, String dottedPath) {
        var current = node;
        for (var part : dottedPath.split("\\.")) current = current.path(part);
        return current;
    }
}
