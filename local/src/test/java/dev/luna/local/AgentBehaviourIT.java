package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agents that behave, over HTTP against a runtime of their own (heartbeats would turn an agent degraded after 1 s and
 * unhealthy after 2 s): health comes from the agent's work, auto-routing shares work and skips failing agents, the
 * token quota stops gateway calls, and the metrics endpoint shows what ran. Each test uses task types no other test
 * here gives its agents, so auto-routing only sees the test's own agents.
 */
class AgentBehaviourIT {
    private static LocalRuntime runtime;
    private static Api api;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(TestRuntime.ADMIN_KEY)
                .setting("LUNA_AGENT_DEGRADED_AFTER_SECONDS", "1").setting("LUNA_AGENT_UNHEALTHY_AFTER_SECONDS", "2")
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .setting("LUNA_CIRCUIT_FAILURE_THRESHOLD", "50")
                .initializer(TestTaskTypes::register).start();
        api = new Api(runtime.baseUri(), TestRuntime.ADMIN_KEY);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static String agent(String quota, String... capabilities) {
        var caps = String.join(",", java.util.Arrays.stream(capabilities).map(c -> "\"" + c + "\"").toList());
        var r = api.post("/api/v1/agents", """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":[%s],
                 "retryPolicy":{"maxAttempts":1}},"resourceQuota":%s}""".formatted(TestRuntime.unique("behave"), caps, quota));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.data().get("id").asString();
        assertThat(api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    private static Api.Response submit(String agentId, String type, String payload) {
        String target = agentId == null ? "" : "\"agentId\":\"" + agentId + "\",";
        return api.post("/api/v1/tasks", "{" + target + "\"type\":\"" + type + "\",\"cache\":false,\"payload\":" + payload + "}");
    }

    private static JsonNode finished(String taskId) {
        return Await.until(() -> api.get("/api/v1/tasks/" + taskId).data(),
                t -> Set.of("succeeded", "failed", "timed_out", "dead_lettered").contains(t.get("status").asString()),
                "task " + taskId + " to finish", Duration.ofSeconds(40));
    }

    @Test
    void anIdleStartedAgentStaysHealthyAndTakesAutoRoutedTasks() throws InterruptedException {
        String id = agent("{}", "test-noop");
        Thread.sleep(2_500); // past the window after which a started agent without heartbeats used to be unhealthy
        var health = api.get("/api/v1/agents/" + id + "/health").data();
        assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("healthy");
        assertThat(health.get("reason").asString()).contains("idle");
        assertThat(health.get("inputs").get("tasksFinished").asInt()).isZero();
        assertThat(health.get("inputs").path("heartbeatAt").isMissingNode() || health.get("inputs").get("heartbeatAt").isNull()).isTrue();

        var routed = submit(null, "test-noop", "{}");
        assertThat(routed.status()).as(routed.toString()).isEqualTo(201);
        assertThat(routed.data().get("agentId").asString()).isEqualTo(id);
        assertThat(finished(routed.data().get("id").asString()).get("status").asString()).isEqualTo("succeeded");
        var after = api.get("/api/v1/agents/" + id + "/health").data();
        assertThat(after.get("status").asString()).isEqualTo("healthy");
        assertThat(after.get("inputs").get("tasksFinished").asInt()).isEqualTo(1);
        assertThat(after.get("inputs").get("lastInvocationAt").asString()).isNotBlank();
    }

    @Test
    void anAgentWhoseTasksKeepFailingTurnsUnhealthyAndRoutingSkipsIt() {
        String failing = agent("{}", "test-fail", "test-timeout", "test-schema");
        String sound = agent("{}", "test-schema");
        assertThat(finished(submit(failing, "test-fail", "{}").data().get("id").asString()).get("status").asString()).isIn("failed", "dead_lettered");
        assertThat(finished(submit(failing, "test-timeout", "{}").data().get("id").asString()).get("status").asString()).isEqualTo("timed_out");
        var degraded = api.get("/api/v1/agents/" + failing + "/health").data();
        assertThat(degraded.get("status").asString()).as(degraded.toString()).isEqualTo("degraded");
        assertThat(degraded.get("inputs").get("tasksTimedOut").asInt()).isEqualTo(1);

        assertThat(finished(submit(failing, "test-fail", "{}").data().get("id").asString()).get("status").asString()).isIn("failed", "dead_lettered");
        var sick = api.get("/api/v1/agents/" + failing + "/health").data();
        assertThat(sick.get("status").asString()).as(sick.toString()).isEqualTo("unhealthy");
        assertThat(sick.get("reason").asString()).contains("last 3 tasks failed or timed out");
        assertThat(sick.get("inputs").get("tasksFailed").asInt()).isEqualTo(3);
        assertThat(sick.get("inputs").get("errorRate").asDouble()).isEqualTo(100.0);
        assertThat(api.get("/api/v1/agents/" + sound + "/health").data().get("status").asString()).isEqualTo("healthy");

        for (int i = 0; i < 4; i++) {
            var r = submit(null, "test-schema", "{\"name\":\"n" + i + "\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.data().get("agentId").asString()).as("the unhealthy agent is skipped").isEqualTo(sound);
        }
        api.post("/api/v1/agents/" + sound + "/stop", null);
        var none = submit(null, "test-schema", "{\"name\":\"x\"}");
        assertThat(none.status()).as("only an unhealthy agent is left").isEqualTo(409);
        assertThat(none.errorCode()).isEqualTo("AGENT_UNAVAILABLE");
    }

    @Test
    void twoCapableAgentsShareTheWorkWithinTheirQuota() {
        String a = agent("{\"maxConcurrentTasks\":3}", "test-sleep");
        String b = agent("{\"maxConcurrentTasks\":3}", "test-sleep");
        var byAgent = new HashMap<String, List<String>>();
        for (int i = 0; i < 20; i++) {
            var r = submit(null, "test-sleep", "{\"ms\":150,\"n\":" + i + "}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            byAgent.computeIfAbsent(r.data().get("agentId").asString(), k -> new ArrayList<>()).add(r.data().get("id").asString());
        }
        assertThat(byAgent.keySet()).containsExactlyInAnyOrder(a, b);
        assertThat(byAgent.get(a).size()).as("tasks routed to a (b got %d)", byAgent.get(b).size()).isBetween(7, 13);
        for (var e : byAgent.entrySet()) {
            var intervals = new ArrayList<Instant[]>();
            for (String id : e.getValue()) {
                var t = finished(id);
                assertThat(t.get("status").asString()).isEqualTo("succeeded");
                intervals.add(new Instant[] {Instant.parse(t.get("startedAt").asString()), Instant.parse(t.get("completedAt").asString())});
            }
            assertThat(AgentConcurrencyIT.maxOverlap(intervals)).as("tasks of %s running at once", e.getKey()).isBetween(1, 3);
        }
    }

    @Test
    void metricsMatchTheTasksRun() {
        String id = agent("{\"maxConcurrentTasks\":4}", "test-effect", "test-fatal");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) ids.add(submit(id, "test-effect", "{\"sleepMs\":" + (40 * (i + 1)) + "}").data().get("id").asString());
        ids.add(submit(id, "test-fatal", "{}").data().get("id").asString());
        var durations = new ArrayList<Long>();
        for (String t : ids) {
            var task = finished(t);
            durations.add(Duration.between(Instant.parse(task.get("startedAt").asString()), Instant.parse(task.get("completedAt").asString())).toMillis());
        }
        durations.sort(null);

        var r = api.get("/api/v1/agents/" + id + "/metrics");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var m = r.data();
        assertThat(m.get("agentId").asString()).isEqualTo(id);
        assertThat(m.get("tasksTotal").asInt()).isEqualTo(4);
        assertThat(m.get("tasksByStatus").get("succeeded").asInt()).isEqualTo(3);
        assertThat(m.get("tasksByStatus").get("failed").asInt()).isEqualTo(1);
        assertThat(m.get("tasksByStatus").get("running").asInt()).isZero();
        assertThat(m.get("tasksInFlight").asInt()).isZero();
        assertThat(m.get("tasksFinished").asInt()).isEqualTo(4);
        assertThat(m.get("errorRate").asDouble()).isEqualTo(25.0);
        assertThat(m.get("p50DurationMs").asLong()).isEqualTo(durations.get(1));
        assertThat(m.get("p95DurationMs").asLong()).isEqualTo(durations.get(3));
        assertThat(m.get("tokensToday").asLong()).isZero();
        assertThat(m.get("quota").get("maxConcurrentTasks").asInt()).isEqualTo(4);
        assertThat(m.get("quota").get("tasksRunning").asInt()).isZero();
        assertThat(m.get("day").asString()).isEqualTo(Instant.now().toString().substring(0, 10));

        var malformed = api.get("/api/v1/agents/agt_does_not_exist/metrics");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.json().get("error").get("code").asString()).isNotBlank();
        var missing = api.get("/api/v1/agents/agt_01JEXAMPLE0000000000000000/metrics");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(missing.json().get("error").get("requestId").asString()).isNotBlank();
        assertThat(api.post("/api/v1/agents/" + id + "/metrics", "{}").status()).isEqualTo(405);
    }

    @Test
    void theTokenQuotaStopsGatewayCallsOnceUsedUp() {
        long limit = 150;
        String id = agent("{\"tokenLimitPerDay\":" + limit + "}", "test-until-cancelled");
        int admitted = 0;
        Api.Response refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            long used = api.get("/api/v1/agents/" + id).data().get("quotaUsage").get("tokensToday").asLong();
            var r = api.post("/api/v1/ai/chat/completions", """
                    {"model":"auto","max_tokens":30,"messages":[{"role":"user","content":"Describe agent quotas, take %d."}],
                     "luna":{"agentId":"%s"}}""".formatted(i, id));
            if (used < limit) {
                assertThat(r.status()).as("with %d of %d tokens used: %s", used, limit, r).isEqualTo(200);
                admitted++;
            } else {
                refused = r;
            }
        }
        assertThat(admitted).as("calls admitted before the quota was reached").isGreaterThanOrEqualTo(2);
        assertThat(refused).as("a call once the quota was reached").isNotNull();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(refused.json().get("error").get("details").get("tokenLimitPerDay").asLong()).isEqualTo(limit);

        var usage = api.get("/api/v1/agents/" + id).data().get("quotaUsage");
        assertThat(usage.get("tokensToday").asLong()).isGreaterThanOrEqualTo(limit);
        assertThat(usage.get("tokensRemaining").asLong()).isZero();
        assertThat(usage.get("modelCallsToday").asLong()).isEqualTo(admitted);
        assertThat(api.get("/api/v1/agents/" + id + "/metrics").data().get("tokensToday").asLong()).isEqualTo(usage.get("tokensToday").asLong());
        var unattributed = api.post("/api/v1/ai/chat/completions", "{\"model\":\"auto\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(unattributed.status()).as("calls not attributed to the agent go on").isEqualTo(200);

        assertThat(api.put("/api/v1/agents/" + id, "{\"resourceQuota\":{\"tokenLimitPerDay\":-1}}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.put("/api/v1/agents/" + id, "{\"resourceQuota\":{\"maxExecutionTime\":0}}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.put("/api/v1/agents/" + id, "{\"resourceQuota\":{\"tokenLimitPerDay\":1000000}}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/ai/chat/completions", """
                {"model":"auto","max_tokens":10,"messages":[{"role":"user","content":"hi"}],"luna":{"agentId":"%s"}}""".formatted(id))
                .status()).as("a raised limit admits calls again").isEqualTo(200);
    }

    @Test
    void maxExecutionTimeCapsTheTimeoutOfTheAgentsTasks() {
        String id = agent("{\"maxExecutionTime\":2}", "test-until-cancelled");
        var r = submit(id, "test-until-cancelled", "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.data().get("timeoutMs").asLong()).isEqualTo(2_000);
        assertThat(finished(r.data().get("id").asString()).get("status").asString()).isEqualTo("timed_out");
    }
}
