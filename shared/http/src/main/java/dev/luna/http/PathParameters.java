package dev.luna.http;

import dev.luna.core.IdFormat;
import dev.luna.core.ValidationException;
import dev.luna.core.Violation;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format of every path parameter of the API, named by the collection it identifies in the route
 * ({@code /agents/{id}} is an agent id, {@code /members/{userId}} a user id). Checked at the edge of the pipeline, before
 * any store is asked: a malformed id is a 400 naming {@code path.<name>}; a well-formed unknown one reaches the handler,
 * which answers 404.
 */
public final class PathParameters {
    private static final Pattern PARAMETER = Pattern.compile("([^/{}]+)/\\{([A-Za-z]+)\\+?}");
    private static final Map<String, IdFormat> BY_COLLECTION = Map.of(
            "agents", IdFormat.AGENT, "api-keys", IdFormat.API_KEY, "projects", IdFormat.PROJECT, "tasks", IdFormat.TASK,
            "index", IdFormat.JOB, "context", IdFormat.CONTEXT, "queues", IdFormat.QUEUE, "members", IdFormat.USER,
            "artifacts", IdFormat.ARTIFACT, "traces", IdFormat.REQUEST);

    private PathParameters() {
    }

    /** The format of parameter {@code name} in the route path (e.g. {@code /api/v1/agents/{id}/start}). */
    public static IdFormat format(String routePath, String name) {
        Matcher m = PARAMETER.matcher(routePath);
        while (m.find()) {
            if (m.group(2).equals(name)) return BY_COLLECTION.getOrDefault(m.group(1), IdFormat.ANY);
        }
        return IdFormat.ANY;
    }

    /** Throws a 400 naming each path parameter of the request that does not have its route's format. */
    public static void check(String routePath, Map<String, String> values) {
        if (values == null || values.isEmpty() || routePath == null) return;
        var violations = new ArrayList<Violation>();
        for (var e : new TreeMap<>(values).entrySet()) {
            var format = format(routePath, e.getKey());
            if (!format.matches(e.getValue())) violations.add(new Violation("path." + e.getKey(), "must be " + format.description()));
        }
        if (!violations.isEmpty()) throw new ValidationException(violations);
    }
}
