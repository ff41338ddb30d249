package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad task input gets a specific 4xx in the error envelope and changes nothing stored. */
class TasksBadInputIT {
    private static final Api api = TestRuntime.admin();
    private static String agent;
    private static String stoppedAgent;
    private static String limitedAgent;
    private static String finished;

    @BeforeAll
    static void prepare() {
        agent = TestRuntime.runningTaskAgent(api);
        stoppedAgent = TestRuntime.runningTaskAgent(api);
        assertThat(api.post("/api/v1/agents/" + stoppedAgent + "/stop", null).status()).isEqualTo(200);
        limitedAgent = api.post("/api/v1/agents", TestRuntime.agentJson(TestRuntime.unique("limited"), "task-executor", "1.0.0", "echo"))
                .data().get("id").asString();
        api.post("/api/v1/agents/" + limitedAgent + "/start", null);
        finished = TasksLifecycleIT.submit(agent, "test-noop", "{}", null);
        Await.task(api, finished, "succeeded");
    }

    private static String body(String type, String payload, String extra) {
        return "{\"type\":\"" + type + "\",\"agentId\":\"" + agent + "\",\"payload\":" + payload + (extra == null ? "" : "," + extra) + "}";
    }

    static Stream<Arguments> badSubmissions() {
        return Stream.of(
                Arguments.of("unknown type", body("no-such-type", "{}", null), 400, "VALIDATION_FAILED", "type"),
                Arguments.of("bad type name", body("Code Analysis", "{}", null), 400, "VALIDATION_FAILED", "type"),
                Arguments.of("missing type", "{\"payload\":{}}", 400, "VALIDATION_FAILED", "type"),
                Arguments.of("missing payload", "{\"type\":\"test-noop\"}", 400, "VALIDATION_FAILED", "payload"),
                Arguments.of("payload not an object", body("test-noop", "[1,2]", null), 400, "VALIDATION_FAILED", "payload"),
                Arguments.of("payload missing a required field", body("test-schema", "{\"count\":1}", null), 400, "VALIDATION_FAILED", "payload.name"),
                Arguments.of("payload field of the wrong type", body("test-schema", "{\"name\":\"a\",\"count\":\"1\"}", null), 400, "VALIDATION_FAILED", "payload.count"),
                Arguments.of("payload field out of range", body("test-schema", "{\"name\":\"a\",\"count\":11}", null), 400, "VALIDATION_FAILED", "payload.count"),
                Arguments.of("payload unknown field", body("test-schema", "{\"name\":\"a\",\"colour\":\"red\"}", null), 400, "VALIDATION_FAILED", "payload.colour"),
                Arguments.of("payload enum", body("test-schema", "{\"name\":\"a\",\"mode\":\"turbo\"}", null), 400, "VALIDATION_FAILED", "payload.mode"),
                Arguments.of("priority out of range", body("test-noop", "{}", "\"priority\":6"), 400, "VALIDATION_FAILED", "priority"),
                Arguments.of("priority zero", body("test-noop", "{}", "\"priority\":0"), 400, "VALIDATION_FAILED", "priority"),
                Arguments.of("unknown priority name", body("test-noop", "{}", "\"priority\":\"urgent\""), 400, "VALIDATION_FAILED", "priority"),
                Arguments.of("unknown agent", "{\"type\":\"test-noop\",\"agentId\":\"agt_00000000000000000000000000\",\"payload\":{}}", 404, "NOT_FOUND", null),
                Arguments.of("agent id too short", "{\"type\":\"test-noop\",\"agentId\":\"agt_NOPE\",\"payload\":{}}", 400, "VALIDATION_FAILED", "agentId"),
                Arguments.of("malformed agent id", "{\"type\":\"test-noop\",\"agentId\":\"bob\",\"payload\":{}}", 400, "VALIDATION_FAILED", "agentId"),
                Arguments.of("webhook not http", body("test-noop", "{}", "\"webhookUrl\":\"ftp://example.com/x\""), 400, "VALIDATION_FAILED", "webhookUrl"),
                Arguments.of("webhook with credentials", body("test-noop", "{}", "\"webhookUrl\":\"https://u:p@example.com/x\""), 400, "VALIDATION_FAILED", "webhookUrl"),
                Arguments.of("unknown field", body("test-noop", "{}", "\"colour\":\"red\""), 400, "VALIDATION_FAILED", "colour"),
                Arguments.of("cache not a boolean", body("test-noop", "{}", "\"cache\":\"no\""), 400, "VALIDATION_FAILED", "cache"),
                Arguments.of("malformed JSON", "{\"type\":", 400, "MALFORMED_JSON", null),
                Arguments.of("oversized payload", body("test-noop", "{\"blob\":\"" + "x".repeat(300 * 1024) + "\"}", null), 413, "PAYLOAD_TOO_LARGE", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void badSubmissionsAreRejectedAndStoreNothing(String description, String body, int status, String code, String field) {
        int before = count();
        var r = api.post("/api/v1/tasks", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        if (field != null) {
            assertThat(r.json().get("error").get("details").get("violations").findValuesAsString("field")).contains(field);
        }
        assertThat(r.body()).doesNotContain("Exception");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void agentsThatCannotTakeTheTaskAreRefused() {
        int before = count();
        var stopped = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"agentId\":\"" + stoppedAgent + "\",\"payload\":{}}");
        assertThat(stopped.status()).isEqualTo(409);
        assertThat(stopped.errorCode()).isEqualTo("AGENT_UNAVAILABLE");
        assertThat(stopped.json().get("error").get("message").asString()).contains("stopped");
        var lacking = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"agentId\":\"" + limitedAgent + "\",\"payload\":{}}");
        assertThat(lacking.status()).isEqualTo(409);
        assertThat(lacking.errorCode()).isEqualTo("AGENT_UNAVAILABLE");
        assertThat(lacking.json().get("error").get("message").asString()).contains("capability");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void finishedTasksCannotBeCancelledNorActiveOnesRetried() {
        String before = api.get("/api/v1/tasks/" + finished).body().replaceAll("\"meta\".*", "");
        var cancel = api.delete("/api/v1/tasks/" + finished);
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.errorCode()).isEqualTo("INVALID_TRANSITION");
        var retry = api.post("/api/v1/tasks/" + finished + "/retry", null);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.errorCode()).isEqualTo("INVALID_TRANSITION");
        assertThat(retry.json().get("error").get("message").asString()).contains("succeeded");
        String running = TasksLifecycleIT.submit(agent, "test-until-cancelled", "{}", null);
        Await.task(api, running, "running");
        var retryRunning = api.post("/api/v1/tasks/" + running + "/retry", null);
        assertThat(retryRunning.status()).isEqualTo(409);
        assertThat(retryRunning.errorCode()).isEqualTo("INVALID_TRANSITION");
        api.delete("/api/v1/tasks/" + running);
        Await.task(api, running, "cancelled");
        assertThat(api.get("/api/v1/tasks/" + finished).body().replaceAll("\"meta\".*", "")).isEqualTo(before);
    }

    @Test
    void unknownTasksAndQueuesAreNotFound() {
        String unknown = "tsk_00000000000000000000000000";
        for (var r : new Api.Response[] {api.get("/api/v1/tasks/" + unknown), api.delete("/api/v1/tasks/" + unknown),
                api.post("/api/v1/tasks/" + unknown + "/retry", null), api.get("/api/v1/tasks/" + unknown + "/result"),
                api.get("/api/v1/queues/urgent/stats"), api.post("/api/v1/queues/urgent/prioritize", "{\"priority\":1}")}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void malformedTaskIdsAreRejectedBeforeAnyStoreIsAsked() {
        String huge = "tsk_" + "x".repeat(3000);
        for (var r : new Api.Response[] {api.get("/api/v1/tasks/tsk_nope"), api.delete("/api/v1/tasks/" + huge),
                api.post("/api/v1/tasks/" + huge + "/retry", null), api.get("/api/v1/tasks/" + huge + "/artifacts"),
                api.get("/api/v1/queues/" + "q".repeat(3000) + "/stats")}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
        var redrive = api.post("/api/v1/dead-letters/redrive", "{\"taskIds\":[\"" + huge + "\"]}");
        assertThat(redrive.status()).as(redrive.toString()).isEqualTo(400);
        assertThat(redrive.json().get("error").get("message").asString()).contains("taskIds[0]");
    }

    @Test
    void badListAndQueueParametersAreClientErrors() {
        assertThat(api.get("/api/v1/tasks?status=sleeping").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/tasks?priority=9").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/tasks?createdAfter=yesterday").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/tasks?createdAfter=2026-02-01T00:00:00Z&createdBefore=2026-01-01T00:00:00Z").errorCode())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/tasks?limit=0").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/tasks?cursor=garbage").errorCode()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/dead-letters?cursor=garbage").errorCode()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/queues/normal/stats?windowMinutes=0").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/v1/queues/normal/prioritize", "{}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/v1/queues/normal/prioritize", "{\"priority\":\"normal\"}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/v1/queues/normal/prioritize", "{\"priority\":7}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/v1/queues/normal/prioritize", "{\"priority\":1,\"limit\":500}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/v1/dead-letters/redrive", "{\"taskIds\":[\"a\"],\"limit\":3}").errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/v1/dead-letters/redrive", "{\"limit\":0}").errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void scopesAreEnforced() {
        var anonymous = api.withKey(null).get("/api/v1/tasks");
        assertThat(anonymous.status()).isEqualTo(401);
        var wrong = api.withKey("luna_not_a_real_key_0000000000000").post("/api/v1/tasks", body("test-noop", "{}", null));
        assertThat(wrong.status()).isEqualTo(401);
    }

    private static int count() {
        int n = 0;
        String next = "/api/v1/tasks?limit=100";
        while (next != null) {
            var r = api.get(next);
            n += r.data().size();
            var links = r.json().get("links");
            next = links.has("next") ? links.get("next").asString() : null;
        }
        return n;
    }
}
