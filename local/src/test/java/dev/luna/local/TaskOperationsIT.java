package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.luna.core.Ids;
import dev.luna.core.Json;
import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.tasks.Priority;
import dev.luna.tasks.Progress;
import dev.luna.tasks.RetrySettings;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskMessage;
import dev.luna.tasks.TaskQueues;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.WebhookSigner;
import dev.luna.tasks.store.TaskStore;
import dev.luna.tasks.store.TaskStores;
import dev.luna.tasks.store.WebhookOutbox;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What runs around the tasks: the scheduled health-check (agent health, stuck tasks, lost messages, the DLQ),
 * the per-type circuit breaker, and signed webhooks retried with backoff. Where a test needs a worker that died,
 * it plays that worker itself through the same task store the functions use.
 */
class TaskOperationsIT {
    private static final Api api = TestRuntime.admin();
    private static String agent;
    private static AwsClients aws;
    private static TaskStore store;
    private static WebhookOutbox outbox;
    private static TaskQueues queues;

    @BeforeAll
    static void prepare() {
        agent = TestRuntime.runningTaskAgent(api);
        aws = TasksLifecycleIT.awsOf(TestRuntime.shared());
        var stores = TaskStores.create(aws);
        store = stores.tasks();
        outbox = stores.outbox();
        queues = new TaskQueues(aws);
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    private static JsonNode healthCheck() {
        var runtime = TestRuntime.shared();
        byte[] event = ("{\"version\":\"0\",\"id\":\"test\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\","
                + "\"time\":\"" + Instant.now() + "\",\"resources\":[\"arn:aws:scheduler:us-east-1:000000000000:schedule/default/luna-health-check\"],"
                + "\"detail\":{}}").getBytes(StandardCharsets.UTF_8);
        return Json.mapper().readTree(runtime.invoker().invoke("healthCheck", event));
    }

    /** A task as a worker would have left it, written straight to the store. */
    private static Task task(TaskStatus status, Instant startedAt, Instant queuedAt) {
        var b = new Task.Builder();
        b.id = new Ids(Clock.systemUTC()).next("tsk");
        b.projectId = "default";
        b.type = "test-noop";
        b.priority = Priority.NORMAL;
        b.payload = Json.tree("{\"planted\":true}");
        b.agentId = agent;
        b.agentVersion = "1.0.0";
        b.status = status;
        b.retry = new RetrySettings(3, 50, 2, 200);
        b.timeoutMs = 1_000;
        b.generation = 1;
        b.revision = 1;
        b.createdAt = queuedAt;
        b.updatedAt = queuedAt;
        b.queuedAt = queuedAt;
        b.enqueuedAt = queuedAt;
        b.createdBy = "test";
        if (status == TaskStatus.RUNNING) {
            b.attempts = 1;
            b.startedAt = startedAt;
            b.leaseOwner = "wrk_dead";
            b.leaseUntil = startedAt.plusSeconds(31);
            b.progress = new Progress("running", 40, null, null, List.of());
        }
        var t = b.build();
        assertThat(store.create(t)).isTrue();
        return t;
    }

    @Test
    void healthCheckPersistsAgentHealth() {
        String sick = TestRuntime.runningTaskAgent(api);
        String fine = TestRuntime.runningTaskAgent(api); // the class's own agent runs failing tasks, so it may be degraded
        api.post("/api/v1/agents/" + sick + "/heartbeat", "{\"metrics\":{\"errorRate\":75}}");
        var summary = healthCheck();
        assertThat(summary.get("function").asString()).isEqualTo("health-check");
        assertThat(summary.get("summary").get("agentsChecked").asInt()).isPositive();
        var item = aws.dynamo().getItem(b -> b.tableName("luna-agents").key(Attr.key("AGENT#" + sick, "HEAD")).consistentRead(true)).item();
        assertThat(Attr.str(item, "health")).isEqualTo("unhealthy");
        assertThat(Attr.str(item, "healthReason")).contains("error rate");
        var healthy = aws.dynamo().getItem(b -> b.tableName("luna-agents").key(Attr.key("AGENT#" + fine, "HEAD")).consistentRead(true)).item();
        assertThat(Attr.str(healthy, "health")).isEqualTo("healthy");
        var routed = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"payload\":{\"routing\":true}}");
        assertThat(routed.data().get("agentId").asString()).as("unhealthy agents are not routed to").isNotEqualTo(sick);
    }

