package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits hold across function instances: two local runtimes share one store (as Lambda instances share
 * DynamoDB) and concurrent requests through both never exceed a key's or a user's limit. The window is one hour
 * here so the test cannot straddle a window boundary.
 */
class RateLimitIT {
    private static LocalRuntime first;
    private static LocalRuntime second;

    @BeforeAll
    static void start() {
        first = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(TestRuntime.ADMIN_KEY)
                .setting("LUNA_RATE_LIMIT_PER_USER", "30").setting("LUNA_RATE_LIMIT_WINDOW_SECONDS", "3600").start();
        second = LocalRuntime.builder().port(0).sharedStore(first.emulators()).adminKey(TestRuntime.ADMIN_KEY)
                .setting("LUNA_RATE_LIMIT_PER_USER", "30").setting("LUNA_RATE_LIMIT_WINDOW_SECONDS", "3600").start();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private static String key(String body) {
        var r = new Api(first.baseUri(), TestRuntime.ADMIN_KEY).post("/api/v1/api-keys", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("secret").asString();
    }

    /** Sends {@code n} GETs alternating between the two runtimes, 8 at a time; returns the responses. */
    private static List<Api.Response> burst(String key, int n) throws Exception {
        var results = new ConcurrentLinkedQueue<Api.Response>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < n; i++) {
                var runtime = i % 2 == 0 ? first : second;
                futures.add(pool.submit(() -> results.add(new Api(runtime.baseUri(), key).get("/api/v1/projects"))));
            }
            for (var f : futures) f.get();
        }
        return List.copyOf(results);
    }

    @Test
    void keyAndUserLimitsHoldAcrossInstances() throws Exception {
        String user = "usr_" + TestRuntime.unique("limited").replace('-', '_');
        String limitedKey = key("{\"name\":\"k1\",\"owner\":\"" + user + "\",\"scopes\":[\"projects:read\"],\"rateLimitPerMinute\":20}");
        var responses = burst(limitedKey, 60);
        assertThat(responses.stream().filter(r -> r.status() == 200).count()).as("the key's own limit").isEqualTo(20);
        var refused = responses.stream().filter(r -> r.status() == 429).toList();
        assertThat(refused).hasSize(40);
        var one = refused.get(0);
        assertThat(one.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(one.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(one.header("RateLimit-Limit")).isEqualTo("20");
        assertThat(one.header("RateLimit-Remaining")).isEqualTo("0");
        var ok = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(Long.parseLong(ok.header("RateLimit-Remaining"))).isBetween(0L, 19L);

        String secondKey = key("{\"name\":\"k2\",\"owner\":\"" + user + "\",\"scopes\":[\"projects:read\"],\"rateLimitPerMinute\":1000}");
        var more = burst(secondKey, 30);
        assertThat(more.stream().filter(r -> r.status() == 200).count()).as("the user's limit counts all its keys").isEqualTo(10);
        assertThat(more.stream().filter(r -> r.status() == 429).findFirst().orElseThrow().header("RateLimit-Limit")).isEqualTo("30");
    }
}
