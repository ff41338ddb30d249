package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The echo type's simulated outage ({@code failUntil}): attempts before that instant fail retriably, so the task is
 * retried and then dead-lettered with the reason; redriven after the outage it runs to success and leaves the dead
 * letters. A failUntil that is not an instant is a 400 naming the field.
 */
class EchoOutageIT {
    private final Api api = TestRuntime.admin();

    @Test
    void attemptsFailUntilTheOutageEndsThenARedriveRunsTheTask() throws Exception {
        String agent = TestRuntime.runningTaskAgent(api, "{\"maxAttempts\":2,\"initialDelayMs\":50,\"multiplier\":1.0,\"maxDelayMs\":50}");
        Instant until = Instant.now().plusSeconds(4);
        String id = TasksLifecycleIT.submit(agent, "echo", "{\"message\":\"after the outage\",\"failUntil\":\"" + until + "\"}", null);

        var dead = Await.task(api, id, "dead_lettered").data();
        assertThat(dead.get("attempts").asInt()).isEqualTo(2);
        assertThat(dead.get("error").get("message").asString()).contains("simulated outage until " + until);
        assertThat(dead.get("error").get("retriable").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/dead-letters?limit=100").data().toString()).contains(id);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis() + 200));
        var redrive = api.post("/api/v1/dead-letters/redrive", "{\"taskIds\":[\"" + id + "\"]}");
        assertThat(redrive.status()).as(redrive.toString()).isEqualTo(200);
        assertThat(redrive.data().get("redriven").get(0).asString()).isEqualTo(id);
        var done = Await.task(api, id, "succeeded").data();
        assertThat(done.get("result").get("message").asString()).isEqualTo("after the outage");
        assertThat(api.get("/api/v1/dead-letters?limit=100").data().toString()).doesNotContain(id);

        var bad = api.post("/api/v1/tasks", "{\"type\":\"echo\",\"agentId\":\"" + agent + "\",\"payload\":{\"message\":\"x\",\"failUntil\":\"tomorrow\"}}");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("failUntil");
    }
}
