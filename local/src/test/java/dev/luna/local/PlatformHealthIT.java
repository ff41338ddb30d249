package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Readiness ({@code GET /api/v1/health}) serves one probe of DynamoDB and S3 until it is {@code LUNA_READINESS_MAX_AGE_MS}
 * old, then probes again; liveness ({@code GET /api/v1/health/live}) answers without calling anything. Both are open.
 */
class PlatformHealthIT {
    private static final long MAX_AGE_MS = 1_500;
    private static final String KEY = "luna_example_admin_key_for_health_0001";
    private static LocalRuntime runtime;
    private static Api anonymous;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_READINESS_MAX_AGE_MS", Long.toString(MAX_AGE_MS)).start();
        anonymous = new Api(runtime.baseUri(), KEY).withKey(null);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void readinessReusesItsProbeUntilItIsMaxAgeOldThenProbesAgain() throws InterruptedException {
        var first = anonymous.get("/api/v1/health");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        assertThat(first.data().get("checks").get("dynamodb").get("status").asString()).isEqualTo("ok");
        assertThat(first.data().get("checks").get("s3").get("status").asString()).isEqualTo("ok");
        Instant probed = Instant.parse(first.data().get("checkedAt").asString());

        for (int i = 0; i < 20; i++) {
            var again = anonymous.get("/api/v1/health");
            Instant at = Instant.parse(again.data().get("checkedAt").asString());
            long age = again.data().get("ageMs").asLong();
            assertThat(age).isBetween(0L, MAX_AGE_MS);
            if (!at.equals(probed)) {
                assertThat(Duration.between(probed, at).toMillis()).as("a new probe only once the last is max-age old").isGreaterThanOrEqualTo(MAX_AGE_MS);
                probed = at;
            }
        }
        Thread.sleep(MAX_AGE_MS + 100);
        var later = anonymous.get("/api/v1/health");
        assertThat(Instant.parse(later.data().get("checkedAt").asString())).isAfter(probed);
    }

    @Test
    void livenessAnswersWithoutCredentialsOrDependencies() {
        var live = anonymous.get("/api/v1/health/live");
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.data().get("status").asString()).isEqualTo("ok");
        assertThat(live.data().has("checks")).isFalse();
        assertThat(anonymous.post("/api/v1/health/live", "{}").status()).isEqualTo(405);
    }
}
