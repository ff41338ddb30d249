package dev.luna.catalog;

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
    private static final tools.jackson.databind.json.JsonMapper STRICT = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    public record Defaults(int memoryMb, int timeoutSeconds, String runtime) {
    }

    /**
     * A Maven module of functions, deployed as one package: {@code initializer} is its {@code MAIN_CLASS} in Lambda;
     * {@code collaborators} are other modules' initializers its functions need in the same context (the agents
     * module's routing for the tasks module), applied by the module's initializer ({@code ModuleCollaborators});
     * {@code dir} is the Maven module's directory relative to the repository root ({@code functions/<name>} unless given).
     */
    public record Module(String artifact, String initializer, List<String> collaborators, String dir) {
        public Module {
            collaborators = collaborators == null ? List.of() : List.copyOf(collaborators);
        }

        public Module(String artifact, String initializer) {
            this(artifact, initializer, List.of(), null);
        }
    }

    /**
     * How a function is invoked: {@code http} (method + path), {@code queue} (the logical queue, the batch size and
     * the maximum concurrency of its event source mapping), {@code task} (a task type's worker: it consumes the
     * type's five priority queues {@code tasks-<type>-<priority>}, each with its own event source mapping and maximum
     * concurrency, {@code priorityConcurrency}) or {@code schedule} (an EventBridge Scheduler {@code rate(...)} or
     * {@code cron(...)} expression).
     */
    public record Trigger(String type, String method, String path, String queue, String schedule, Integer batchSize,
                          Integer maxConcurrency, String taskType, Map<String, Integer> priorityConcurrency, String route,
                          String table) {
        public Trigger(String type, String method, String path, String queue, String schedule, Integer batchSize,
                       Integer maxConcurrency, String taskType, Map<String, Integer> priorityConcurrency) {
            this(type, method, path, queue, schedule, batchSize, maxConcurrency, taskType, priorityConcurrency, null, null);
        }

        /** The five priorities, highest first: each task type has one queue per priority. */
        public static final List<String> PRIORITIES = List.of("critical", "high", "normal", "low", "background");
        /**
         * Concurrent batches per priority queue unless a task function says otherwise: a background backlog can
         * never hold more than its share of workers, so higher priorities always find some free.
         */
        public static final Map<String, Integer> DEFAULT_PRIORITY_CONCURRENCY = orderedConcurrency(8, 6, 4, 2, 2);

        public Trigger(String type, String method, String path, String queue, String schedule, Integer batchSize, Integer maxConcurrency) {
            this(type, method, path, queue, schedule, batchSize, maxConcurrency, null, null);
        }

        /** The trigger of a task type's worker with the default batch size and priority concurrency. */
        public static Trigger task(String taskType) {
            return new Trigger("task", null, null, null, null, 10, null, taskType, DEFAULT_PRIORITY_CONCURRENCY);
        }

        /** Logical name of the queue holding the tasks of one type and priority. */
        public static String taskQueue(String taskType, String priority) {
            return "tasks-" + taskType + "-" + priority;
        }

        public boolean isHttp() {
            return "http".equals(type);
        }

        public boolean isQueue() {
            return "queue".equals(type);
        }

        /** A route of the API Gateway WebSocket API ({@code route}: {@code $connect}, {@code $disconnect}, {@code $default}). */
        public boolean isWebSocket() {
            return "websocket".equals(type);
        }

        /** Fed by the DynamoDB stream of {@code table} (new images), through an event source mapping. */
        public boolean isStream() {
            return "stream".equals(type);
        }

        public boolean isTask() {
            return "task".equals(type);
        }

        public boolean isSchedule() {
            return "schedule".equals(type);
        }

        /** One event source mapping: the queue, its batch size and its maximum concurrency. */
        public record QueueBinding(String queue, int batchSize, int maxConcurrency) {
        }

        /** The queues the function consumes: one for a queue trigger, five for a task trigger, none otherwise. */
        public List<QueueBinding> queues() {
            int batch = batchSize == null ? 10 : batchSize;
            if (isQueue()) return List.of(new QueueBinding(queue, batch, maxConcurrency == null ? 2 : maxConcurrency));
            if (!isTask()) return List.of();
            var concurrency = priorityConcurrency == null ? DEFAULT_PRIORITY_CONCURRENCY : priorityConcurrency;
            return PRIORITIES.stream().map(p -> new QueueBinding(taskQueue(taskType, p), batch,
                    concurrency.getOrDefault(p, DEFAULT_PRIORITY_CONCURRENCY.get(p)))).toList();
        }

        private static Map<String, Integer> orderedConcurrency(int... values) {
            var m = new java.util.LinkedHashMap<String, Integer>();
            for (int i = 0; i < values.length; i++) m.put(PRIORITIES.get(i), values[i]);
            return java.util.Collections.unmodifiableMap(m);
        }
    }

    /**
     * The task type a {@code task} function runs, as every function that submits tasks must know it: what it does, how
     * long one task may take, and its payload's JSON Schema ({@code functions/task-types/<payloadSchema>}).
     */
    public record TaskSpec(String description, int timeoutSeconds, String payloadSchema) {
    }

    /** One function; {@code name} is its catalog key; {@code task} is set for task functions that declare their type. */
    public record FunctionSpec(String name, String module, String bean, String summary, Trigger trigger,
                               boolean isPublic, List<String> scopes, Integer memoryMb, Integer timeoutSeconds,
                               List<String> tables, List<String> buckets, String requestSchema, String responseSchema,
                               String minimumRole, TaskSpec task) {
        public FunctionSpec(String name, String module, String bean, String summary, Trigger trigger, boolean isPublic,
                            List<String> scopes, Integer memoryMb, Integer timeoutSeconds, List<String> tables, List<String> buckets,
                            String requestSchema, String responseSchema, String minimumRole) {
            this(name, module, bean, summary, trigger, isPublic, scopes, memoryMb, timeoutSeconds, tables, buckets, requestSchema,
                    responseSchema, minimumRole, null);
        }

        /** Catalog name of a task type's worker function: {@code task-<type>}. */
        public static String taskWorkerName(String taskType) {
            return "task-" + taskType;
        }

        /** Bean of a task type's worker function: the camel case of its name ({@code task-code-analysis} → {@code taskCodeAnalysis}). */
        public static String taskWorkerBean(String taskType) {
            return java.util.regex.Pattern.compile("-([a-z0-9])").matcher(taskWorkerName(taskType))
                    .replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
        }

        /**
         * The worker of a task type that has no catalog entry (registered by a test, a benchmark, or a developer
         * trying a new type on the local runtime before adding it to the catalog): catalog defaults, five queues.
         */
        public static FunctionSpec taskWorker(String taskType) {
            return new FunctionSpec(taskWorkerName(taskType), "tasks", taskWorkerBean(taskType), "Runs " + taskType + " tasks",
                    Trigger.task(taskType), false, List.of(), null, 300, List.of(), List.of(), null, null, null);
        }
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

    /** Parses a catalog document; a key given twice anywhere is an error (JSON readers would keep one silently). */
    static Catalog parse(String json) {
        var tree = STRICT.readTree(json);
        var functions = new java.util.LinkedHashMap<String, FunctionSpec>();
        for (var e : tree.get("functions").properties()) {
            var f = e.getValue();
            var t = f.get("trigger");
            functions.put(e.getKey(), new FunctionSpec(e.getKey(), text(f, "module"), text(f, "bean"), text(f, "summary"),
                    new Trigger(text(t, "type"), text(t, "method"), text(t, "path"), text(t, "queue"), text(t, "schedule"),
                            t.has("batchSize") ? t.get("batchSize").asInt() : null,
                            t.has("maxConcurrency") ? t.get("maxConcurrency").asInt() : null, text(t, "taskType"),
                            t.has("priorityConcurrency") ? priorityConcurrency(t.get("priorityConcurrency")) : null,
                            text(t, "route"), text(t, "table")),
                    f.path("public").asBoolean(false),
                    f.has("scopes") ? f.get("scopes").valueStream().map(n -> n.asString()).toList() : List.of(),
                    f.has("memoryMb") ? f.get("memoryMb").asInt() : null,
                    f.has("timeoutSeconds") ? f.get("timeoutSeconds").asInt() : null,
                    f.has("tables") ? f.get("tables").valueStream().map(n -> n.asString()).toList() : List.of(),
                    f.has("buckets") ? f.get("buckets").valueStream().map(n -> n.asString()).toList() : List.of(),
                    text(f, "requestSchema"), text(f, "responseSchema"), text(f, "minimumRole"), taskSpec(f.get("task"))));
        }
        var modules = new java.util.LinkedHashMap<String, Module>();
        for (var e : tree.get("modules").properties()) {
            var m = e.getValue();
            modules.put(e.getKey(), new Module(text(m, "artifact"), text(m, "initializer"),
                    m.has("collaborators") ? m.get("collaborators").valueStream().map(n -> n.asString()).toList() : List.of(),
                    m.has("dir") ? text(m, "dir") : "functions/" + e.getKey()));
        }
        var d = tree.get("defaults");
        return new Catalog(tree.path("version").asInt(1),
                new Defaults(d.get("memoryMb").asInt(), d.get("timeoutSeconds").asInt(), d.get("runtime").asString()),
                Map.copyOf(modules), java.util.Collections.unmodifiableMap(functions));
    }

    private static TaskSpec taskSpec(tools.jackson.databind.JsonNode t) {
        if (t == null || t.isNull()) return null;
        return new TaskSpec(text(t, "description"), t.path("timeoutSeconds").asInt(0), text(t, "payloadSchema"));
    }

    /**
     * The payload schema {@code functions/task-types/<file>}, self-contained: references to shared schemas there (the
     * source object) are inlined ({@link TaskSchemas}). Read once per call: task types compile it when defined.
     */
    public static tools.jackson.databind.JsonNode taskPayloadSchema(String file) {
        return TaskSchemas.load(file, STRICT);
    }

    private static Map<String, Integer> priorityConcurrency(tools.jackson.databind.JsonNode node) {
        var m = new java.util.LinkedHashMap<String, Integer>();
        for (String p : Trigger.PRIORITIES) m.put(p, node.has(p) ? node.get(p).asInt() : Trigger.DEFAULT_PRIORITY_CONCURRENCY.get(p));
        return java.util.Collections.unmodifiableMap(m);
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

    /** The worker function of each task type in the catalog, by type. */
    public Map<String, FunctionSpec> taskWorkers() {
        var out = new java.util.LinkedHashMap<String, FunctionSpec>();
        for (var f : functions.values()) if (f.trigger().isTask()) out.put(f.trigger().taskType(), f);
        return out;
    }

    public List<FunctionSpec> httpFunctions() {
        return functions.values().stream().filter(f -> f.trigger().isHttp()).toList();
    }
}
