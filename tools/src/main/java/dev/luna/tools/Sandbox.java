package dev.luna.tools;

import dev.luna.catalog.Catalog;
import dev.luna.local.LocalRuntime;
import dev.luna.local.SampleEventFixtures;
import dev.luna.store.LunaConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a packaged function runs against: by default an in-memory local runtime started here (its emulators, its
 * tables, the sample events' admin key), or — when {@code LUNA_DYNAMODB_ENDPOINT} is set — whatever the environment
 * points at (e.g. a running {@code ./scripts/local}, whose start-up banner prints its emulator endpoints).
 */
public final class Sandbox implements AutoCloseable {
    /** The admin key every authenticated sample event carries (events/README.md). */
    static final String SAMPLE_KEY = "luna_example_admin_key_for_sample_events_0001";

    /** Spring settings Terraform gives every function (modules/http-function): no banner, no start-up info, no scanning. */
    public static final Map<String, String> SPRING_ENVIRONMENT = Map.of(
            "SPRING_MAIN_BANNER_MODE", "off",
            "SPRING_MAIN_LOG_STARTUP_INFO", "false",
            "SPRING_CLOUD_FUNCTION_SCAN_ENABLED", "false");

    private final LocalRuntime runtime;
    private final Map<String, String> endpoints;
    private SampleEventFixtures fixtures;

    private Sandbox(LocalRuntime runtime, Map<String, String> endpoints) {
        this.runtime = runtime;
        this.endpoints = endpoints;
    }

    public static Sandbox start() {
        var env = System.getenv();
        if (env.get(LunaConfig.DYNAMODB_ENDPOINT) != null) {
            var endpoints = new LinkedHashMap<String, String>();
            for (String k : new String[] {LunaConfig.DYNAMODB_ENDPOINT, LunaConfig.S3_ENDPOINT, LunaConfig.SQS_ENDPOINT,
                    LunaConfig.RESOURCE_PREFIX, LunaConfig.REGION}) {
                if (env.get(k) != null) endpoints.put(k, env.get(k));
            }
            endpoints.putIfAbsent(LunaConfig.RESOURCE_PREFIX, "luna");
            endpoints.putIfAbsent(LunaConfig.REGION, "us-east-1");
            return new Sandbox(null, endpoints);
        }
        var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(SAMPLE_KEY).start();
        var endpoints = new LinkedHashMap<String, String>();
        endpoints.put(LunaConfig.DYNAMODB_ENDPOINT, runtime.emulators().dynamoEndpoint().toString());
        endpoints.put(LunaConfig.S3_ENDPOINT, runtime.emulators().s3Endpoint().toString());
        endpoints.put(LunaConfig.SQS_ENDPOINT, runtime.emulators().sqsEndpoint().toString());
        endpoints.put(LunaConfig.RESOURCE_PREFIX, "luna");
        endpoints.put(LunaConfig.REGION, "us-east-1");
        return new Sandbox(runtime, endpoints);
    }

    boolean isEmbedded() {
        return runtime != null;
    }

    /** The environment Terraform gives the function in Lambda, pointed at this sandbox. */
    public Map<String, String> environment(Catalog.FunctionSpec function, Catalog.Module module) {
        var env = new LinkedHashMap<String, String>(endpoints);
        env.putAll(SPRING_ENVIRONMENT);
        env.put("MAIN_CLASS", module.initializer());
        env.put("SPRING_CLOUD_FUNCTION_DEFINITION", function.bean());
        env.put("LUNA_FUNCTION", function.name());
        if (function.timeoutSeconds() != null) env.put("LUNA_TIMEOUT_SECONDS", String.valueOf(function.timeoutSeconds()));
        if (function.memoryMb() != null) env.put("LUNA_MEMORY_MB", String.valueOf(function.memoryMb()));
        env.put("LUNA_LOG_LEVEL", System.getenv().getOrDefault("LUNA_LOG_LEVEL", "WARN"));
        return env;
    }

    /**
     * The event with every example id (agent, project, task, job, key…) replaced by a real one in the state the function
     * needs ({@link SampleEventFixtures}). Against an external environment the event is used as it is.
     */
    public String prepare(String function, String event) {
        if (runtime == null) return event;
        if (fixtures == null) fixtures = SampleEventFixtures.forCatalog(runtime.baseUri(), SAMPLE_KEY);
        return fixtures.prepare(function, event);
    }

    @Override
    public void close() {
        if (runtime != null) runtime.close();
    }
}
