package dev.luna.workers.openaiapp;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The type's options (validated against {@code functions/task-types/app-generation-openai.schema.json} before the worker runs).
 *
 * @param baseUrl      the API's public https origin, the Actions schema's one server
 * @param capabilities words naming what the app should be good at; operations that match them rank first
 * @param include      operationIds, {@code "METHOD /path"} or path prefixes ending in {@code *} that must be offered
 * @param exclude      the same forms, never offered
 * @param auth         {@code none}, {@code apiKey} or {@code oauth}
 * @param appName      the app's name, or null for the API's title
 * @param maxOperations at most this many operations (≤ 30, GPT Actions' limit)
 */
record AppOptions(String baseUrl, List<String> capabilities, List<String> include, List<String> exclude, String auth, String appName,
                  int maxOperations) {
    static final String DEFAULT_BASE_URL = "https://api.example.com";
    static final int MAX_OPERATIONS = 30;

    AppOptions {
        capabilities = List.copyOf(capabilities);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    static AppOptions defaults() {
        return new AppOptions(DEFAULT_BASE_URL, List.of(), List.of(), List.of(), "none", null, MAX_OPERATIONS);
    }

    static AppOptions of(JsonNode options) {
        if (options == null || options.isNull() || options.isMissingNode()) return defaults();
        String base = options.path("baseUrl").asString(DEFAULT_BASE_URL);
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        var ops = options.path("operations");
        String name = options.path("appName").asString("");
        return new AppOptions(base, strings(options.path("capabilities")), strings(ops.path("include")), strings(ops.path("exclude")),
                options.path("auth").asString("none"), name.isBlank() ? null : name.strip(),
                Math.min(MAX_OPERATIONS, options.path("maxOperations").asInt(MAX_OPERATIONS)));
    }

    private static List<String> strings(JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) node.forEach(n -> out.add(n.asString()));
        return out;
    }
}
