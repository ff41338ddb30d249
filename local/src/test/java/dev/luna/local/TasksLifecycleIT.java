package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import dev.luna.tasks.TaskMessage;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A task's life over HTTP: submit, run on the queue pollers, progress, result, cancel, retry, dead letters, cache. */
class TasksLifecycleIT {
    private static final Api api = TestRuntime.admin();
    private static String agent;
    private static AwsClients aws;

    @BeforeAll
    static void agent() {
        agent = TestRuntime.runningTaskAgent(api);
        aws = awsOf(TestRuntime.shared());
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    static AwsClients awsOf(LocalRuntime runtime) {
        var e = runtime.emulators();
        var settings = Map.of(LunaConfig.DYNAMODB_ENDPOINT, e.dynamoEndpoint().toString(), LunaConfig.S3_ENDPOINT,
                e.s3Endpoint().toString(), LunaConfig.SQS_ENDPOINT, e.sqsEndpoint().toString(), LunaConfig.RESOURCE_PREFIX, "luna");
        return new AwsClients(LunaConfig.from(settings::get));
    }

    static String submit(String agentId, String type, String payload, String extra) {
        var r = api.post("/api/v1/tasks", "{\"type\":\"" + type + "\",\"agentId\":\"" + agentId + "\",\"payload\":" + payload
                + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    private static String submit(String type, String payload) {
        return submit(agent, type, payload, null);
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
        for (var t : listed.data()) {
            assertThat(t.has("payload")).as("lists leave out payloads").isFalse();
            assertThat(t.has("result")).as("and results").isFalse();
        }
        assertThat(api.get("/api/v1/tasks?type=test-noop&status=failed&agentId=" + agent).data().findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void autoRoutingPicksARunningAgentWithTheCapability() {
        var r = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"payload\":{}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String routed = r.data().get("agentId").asString();
        var routedAgent = api.get("/api/v1/agents/" + routed).data();
        assertThat(routedAgent.get("status").asString()).isEqualTo("running");
        assertThat(routedAgent.get("config").get("capabilities").findValuesAsString("capabilities")).isEmpty();
        assertThat(StreamSupport.stream(routedAgent.get("config").get("capabilities").spliterator(), false).map(JsonNode::asString))
                .contains("test-noop");
        Await.task(api, r.data().get("id").asString(), "succeeded");
    }

    @Test
    void progressStepsAreRecorded() {
        String id = submit("echo", "{\"message\":\"hi\",\"steps\":3,\"delayMs\":60}");
        var done = Await.task(api, id, "succeeded").data();
        var steps = done.get("progress").get("steps");
        assertThat(steps.size()).isEqualTo(3);
        for (var s : steps) {
            assertThat(s.get("status").asString()).isEqualTo("completed");
            assertThat(s.get("startedAt").asString()).isNotBlank();
            assertThat(s.get("completedAt").asString()).isNotBlank();
        }
        assertThat(done.get("result").get("message").asString()).isEqualTo("hi");
        assertThat(done.get("result").get("agentId").asString()).isEqualTo(agent);
    }

    @Test
    void aRunningTaskStopsAtItsNextProgressStepWhenCancelled() {
        String id = submit("test-until-cancelled", "{}");
        Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.data().get("status").asString().equals("running")
                && r.data().get("progress").get("percentage").asInt() > 0, "task to report progress");
        var cancel = api.delete("/api/v1/tasks/" + id);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
        assertThat(cancel.data().get("cancelRequested").asBoolean()).isTrue();
        var done = Await.task(api, id, "cancelled").data();
        assertThat(done.get("result")).isNull();
        assertThat(done.get("completedAt").asString()).isNotBlank();
        var again = api.delete("/api/v1/tasks/" + id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void aQueuedTaskThatIsCancelledNeverRuns() {
        String slow = TestRuntime.runningTaskAgent(api, "{\"maxAttempts\":3,\"initialDelayMs\":60000,\"multiplier\":2.0,\"maxDelayMs\":60000}");
        String id = submit(slow, "test-flaky", "{\"failTimes\":1}", null);
        var waiting = Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.data().get("status").asString().equals("queued")
                && r.data().get("attempts").asInt() == 1, "first attempt to fail and a retry to be scheduled").data();
        assertThat(waiting.get("nextAttemptAt").asString()).isNotBlank();
        assertThat(waiting.get("error").get("errorClass").asString()).isEqualTo("IllegalStateException");
        var cancel = api.delete("/api/v1/tasks/" + id);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.data().get("status").asString()).isEqualTo("cancelled");
        // the retry message is still on the queue; when it is delivered the task must not run
        var queues = new dev.luna.tasks.TaskQueues(aws);
        queues.enqueue(dev.luna.tasks.store.TaskStores.create(aws).tasks().get(id).orElseThrow(), java.time.Duration.ZERO);
        String marker = submit(slow, "test-noop", "{}", "\"priority\":\"" + cancel.data().get("queue").asString() + "\"");
        Await.task(api, marker, "succeeded");
        var after = api.get("/api/v1/tasks/" + id).data();
        assertThat(after.get("status").asString()).isEqualTo("cancelled");
        assertThat(after.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void retriableFailuresBackOffThenDeadLetterAndCanBeRedriven() {
        String id = submit("test-fail", "{}");
        var dead = Await.task(api, id, "dead_lettered").data();
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("error").get("errorClass").asString()).isEqualTo("IllegalStateException");
        assertThat(dead.get("error").get("message").asString()).isEqualTo("boom on attempt 3");
        assertThat(dead.get("error").get("lastStage").asString()).isEqualTo("failing");
        assertThat(dead.get("error").get("retriable").asBoolean()).isTrue();
        var letters = api.get("/api/v1/dead-letters?limit=100");
        assertThat(letters.status()).isEqualTo(200);
        JsonNode letter = null;
        for (var l : letters.data()) if (l.get("taskId").asString().equals(id)) letter = l;
        assertThat(letter).as("dead letter of " + id).isNotNull();
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(letter.get("analysis").get("attempt").asInt()).isEqualTo(3);
        assertThat(letter.get("analysis").get("errorClass").asString()).isEqualTo("IllegalStateException");
        assertThat(letter.get("analysis").get("lastStage").asString()).isEqualTo("failing");
        var redrive = api.post("/api/v1/dead-letters/redrive", "{\"taskIds\":[\"" + id + "\",\"tsk_00000000000000000000000000\"]}");
        assertThat(redrive.status()).as(redrive.toString()).isEqualTo(200);
        assertThat(redrive.data().get("redriven").findValuesAsString("redriven")).isEmpty();
        assertThat(redrive.data().get("redriven").get(0).asString()).isEqualTo(id);
        assertThat(redrive.data().get("skipped").get(0).get("taskId").asString()).isEqualTo("tsk_00000000000000000000000000");
        var again = Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.data().get("status").asString().equals("dead_lettered")
                && r.data().get("retries").asInt() == 1, "redriven task to dead-letter again").data();
        assertThat(again.get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void aFlakyTaskSucceedsOnALaterAttempt() {
        String id = submit("test-flaky", "{\"failTimes\":2}");
        var done = Await.task(api, id, "succeeded").data();
        assertThat(done.get("attempts").asInt()).isEqualTo(3);
        assertThat(done.get("result").get("attempt").asInt()).isEqualTo(3);
    }

    @Test
    void aNonRetriableFailureFailsAtOnceAndCanBeRetried() {
        String id = submit("test-fatal", "{}");
        var failed = Await.task(api, id, "failed").data();
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("error").get("retriable").asBoolean()).isFalse();
        assertThat(failed.get("error").get("message").asString()).isEqualTo("the payload cannot be processed");
        var retry = api.post("/api/v1/tasks/" + id + "/retry", null);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.data().get("status").asString()).isEqualTo("queued");
        var again = Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.data().get("status").asString().equals("failed")
                && r.data().get("retries").asInt() == 1, "retried task to fail again").data();
        assertThat(again.get("attempts").asInt()).isEqualTo(1);
        var result = api.get("/api/v1/tasks/" + id + "/result");
        assertThat(result.status()).isEqualTo(409);
    }

    @Test
    void aTaskThatExceedsItsTimeoutIsTimedOut() {
        String id = submit("test-timeout", "{}");
        var done = Await.task(api, id, "timed_out").data();
        assertThat(done.get("error").get("errorClass").asString()).isEqualTo("Timeout");
        assertThat(done.get("timeoutMs").asLong()).isEqualTo(300);
        assertThat(api.post("/api/v1/tasks/" + id + "/retry", null).status()).isEqualTo(202);
    }

    @Test
    void largeResultsLiveInS3AndArtifactsAreListed() {
        String id = submit("test-large", "{}");
        var done = Await.task(api, id, "succeeded").data();
        assertThat(done.get("resultLocation").asString()).isEqualTo("s3");
        assertThat(done.get("result")).isNull();
        assertThat(done.get("resultBytes").asLong()).isGreaterThan(100_000);
        assertThat(done.get("artifacts").get(0).get("name").asString()).isEqualTo("report.txt");
        String key = done.get("artifacts").get(0).get("key").asString();
        assertThat(new String(aws.s3().getObjectAsBytes(b -> b.bucket("luna-artifacts").key(key)).asByteArray())).isEqualTo("hello artifact");
        var result = api.get("/api/v1/tasks/" + id + "/result");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("location").asString()).isEqualTo("s3");
        assertThat(result.data().get("result").get("blob").asString()).hasSize(100_000);
    }

    @Test
    void identicalSubmissionsAreServedFromTheCacheUnlessTheCallerOptsOut() {
        String marker = TestRuntime.unique("cache");
        String first = submit(agent, "test-noop", "{\"m\":\"" + marker + "\",\"a\":1,\"list\":[1,2]}", null);
        Await.task(api, first, "succeeded");
        var cached = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"agentId\":\"" + agent + "\",\"payload\":{\"list\":[1,2],\"a\":1.0,\"m\":\""
                + marker + "\"}}");
        assertThat(cached.status()).isEqualTo(201);
        assertThat(cached.data().get("status").asString()).isEqualTo("succeeded");
        assertThat(cached.data().get("cached").asBoolean()).isTrue();
        assertThat(cached.data().get("cachedFrom").asString()).isEqualTo(first);
        assertThat(cached.data().get("result").get("echo").get("m").asString()).isEqualTo(marker);
        var fresh = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"agentId\":\"" + agent + "\",\"cache\":false,\"payload\":{\"list\":[1,2],\"a\":1,\"m\":\""
                + marker + "\"}}");
        assertThat(fresh.data().get("status").asString()).isEqualTo("queued");
        assertThat(fresh.data().get("cached").asBoolean()).isFalse();
        var other = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"agentId\":\"" + agent + "\",\"payload\":{\"list\":[2,1],\"a\":1,\"m\":\""
                + marker + "\"}}");
        assertThat(other.data().get("status").asString()).as("a different payload is not a hit").isEqualTo("queued");
    }

    @Test
    void aTaskEffectHappensExactlyOnceEvenWhenItsMessageIsDeliveredAgain() {
        String id = submit("test-effect", "{\"sleepMs\":300}");
        Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.data().get("status").asString().equals("running"), "task to run");
        var store = dev.luna.tasks.store.TaskStores.create(aws).tasks();
        var queues = new dev.luna.tasks.TaskQueues(aws);
        var running = store.get(id).orElseThrow();
        // SQS delivers at least once: the same message again, while the attempt runs and after it ended
        queues.send("tasks-test-effect-normal", Json.write(new TaskMessage(id, running.generation())), java.time.Duration.ZERO, Map.of());
        Await.task(api, id, "succeeded");
        queues.send("tasks-test-effect-normal", Json.write(new TaskMessage(id, running.generation())), java.time.Duration.ZERO, Map.of());
        // and once on another type's queue: that worker forwards it to the task's own queue, where it is stale
        queues.send("tasks-echo-critical", Json.write(new TaskMessage(id, running.generation())), java.time.Duration.ZERO, Map.of());
        String marker = submit("test-noop", "{\"after\":\"" + id + "\"}");
        Await.task(api, marker, "succeeded");
        var effect = aws.dynamo().getItem(b -> b.tableName("luna-tasks").key(Attr.key("EFFECT#" + id, "EFFECT")).consistentRead(true)).item();
        assertThat(Attr.num(effect, "effects", 0)).isEqualTo(1);
        assertThat(api.get("/api/v1/tasks/" + id).data().get("attempts").asInt()).isEqualTo(1);
    }
}
