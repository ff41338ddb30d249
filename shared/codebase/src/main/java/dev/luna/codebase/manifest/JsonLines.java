package dev.luna.codebase.manifest;

import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonToken;

/** Line numbers of the keys of a JSON document, up to a depth: {@code "dependencies/express" -> 12}. */
final class JsonLines {
    private JsonLines() {
    }

    static Map<String, Integer> keys(String json, int maxDepth) {
        var out = new HashMap<String, Integer>();
        var path = new ArrayList<String>();
        try (var p = Json.mapper().createParser(json)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.PROPERTY_NAME) {
                    while (path.size() >= depth) path.removeLast();
                    path.add(p.currentName());
                    out.putIfAbsent(String.join("/", path), p.currentTokenLocation().getLineNr());
                    if (depth >= maxDepth) {
                        var value = p.nextToken();
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) p.skipChildren();
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT) {
                    depth--;
                    while (path.size() > depth) path.removeLast();
                } else if (t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
        } catch (RuntimeException e) {
            // the tree parse reports the problem; lines are best effort
        }
        return out;
    }

    static List<String> strings(tools.jackson.databind.JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) for (var n : node) if (n.isString()) out.add(n.asString());
        return out;
    }
}
