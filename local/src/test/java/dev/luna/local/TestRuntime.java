package dev.luna.local;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-memory local runtime shared by the integration tests of this JVM (started on port 0 on first use,
 * stopped at JVM exit), plus helpers to make unique names so tests do not see each other's agents.
 */
final class TestRuntime {
    static final String ADMIN_KEY = "luna_example_admin_key_for_sample_events_0001";
    static final String WEBHOOK_SECRET = "test-webhook-secret-0123456789";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static LocalRuntime shared;

    private TestRuntime() {
    }

    static synchronized LocalRuntime shared() {
        if (shared == null) {
            shared = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(ADMIN_KEY)
                    // the suite shares this runtime and polls it hard; rate limiting has its own runtime in RateLimitIT
                    .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                    .setting("LUNA_WEBHOOK_SECRET", WEBHOOK_SECRET)
                    // index jobs run inside the request, so tests read their outcome at once (README walkthroughs poll)
                    .setting("LUNA_RAG_RUN_INLINE", "true")
                    .setting("LUNA_WEBHOOK_ALLOW_PRIVATE_HOSTS", "true")
                    .setting("LUNA_CIRCUIT_FAILURE_THRESHOLD", "20")
                    .setting("LUNA_CIRCUIT_COOL_DOWN_SECONDS", "2")
                    .initializer(TestTaskTypes::register)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    static Api admin() {
        return new Api(shared().baseUri(), ADMIN_KEY);
    }

    static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 1_000_000 + "-" + COUNTER.incrementAndGet();
    }

    static String agentJson(String name, String type, String version, String... capabilities) {
        var caps = new StringBuilder();
        for (String c : capabilities) caps.append(caps.isEmpty() ? "" : ",").append('"').append(c).append('"');
        return """
                {"name":"%s","type":"%s","version":"%s","config":{"runtime":"java","capabilities":[%s]}}
                """.formatted(name, type, version, caps);
    }

    /**
     * Registers and starts an agent that can run every test task type (and echo and the product types), retrying quickly:
     * 3 attempts, 50 ms initial backoff doubling up to 200 ms.
     */
    static String runningTaskAgent(Api api) {
        return runningTaskAgent(api, "{\"maxAttempts\":3,\"initialDelayMs\":50,\"multiplier\":2.0,\"maxDelayMs\":200}");
    }

    /** A running agent for every test task type with the given retry policy (JSON). */
    static String runningTaskAgent(Api api, String retryPolicy) {
        var caps = new StringBuilder("\"echo\",\"code-analysis\",\"project-organization\",\"requirements-generation\",\"design-architecture\"");
        for (String t : TestTaskTypes.ALL) caps.append(",\"").append(t).append('"');
        String body = """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":[%s],
                 "retryPolicy":%s},"resourceQuota":{"maxConcurrentTasks":1000}}
                """.formatted(unique("tasks-agent"), caps, retryPolicy);
        var created = api.post("/api/v1/agents", body);
        if (created.status() != 201) throw new IllegalStateException("agent not created: " + created);
        String id = created.data().get("id").asString();
        var started = api.post("/api/v1/agents/" + id + "/start", null);
        if (started.status() != 200) throw new IllegalStateException("agent not started: " + started);
        return id;
    }
}
