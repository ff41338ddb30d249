package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.store.AwsClients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The queues API, and submitting tasks straight onto the submission queue over the SQS protocol. */
class QueuesIT {
    private static final Api api = TestRuntime.admin();
    private static String agent;
    private static AwsClients aws;

    @BeforeAll
    static void prepare() {
        agent = TestRuntime.runningTaskAgent(api);
        aws = TasksLifecycleIT.awsOf(TestRuntime.shared());
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @Test
    void theFivePriorityQueuesAreListedWithTheirWorkers() {
        var r = api.get("/api/v1/queues");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().findValuesAsString("id")).containsExactly("critical", "high", "normal", "low", "background");
        var critical = r.data().get(0);
        assertThat(critical.get("priority").asInt()).isEqualTo(1);
        // each priority queue is one SQS queue per task type, consumed by that type's worker function
        var echoCritical = typeQueue(critical, "echo");
        assertThat(echoCritical.get("worker").asString()).isEqualTo("task-echo");
        assertThat(echoCritical.get("queue").asString()).isEqualTo("tasks-echo-critical");
        assertThat(echoCritical.get("maxConcurrency").asInt()).isGreaterThan(typeQueue(r.data().get(4), "echo").get("maxConcurrency").asInt());
        assertThat(typeQueue(critical, "test-noop").get("worker").asString()).isEqualTo("task-test-noop");
        assertThat(critical.has("depth")).isTrue();
        assertThat(critical.has("inFlight")).isTrue();
    }

