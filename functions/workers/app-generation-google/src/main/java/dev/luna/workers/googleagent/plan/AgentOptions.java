package dev.luna.workers.googleagent.plan;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The task's options (checked against functions/task-types/app-generation-google.schema.json before the worker sees
 * them; defaults applied here as well so a direct call behaves the same).
 */
public record AgentOptions(String baseUrl, String agentUrl, List<String> capabilities, List<String> include, List<String> exclude,
                           String auth, String appName, int maxOperations) {
    public static final AgentOptions DEFAULT = new AgentOptions("https://api.example.com", "http://localhost:8080", List.of(), List.of(), List.of(),
            "none", null, 30);

    public AgentOptions {
        baseUrl = strip(baseUrl);
        agentUrl = strip(agentUrl);
        capabilities = List.copyOf(capabilities);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static AgentOptions of(JsonNode options) {
        if (options == null || options.isNull() || options.isMissingNode()) return DEFAULT;
        var ops = options.path("operations");
        return new AgentOptions(text(options, "baseUrl", DEFAULT.baseUrl), text(options, "agentUrl", DEFAULT.agentUrl), strings(options.get("capabilities")),
                strings(ops.get("include")), strings(ops.get("exclude")), text(options, "auth", "none"), text(options, "appName", null),
                options.has("maxOperations") ? options.get("maxOperations").asInt() : 30);
    }

    private static String text(JsonNode n, String field, String fallback) {
        return n.hasNonNull(field) ? n.get(field).asString() : fallback;
    }

    private static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) node.forEach(n -> out.add(n.asString().strip()));
        return out;
    }

    private static String strip(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
