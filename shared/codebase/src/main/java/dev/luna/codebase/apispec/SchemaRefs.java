package dev.luna.codebase.apispec;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The named schemas ({@code #/components/schemas/<name>}) a set of operations reaches, directly or through other schemas. */
public final class SchemaRefs {
    private static final String PREFIX = "#/components/schemas/";

    private SchemaRefs() {
    }

    /**
     * Every schema name the operations' parameters, request and response bodies refer to, transitively, sorted by name;
     * {@code lookup} gives a name's schema (never null: the caller decides what stands for an unknown name).
     */
    public static Map<String, Map<String, Object>> reachable(List<ApiOperation> operations, Function<String, Map<String, Object>> lookup) {
        var todo = new ArrayDeque<String>();
        for (var op : operations) {
            refs(op.request(), todo);
            refs(op.response(), todo);
            op.params().forEach(p -> refs(p.schema(), todo));
        }
        var out = new TreeMap<String, Map<String, Object>>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (out.containsKey(name)) continue;
            var schema = lookup.apply(name);
            out.put(name, schema);
            refs(schema, todo);
        }
        return out;
    }

    private static void refs(Object node, ArrayDeque<String> todo) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("$ref") instanceof String r && r.startsWith(PREFIX)) todo.add(r.substring(PREFIX.length()));
            for (var v : map.values()) refs(v, todo);
        } else if (node instanceof List<?> list) {
            for (var v : list) refs(v, todo);
        }
    }
}