    @Test
    void healthCheckTimesOutATaskStuckInRunning() {
        var stuck = task(TaskStatus.RUNNING, Instant.now().minus(Duration.ofMinutes(10)), Instant.now().minus(Duration.ofMinutes(11)));
        var fresh = task(TaskStatus.RUNNING, Instant.now(), Instant.now());
        healthCheck();
        var timedOut = api.get("/api/v1/tasks/" + stuck.id()).data();
        assertThat(timedOut.get("status").asString()).isEqualTo("timed_out");
        assertThat(timedOut.get("error").get("errorClass").asString()).isEqualTo("Stuck");
        assertThat(timedOut.get("error").get("lastStage").asString()).isEqualTo("running");
        assertThat(api.get("/api/v1/tasks/" + fresh.id()).data().get("status").asString()).isEqualTo("running");
        api.delete("/api/v1/tasks/" + fresh.id());
    }

    @Test
    void healthCheckResendsTheMessageOfATaskQueuedLongAgoThatNothingPickedUp() {
        var lost = task(TaskStatus.QUEUED, null, Instant.now().minus(Duration.ofMinutes(20)));
        var summary = healthCheck();
        assertThat(summary.get("summary").get("requeued").asInt()).isPositive();
        var done = Await.task(api, lost.id(), "succeeded").data();
        assertThat(done.get("result").get("echo").get("planted").asBoolean()).isTrue();
    }

    @Test
    void healthCheckLeavesATaskWaitingOutItsBackoffAlone() {
        var waiting = task(TaskStatus.QUEUED, null, Instant.now().minus(Duration.ofMinutes(20)));
        var b = waiting.toBuilder();
        b.nextAttemptAt = Instant.now().plus(Duration.ofHours(1));
        b.revision = waiting.revision() + 1;
        assertThat(store.replace(b.build())).isTrue();
        healthCheck();
        var after = store.get(waiting.id()).orElseThrow();
        assertThat(after.enqueuedAt()).as("no message re-sent before the backoff ends").isEqualTo(waiting.enqueuedAt());
        assertThat(after.status()).isEqualTo(TaskStatus.QUEUED);
        api.delete("/api/v1/tasks/" + waiting.id());
    }

    @Test
    void healthCheckDeadLettersTasksWhoseMessageSqsMovedToTheDlq() {
        var poisoned = task(TaskStatus.QUEUED, null, Instant.now());
        queues.send(TaskQueues.DLQ, Json.write(new TaskMessage(poisoned.id(), poisoned.generation())), Duration.ZERO, Map.of());
        var summary = healthCheck();
        assertThat(summary.get("summary").get("deadLetterQueue").get("deadLettered").asInt()).isPositive();
        var dead = api.get("/api/v1/tasks/" + poisoned.id()).data();
        assertThat(dead.get("status").asString()).isEqualTo("dead_lettered");
        assertThat(dead.get("error").get("errorClass").asString()).isEqualTo("MaxReceiveCountExceeded");
        var redrive = api.post("/api/v1/dead-letters/redrive", "{\"taskIds\":[\"" + poisoned.id() + "\"]}");
        assertThat(redrive.data().get("redriven").get(0).asString()).isEqualTo(poisoned.id());
        Await.task(api, poisoned.id(), "succeeded");
    }

