package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A task's life over HTTP: submit, run on the queue pollers, progress, result, cancel, retry, cache. */
class TasksLifecycleIT {
    private static final Api api = TestRuntime.admin();
    private static String agent;

    @BeforeAll
    static void agent() {
        agent = TestRuntime.runningTaskAgent(api);
    }

    static String submit(String type, String payload, String extra) {
        var r = api.post("/api/v1/tasks", "{\"type\":\"" + type + "\",\"agentId\":\"" + agent + "\",\"payload\":" + payload
                + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    @Test
    void aNoOpTaskRunsToSuccess() {
        var created = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"priority\":\"high\",\"agentId\":\"" + agent
                + "\",\"payload\":{\"n\":1}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/tasks/" + created.data().get("id").asString());
        assertThat(created.data().get("status").asString()).isEqualTo("queued");
        assertThat(created.data().get("priority").asInt()).isEqualTo(2);
        assertThat(created.data().get("queue").asString()).isEqualTo("high");
        assertThat(created.data().get("agentId").asString()).isEqualTo(agent);
        assertThat(created.data().get("maxAttempts").asInt()).isEqualTo(3);
        String id = created.data().get("id").asString();
        var done = Await.task(api, id, "succeeded").data();
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(done.get("progress").get("percentage").asInt()).isEqualTo(100);
        assertThat(done.get("result").get("ok").asBoolean()).isTrue();
        assertThat(done.get("resultLocation").asString()).isEqualTo("inline");
        assertThat(done.get("startedAt").asString()).isNotBlank();
        assertThat(done.get("completedAt").asString()).isNotBlank();
        var result = api.get("/api/v1/tasks/" + id + "/result");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("result").get("echo").get("n").asInt()).isEqualTo(1);
        var listed = api.get("/api/v1/tasks?type=test-noop&status=succeeded&priority=2&agentId=" + agent + "&limit=100");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.data().findValuesAsString("id")).contains(id);
    }
}