    @Test
    void statsCountAttemptsWithLatencies() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) ids.add(TasksLifecycleIT.submit(agent, "test-noop", "{\"i\":" + i + "}", "\"priority\":\"low\""));
        String failing = TasksLifecycleIT.submit(agent, "test-fatal", "{}", "\"priority\":\"low\"");
        ids.forEach(id -> Await.task(api, id, "succeeded"));
        Await.task(api, failing, "failed");
        var stats = api.get("/api/v1/queues/low/stats?windowMinutes=5");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        var d = stats.data();
        assertThat(d.get("id").asString()).isEqualTo("low");
        assertThat(d.get("attempts").get("succeeded").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(d.get("attempts").get("failed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(d.get("failures").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(d.get("throughputPerMinute").asDouble()).isGreaterThan(0);
        assertThat(d.get("waitMs").get("p50").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(d.get("waitMs").get("p95").asLong()).isGreaterThanOrEqualTo(d.get("waitMs").get("p50").asLong());
        assertThat(d.get("runMs").get("p95").isNumber()).isTrue();
        assertThat(d.has("deadLetterQueueDepth")).isTrue();
        assertThat(d.get("windowMinutes").asInt()).isEqualTo(5);
    }

    @Test
    void waitingTasksCanBeMovedToAnotherPriority() {
        String slow = TestRuntime.runningTaskAgent(api, "{\"maxAttempts\":3,\"initialDelayMs\":60000,\"multiplier\":2.0,\"maxDelayMs\":60000}");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 2; i++) ids.add(TasksLifecycleIT.submit(slow, "test-flaky", "{\"failTimes\":1,\"i\":" + i + "}", "\"priority\":\"background\""));
        for (String id : ids) {
            Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.data().get("status").asString().equals("queued")
                    && r.data().get("attempts").asInt() == 1, "a retry to be scheduled");
        }
        var moved = api.post("/api/v1/queues/background/prioritize", "{\"priority\":\"critical\",\"taskIds\":[\"" + ids.get(0) + "\",\"tsk_missing\"]}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.data().get("from").asString()).isEqualTo("background");
        assertThat(moved.data().get("to").asString()).isEqualTo("critical");
        assertThat(moved.data().get("moved").get(0).asString()).isEqualTo(ids.get(0));
        assertThat(moved.data().get("skipped").get(0).get("taskId").asString()).isEqualTo("tsk_missing");
        var task = api.get("/api/v1/tasks/" + ids.get(0)).data();
        assertThat(task.get("priority").asInt()).isEqualTo(1);
        assertThat(task.get("queue").asString()).isEqualTo("critical");
        assertThat(task.get("status").asString()).isEqualTo("queued");
        assertThat(task.get("nextAttemptAt").asString()).as("the backoff is kept").isNotBlank();
        var byLimit = api.post("/api/v1/queues/background/prioritize", "{\"priority\":2,\"limit\":100}");
        assertThat(byLimit.data().get("moved").findValuesAsString("moved")).isEmpty();
        assertThat(byLimit.data().get("moved").toString()).contains(ids.get(1)).doesNotContain(ids.get(0));
        assertThat(api.get("/api/v1/tasks/" + ids.get(1)).data().get("priority").asInt()).isEqualTo(2);
        for (String id : ids) api.delete("/api/v1/tasks/" + id);
    }

    @Test
    void aMessageOnTheSubmissionQueueIsATask() {
        String marker = TestRuntime.unique("sqs");
        String url = aws.sqs().getQueueUrl(b -> b.queueName("luna-task-submissions")).queueUrl();
        aws.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"type\":\"test-noop\",\"agentId\":\"" + agent
                + "\",\"priority\":\"high\",\"payload\":{\"marker\":\"" + marker + "\"}}"));
        var ids = new ArrayList<String>();
        Await.until(() -> {
            for (var t : api.get("/api/v1/tasks?type=test-noop&limit=100").data()) {
                if (!t.get("createdBy").asString().equals("sqs:task-submissions") || ids.contains(t.get("id").asString())) continue;
                if (api.get("/api/v1/tasks/" + t.get("id").asString()).data().get("payload").path("marker").asString("").equals(marker)) {
                    ids.add(t.get("id").asString());
                }
            }
            return ids;
        }, found -> !found.isEmpty(), "the submitted task to appear");
        String id = ids.get(0);
        assertThat(id).startsWith("tsk_Q");
        var task = Await.task(api, id, "succeeded").data();
        assertThat(task.get("createdBy").asString()).isEqualTo("sqs:task-submissions");
        assertThat(task.get("priority").asInt()).isEqualTo(2);
    }

    @Test
    void anInvalidSubmissionEndsInTheDeadLetterQueueWithTheReason() {
        String marker = TestRuntime.unique("invalid");
        String url = aws.sqs().getQueueUrl(b -> b.queueName("luna-task-submissions")).queueUrl();
        aws.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"type\":\"no-such-type\",\"payload\":{\"marker\":\"" + marker + "\"}}"));
        aws.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"type\":\"test-noop\",\"payload\":{\"marker\":\"" + marker + "\"},\"priority\":9}")
                .messageAttributes(java.util.Map.of("projectId", MessageAttributeValue.builder().dataType("String").stringValue("default").build())));
        String dlq = aws.sqs().getQueueUrl(b -> b.queueName("luna-task-submissions-dlq")).queueUrl();
        var seen = new ArrayList<software.amazon.awssdk.services.sqs.model.Message>();
        Await.until(() -> {
            var batch = aws.sqs().receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            for (var m : batch) if (m.body().contains(marker)) seen.add(m);
            return seen.size();
        }, n -> n >= 2, "both invalid submissions in the DLQ");
        var codes = new ArrayList<String>();
        for (var m : seen) {
            codes.add(m.messageAttributes().get("errorCode").stringValue());
            assertThat(m.messageAttributes().get("reason").stringValue()).isNotBlank();
        }
        assertThat(codes).containsExactly("VALIDATION_FAILED", "VALIDATION_FAILED");
        for (var t : api.get("/api/v1/tasks?limit=100").data()) {
            if (t.get("createdBy").asString().startsWith("sqs:")) {
                assertThat(api.get("/api/v1/tasks/" + t.get("id").asString()).body()).doesNotContain(marker);
            }
        }
        List<String> bodies = seen.stream().map(software.amazon.awssdk.services.sqs.model.Message::body).toList();
        assertThat(bodies).allMatch(b -> b.contains(marker));
    }

    private static tools.jackson.databind.JsonNode typeQueue(tools.jackson.databind.JsonNode queue, String type) {
        for (var t : queue.get("types")) if (t.get("type").asString().equals(type)) return t;
        throw new AssertionError("no queue of type " + type + " in " + queue);
    }
}