    @Test
    void theCircuitBreakerPausesAFailingTypeAndProbesBeforeClosing() {
        String oneShot = TestRuntime.runningTaskAgent(api, "{\"maxAttempts\":1,\"initialDelayMs\":0,\"multiplier\":1.0,\"maxDelayMs\":0}");
        TestTaskTypes.BREAKER_DOWNSTREAM_UP.set(false);
        try {
            for (int i = 0; i < 20; i++) {
                String id = TasksLifecycleIT.submit(oneShot, "test-breaker", "{\"i\":" + i + "}", null);
                Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.data().get("status").asString().equals("dead_lettered"), "failure " + i);
            }
            var state = breaker();
            assertThat(state.get("status").asString()).isEqualTo("open");
            assertThat(state.get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(20);
        } finally {
            TestTaskTypes.BREAKER_DOWNSTREAM_UP.set(true);
        }
        Instant openUntil = Instant.parse(breaker().get("openUntil").asString());
        String probe = TasksLifecycleIT.submit(oneShot, "test-breaker", "{\"probe\":true}", null);
        var done = Await.task(api, probe, "succeeded").data();
        assertThat(Instant.parse(done.get("startedAt").asString())).as("no task of the type ran while the circuit was open")
                .isAfterOrEqualTo(openUntil);
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        var closed = breaker();
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("consecutiveFailures").asInt()).isZero();
        assertThat(closed.get("opens").asInt()).isPositive();
    }

    private static JsonNode breaker() {
        var item = aws.dynamo().getItem(b -> b.tableName("luna-tasks").key(Attr.key("CIRCUIT#test-breaker", "STATE")).consistentRead(true)).item();
        return Json.tree(Attr.str(item, "doc"));
    }

    @Test
    void finishedTasksArePostedToTheirWebhookSignedAndRetriedUntilAccepted() throws Exception {
        var received = new CopyOnWriteArrayList<String[]>();
        var calls = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst("X-Luna-Signature"), body,
                    exchange.getRequestHeaders().getFirst("X-Luna-Event")});
            int status = calls.incrementAndGet() == 1 ? 503 : 204; // the first delivery fails
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            String id = TasksLifecycleIT.submit(agent, "test-noop", "{\"hook\":true}", "\"webhookUrl\":\"" + url + "\"");
            Await.task(api, id, "succeeded");
            Await.until(received::size, n -> n >= 2, "the webhook to be retried after a 503", Duration.ofSeconds(60));
            var signer = new WebhookSigner(TestRuntime.WEBHOOK_SECRET);
            for (var r : received) {
                assertThat(signer.verify(r[0], r[1], Instant.now(), Duration.ofMinutes(5))).as("signature " + r[0]).isTrue();
                assertThat(signer.verify(r[0], r[1] + " ", Instant.now(), Duration.ofMinutes(5))).isFalse();
                var body = Json.tree(r[1]);
                assertThat(body.get("event").asString()).isEqualTo("task.succeeded");
                assertThat(r[2]).isEqualTo("task.succeeded");
                assertThat(body.get("task").get("id").asString()).isEqualTo(id);
                assertThat(body.get("task").get("status").asString()).isEqualTo("succeeded");
            }
            assertThat(Json.tree(received.get(0)[1]).get("deliveryId").asString())
                    .as("the same delivery, redelivered").isEqualTo(Json.tree(received.get(1)[1]).get("deliveryId").asString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebhookOwedWhenTheProcessDiedBeforeQueueingItIsSentByTheHealthCheck() throws Exception {
        var received = new CopyOnWriteArrayList<String>();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/owed", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            // a worker wrote the task's end two minutes ago and died before queueing its webhook: the outbox entry
            // committed with the end is all that is left of it
            Instant ended = Instant.now().minusSeconds(120);
            var b = task(TaskStatus.QUEUED, null, ended.minusSeconds(5)).toBuilder();
            b.status = TaskStatus.SUCCEEDED;
            b.attempts = 1;
            b.startedAt = ended.minusSeconds(1);
            b.completedAt = ended;
            b.updatedAt = ended;
            b.result = Json.tree("{\"ok\":true}");
            b.webhookUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/owed";
            b.revision = 2;
            var finished = b.build();
            assertThat(store.replace(finished)).isTrue();
            assertThat(outbox.owed(Instant.now(), 1000)).extracting(WebhookOutbox.OwedWebhook::taskId).contains(finished.id());

            var report = healthCheck();
            assertThat(report.get("summary").get("webhooksResent").asInt()).isPositive();
            Await.until(() -> received.stream().anyMatch(r -> r.contains(finished.id())), ok -> ok, "the owed webhook to arrive");
            var delivered = received.stream().filter(r -> r.contains(finished.id())).findFirst().map(Json::tree).orElseThrow();
            assertThat(delivered.get("deliveryId").asString()).as("one id per task end").isEqualTo("dlv_" + finished.id() + "_r2");
            assertThat(outbox.owed(Instant.now(), 1000)).extracting(WebhookOutbox.OwedWebhook::taskId).doesNotContain(finished.id());
        } finally {
            server.stop(0);
        }
    }
}
