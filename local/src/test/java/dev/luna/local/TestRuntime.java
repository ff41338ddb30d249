package dev.luna.local;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One in-memory local runtime shared by the integration tests of this JVM (started on port 0 on first use,
 * stopped at JVM exit), plus helpers to make unique names so tests do not see each other's agents.
 */
final class TestRuntime {
    static final String ADMIN_KEY = "luna_example_admin_key_for_sample_events_0001";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static LocalRuntime shared;

    private TestRuntime() {
    }

    static synchronized LocalRuntime shared() {
        if (shared == null) {
            // Every functional test shares this runtime and mostly its admin key: the default 600 requests/minute per key would
            // make the suite's speed decide its outcome. Rate limiting itself is tested on runtimes of its own (RateLimitIT).
            shared = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(ADMIN_KEY)
                    .setting("LUNA_RATE_LIMIT_PER_KEY", "100000").setting("LUNA_RATE_LIMIT_PER_USER", "100000").start();
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
}
