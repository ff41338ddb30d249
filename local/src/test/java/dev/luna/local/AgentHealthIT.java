package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats of self-hosted agents and health on a runtime whose thresholds are short (degraded after 2 s without a
 * heartbeat, unhealthy after 4 s), so staleness can be observed in real time. Only an agent that sends heartbeats is
 * judged by them: one that never does stays healthy while idle (AgentBehaviourIT).
 */
class AgentHealthIT {
    private static LocalRuntime runtime;
    private static Api api;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(TestRuntime.ADMIN_KEY)
                .setting("LUNA_AGENT_DEGRADED_AFTER_SECONDS", "2")
                .setting("LUNA_AGENT_UNHEALTHY_AFTER_SECONDS", "4")
                .start();
        api = new Api(runtime.baseUri(), TestRuntime.ADMIN_KEY);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void healthFollowsHeartbeatsAndErrorRate() throws InterruptedException {
        String id = api.post("/api/v1/agents", TestRuntime.agentJson("health-a", "t", "1.0.0")).data().get("id").asString();
        api.post("/api/v1/agents/" + id + "/start", null);
        var beat = api.post("/api/v1/agents/" + id + "/heartbeat",
                "{\"metrics\":{\"cpu\":12.5,\"memory\":300,\"uptime\":60,\"tasksCompleted\":7,\"errorRate\":0}}");
        assertThat(beat.status()).as(beat.toString()).isEqualTo(200);
        assertThat(beat.data().get("status").asString()).isEqualTo("healthy");

        var health = api.get("/api/v1/agents/" + id + "/health").data();
        assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("healthy");
        assertThat(health.get("metrics").get("tasksCompleted").asLong()).isEqualTo(7);
        assertThat(health.get("metrics").get("cpu").asDouble()).isEqualTo(12.5);
        assertThat(health.get("lastCheck").asString()).isNotBlank();

        Thread.sleep(2_300);
        assertThat(api.get("/api/v1/agents/" + id + "/health").data().get("status").asString()).isEqualTo("degraded");
        Thread.sleep(2_000);
        var stale = api.get("/api/v1/agents/" + id + "/health").data();
        assertThat(stale.get("status").asString()).isEqualTo("unhealthy");
        assertThat(stale.get("reason").asString()).contains("no heartbeat");
        assertThat(api.get("/api/v1/agents?health=unhealthy").data().size()).isEqualTo(1);

        assertThat(api.post("/api/v1/agents/" + id + "/heartbeat", "{}").data().get("status").asString()).isEqualTo("healthy");
        assertThat(api.post("/api/v1/agents/" + id + "/heartbeat", "{\"metrics\":{\"errorRate\":15}}").data().get("status").asString())
                .isEqualTo("degraded");
        assertThat(api.post("/api/v1/agents/" + id + "/heartbeat", "{\"metrics\":{\"errorRate\":60}}").data().get("status").asString())
                .isEqualTo("unhealthy");
        assertThat(api.get("/api/v1/agents/" + id).data().get("health").get("status").asString()).isEqualTo("unhealthy");
    }

    @Test
    void overviewCountsEveryActiveAgent() {
        String a = api.post("/api/v1/agents", TestRuntime.agentJson("overview-a", "t", "1.0.0")).data().get("id").asString();
        String b = api.post("/api/v1/agents", TestRuntime.agentJson("overview-b", "t", "1.0.0")).data().get("id").asString();
        api.post("/api/v1/agents/" + b + "/heartbeat", "{\"metrics\":{\"errorRate\":80}}");
        var overview = api.get("/api/v1/agents/health?namePrefix=overview-").data();
        assertThat(overview.get("summary").get("total").asInt()).isEqualTo(2);
        assertThat(overview.get("summary").get("unhealthy").asInt()).isEqualTo(1);
        assertThat(overview.get("summary").get("healthy").asInt()).isEqualTo(1);
        assertThat(overview.get("agents").size()).isEqualTo(2);
        api.delete("/api/v1/agents/" + a);
        assertThat(api.get("/api/v1/agents/health?namePrefix=overview-").data().get("summary").get("total").asInt()).isEqualTo(1);
        assertThat(api.post("/api/v1/agents/" + a + "/heartbeat", "{}").errorCode()).isEqualTo("INVALID_TRANSITION");
    }
}
