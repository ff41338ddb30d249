package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.tasks.store.AgentSlots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * An agent's {@code resourceQuota.maxConcurrentTasks} holds: tasks beyond it wait as {@code pending} (without
 * holding a worker) and start as slots free up; a pending task can be cancelled and never runs; a slot left by a
 * worker that died between its writes is given back.
 */
class AgentConcurrencyIT {
    private static final Api api = TestRuntime.admin();
    private static AwsClients aws;

    @BeforeAll
    static void prepare() {
        aws = TasksLifecycleIT.awsOf(TestRuntime.shared());
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    private static String agent(int maxConcurrentTasks) {
        String body = """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":["test-sleep","test-noop"]},
                 "resourceQuota":{"maxConcurrentTasks":%d}}""".formatted(TestRuntime.unique("quota-agent"), maxConcurrentTasks);
        String id = api.post("/api/v1/agents", body).data().get("id").asString();
        assertThat(api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    private static String submit(String agent, String type, String payload) {
        var r = api.post("/api/v1/tasks", "{\"type\":\"" + type + "\",\"agentId\":\"" + agent + "\",\"cache\":false,\"payload\":" + payload + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    @Test
    void tasksBeyondTheAgentsQuotaWaitAsPendingAndNeverOverlapMoreThanIt() {
        String agent = agent(2);
        var ids = new ArrayList<String>();
        for (int i = 0; i < 6; i++) ids.add(submit(agent, "test-sleep", "{\"ms\":400,\"n\":" + i + "}"));
        Set<String> seen = new HashSet<>();
        Await.until(() -> {
            var statuses = new ArrayList<String>();
            for (String id : ids) statuses.add(api.get("/api/v1/tasks/" + id).data().get("status").asString());
            seen.addAll(statuses);
            return statuses;
        }, s -> s.stream().allMatch("succeeded"::equals), "all six tasks to succeed");
        assertThat(seen).as("states observed while the agent was full").contains("pending");

        var intervals = new ArrayList<Instant[]>();
        for (String id : ids) {
            JsonNode t = api.get("/api/v1/tasks/" + id).data();
            intervals.add(new Instant[] {Instant.parse(t.get("startedAt").asString()), Instant.parse(t.get("completedAt").asString())});
        }
        assertThat(maxOverlap(intervals)).as("tasks running at once").isEqualTo(2);
        assertThat(new AgentSlots(aws).holders(agent)).as("slots held once everything finished").isEmpty();
    }

    @Test
    void aPendingTaskCanBeCancelledAndNeverRuns() {
        String agent = agent(1);
        String running = submit(agent, "test-sleep", "{\"ms\":1500}");
        String waiting = submit(agent, "test-noop", "{\"wait\":true}");
        Await.until(() -> api.get("/api/v1/tasks/" + waiting).data(), t -> t.get("status").asString().equals("pending"), "the second task to wait");
        var pending = api.get("/api/v1/tasks/" + waiting).data();
        assertThat(pending.get("progress").get("message").asString()).contains(agent).contains("already runs 1 task, its maximum");
        var cancelled = api.delete("/api/v1/tasks/" + waiting);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.data().get("status").asString()).isEqualTo("cancelled");
        Await.task(api, running, "succeeded");
        var after = api.get("/api/v1/tasks/" + waiting).data();
        assertThat(after.get("status").asString()).isEqualTo("cancelled");
        assertThat(after.get("attempts").asInt()).isZero();
    }

    @Test
    void aSlotLeftByADeadWorkerIsGivenBack() {
        String agent = agent(1);
        // a worker that died after claiming a slot and before the task's write: its task does not exist
        aws.dynamo().updateItem(b -> b.tableName("luna-tasks").key(Attr.key("AGENT#" + agent, "SLOTS"))
                .updateExpression("ADD holders :ghost").expressionAttributeValues(Map.of(":ghost", AttributeValue.fromSs(List.of("tsk_ghost")))));
        String id = submit(agent, "test-noop", "{\"after\":\"ghost\"}");
        Await.task(api, id, "succeeded");
        assertThat(new AgentSlots(aws).holders(agent)).isEmpty();
    }

    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMillis(20);

    /**
     * How many of the [startedAt, completedAt] intervals run at once. Both instants are read from the clock just before
     * the claim and the outcome commit, and the quota is enforced by those transactions: a task that took a slot freed a
     * moment earlier can read its start a few milliseconds before the freeing task's recorded end. An end within
     * {@link #CLOCK_SKEW} of a start is therefore not counted as running at once (a real excess overlaps far longer).
     */
    static int maxOverlap(List<Instant[]> intervals) {
        int max = 0;
        for (var a : intervals) {
            int running = 0;
            for (var b : intervals) if (!b[0].isAfter(a[0]) && (b == a || b[1].isAfter(a[0].plus(CLOCK_SKEW)))) running++;
            max = Math.max(max, running);
        }
        return max;
    }
}
