package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An origin that requires the edge secret ({@code LUNA_EDGE_SECRET}, two values during a rotation) refuses requests
 * without it with a 403 in the envelope, accepts either secret, and keeps the health probe open.
 */
class EdgeSecretIT {
    private static final String KEY = "luna_example_admin_key_for_edge_secret_001";
    private static LocalRuntime runtime;
    private static Api api;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_EDGE_SECRET", "edge-secret-new, edge-secret-old").start();
        api = new Api(runtime.baseUri(), KEY);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void requestsWithoutTheEdgeSecretAreForbidden() {
        for (var r : new Api.Response[] {api.get("/api/v1/agents"), api.withKey(null).get("/api/v1/openapi.json"),
                api.header("X-Luna-Edge-Secret", "guess").get("/api/v1/agents"), api.header("X-Luna-Edge-Secret", "edge-secret-ne").get("/api/v1/agents"),
                api.header("X-Luna-Edge-Secret", "edge-secret-new,edge-secret-old").post("/api/v1/agents", "{}")}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(r.json().get("error").get("message").asString()).contains("edge");
        }
    }

    @Test
    void eitherSecretOfARotationIsAccepted() {
        assertThat(api.header("X-Luna-Edge-Secret", "edge-secret-new").get("/api/v1/agents").status()).isEqualTo(200);
        assertThat(api.header("X-Luna-Edge-Secret", "edge-secret-old").get("/api/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void theHealthProbeStaysOpen() {
        assertThat(api.withKey(null).get("/api/v1/health").status()).isEqualTo(200);
        assertThat(api.withKey(null).get("/api/v1/health/live").status()).isEqualTo(200);
    }
}
