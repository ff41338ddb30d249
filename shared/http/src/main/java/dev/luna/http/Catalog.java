package dev.luna.http;

import dev.luna.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The function catalog ({@code functions/catalog.json}): every function of the platform with its module, bean,
 * trigger, scopes and sizing. The local runtime routes from it, Terraform iterates over it, the OpenAPI document
 * is generated from it, and the HTTP pipeline enforces its scopes.
 */
public record Catalog(int version, Defaults defaults, Map<String, Module> modules, Map<String, FunctionSpec> functions) {
    private static volatile Catalog loaded;

    public record Defaults(int memoryMb, int timeoutSeconds, String runtime) {
    }

    public record Module(String artifact, String initializer) {
    }

    /**
     * How a function is invoked: {@code http} (method + path), {@code queue} (the logical queue, the batch size and
     * the maximum concurrency of its event source mapping) or {@code schedule} (an EventBridge Scheduler
     * {@code rate(...)} or {@code cron(...)} expression).
     */
    public record Trigger(String type, String method, String path, String queue, String schedule, Integer batchSize,
                          Integer maxConcurrency) {
        public boolean isHttp() {
            return "http".equals(type);
        }

        public boolean isQueue() {
            return "queue".equals(type);
        }

        public boolean isSchedule() {
            return "schedule".equals(type);
        }
    }

    /** One function; {@code name} is its catalog key. */
    public record FunctionSpec(String name, String module, String bean, String summary, Trigger trigger,
                               boolean isPublic, List<String> scopes, Integer memoryMb, Integer timeoutSeconds,
                               List<String> tables, List<String> buckets, String requestSchema, String responseSchema,
                               String minimumRole) {
    }

    public static Catalog load() {
        Catalog c = loaded;
        if (c == null) {
            try (InputStream in = Catalog.class.getResourceAsStream("/luna/catalog.json")) {
                if (in == null) throw new IllegalStateException("luna/catalog.json is missing from the classpath");
                c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loaded = c;
        }
        return c;
    }

    static Catalog parse(String json) {
        var tree = Json.tree(json);
        var functions = new java.util.LinkedHashMap<String, FunctionSpec>();
        for (var e : tree.get("functions").properties()) {
            var f = e.getValue();
            var t = f.get("trigger");
            functions.put(e.getKey(), new FunctionSpec(e.getKey(), text(f, "module"), text(f, "bean"), text(f, "summary"),
                    new Trigger(text(t, "type"), text(t, "method"), text(t, "path"), text(t, "queue"), text(t, "schedule"),
                            t.has("batchSize") ? t.get("batchSize").asInt() : null,
                            t.has("maxConcurrency") ? t.get("maxConcurrency").asInt() : null),
                    f.path("public").asBoolean(false),
                    f.has("scopes") ? f.get("scopes").valueStream().map(n -> n.asString()).toList() : List.of(),
                    f.has("memoryMb") ? f.get("memoryMb").asInt() : null,
                    f.has("timeoutSeconds") ? f.get("timeoutSeconds").asInt() : null,
                    f.has("tables") ? f.get("tables").valueStream().map(n -> n.asString()).toList() : List.of(),
                    f.has("buckets") ? f.get("buckets").valueStream().map(n -> n.asString()).toList() : List.of(),
                    text(f, "requestSchema"), text(f, "responseSchema"), text(f, "minimumRole")));
        }
        var modules = new java.util.LinkedHashMap<String, Module>();
        for (var e : tree.get("modules").properties()) {
            modules.put(e.getKey(), new Module(text(e.getValue(), "artifact"), text(e.getValue(), "initializer")));
        }
        var d = tree.get("defaults");
        return new Catalog(tree.path("version").asInt(1),
                new Defaults(d.get("memoryMb").asInt(), d.get("timeoutSeconds").asInt(), d.get("runtime").asString()),
                Map.copyOf(modules), java.util.Collections.unmodifiableMap(functions));
    }

    private static String text(tools.jackson.databind.JsonNode node, String field) {
        var v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    public Optional<FunctionSpec> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public List<FunctionSpec> module(String module) {
        return functions.values().stream().filter(f -> module.equals(f.module())).toList();
    }

    public List<FunctionSpec> httpFunctions() {
        return functions.values().stream().filter(f -> f.trigger().isHttp()).toList();
    }
}
