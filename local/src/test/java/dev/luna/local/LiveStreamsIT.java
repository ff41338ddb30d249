package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The live streams of the local runtime with real clients (java.net.http WebSocket, an SSE reader over HttpClient):
 * every progress event of an echo task in order up to its terminal status, resuming from a sequence number, project
 * isolation, the close codes of refused connections, and bad frames.
 */
class LiveStreamsIT {
    private static URI base;
    private static Api admin;
    private static String agent;
    private static String otherProject;
    private static String otherKey;
    private static String agentsOnlyKey;

    @BeforeAll
    static void start() {
        base = TestRuntime.shared().baseUri();
        admin = TestRuntime.admin();
        agent = TestRuntime.runningTaskAgent(admin);
        otherProject = admin.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("live-other") + "\"}").data().get("id").asString();
        otherKey = key("[\"tasks:read\",\"tasks:write\",\"agents:read\"]", otherProject);
        agentsOnlyKey = key("[\"agents:read\"]", null);
    }

    private static String key(String scopes, String project) {
        var r = admin.post("/api/v1/api-keys", "{\"name\":\"live\",\"scopes\":" + scopes
                + (project == null ? "" : ",\"projectId\":\"" + project + "\"") + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("secret").asString();
    }

    private static String submitEcho(int steps, int delayMs) {
        var created = admin.post("/api/v1/tasks", "{\"type\":\"echo\",\"agentId\":\"" + agent + "\",\"payload\":{\"message\":\"live\",\"steps\":"
                + steps + ",\"delayMs\":" + delayMs + "}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data().get("id").asString();
    }

    private static boolean terminalOf(JsonNode event, String taskId) {
        return event.path("data").path("taskId").asString("").equals(taskId) && event.path("data").path("terminal").asBoolean();
    }

    private static List<JsonNode> ofTask(List<JsonNode> events, String taskId) {
        return events.stream().filter(e -> e.path("data").path("taskId").asString("").equals(taskId)).toList();
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutHoldingUpThePublisherOrTheOtherSubscribers() throws Exception {
        var hub = (dev.luna.realtime.LiveEventHub) TestRuntime.shared().liveEvents();
        String project = admin.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("live-slow") + "\"}").data().get("id").asString();
        String subscribe = "{\"type\":\"subscribe\",\"id\":\"n\",\"events\":[\"system_notification\"],\"projectId\":\"" + project + "\"}";
        int before = hub.subscriberCount();
        try (var reader = LiveClients.Ws.connect(base, "/api/v1/ws", TestRuntime.ADMIN_KEY)) {
            reader.next("connected");
            reader.send(subscribe);
            reader.next("subscribed");
            // a client that reads its acknowledgement, then nothing more: its socket buffers fill, then its outbox
            var acknowledged = new java.util.concurrent.CompletableFuture<Void>();
            var stalled = LiveClients.HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + TestRuntime.ADMIN_KEY)
                    .buildAsync(URI.create(base.toString().replaceFirst("^http", "ws") + "/api/v1/ws"), new java.net.http.WebSocket.Listener() {
                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                            if (data.toString().contains("\"subscribed\"")) acknowledged.complete(null);
                            else ws.request(1);
                            return null;
                        }
                    }).join();
            try {
                stalled.sendText(subscribe, true).join();
                acknowledged.get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(hub.subscriberCount()).isEqualTo(before + 2);

                int events = 12_000;
                var data = dev.luna.core.Json.object();
                data.put("level", "info");
                data.put("code", "BULK");
                data.put("message", "x".repeat(2_000));
                for (int i = 1; i <= events; i++) {
                    hub.publish(project, dev.luna.realtime.LiveEventKind.SYSTEM_NOTIFICATION, null, data);
                    // keep within 1,000 events of the reading client (a burst of 4,096 would drop it too), never of the stalled one
                    long paced = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                    while (i % 500 == 0 && reader.messages.size() < i - 1_000 && System.nanoTime() < paced) Thread.sleep(5);
                }

                // the publisher got through every event; the reading client gets them all, in order
                var got = reader.eventsUntil(e -> e.path("seq").asLong() == events);
                assertThat(got).hasSize(events);
                assertThat(got.getLast().path("seq").asLong()).isEqualTo(events);
                // the stalled one was closed (1013) and its subscription dropped, well before its 12,000 events
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (hub.subscriberCount() > before + 1 && System.nanoTime() < deadline) Thread.sleep(50);
                assertThat(hub.subscriberCount()).as("the stalled client's subscription is gone").isEqualTo(before + 1);
            } finally {
                stalled.abort();
            }
        }
    }

    @Test
    void aSubscriberReceivesEveryProgressEventOfAnEchoTaskInOrderThenItsTerminalStatus() {
        try (var ws = LiveClients.Ws.connect(base, "/api/v1/ws", TestRuntime.ADMIN_KEY)) {
            assertThat(ws.next().path("protocol").asString()).isEqualTo("luna.v1");
            ws.send(Map.of("type", "subscribe", "id", "tasks", "events", List.of("task_progress")));
            var ack = ws.next("subscribed");
            assertThat(ack.path("id").asString()).isEqualTo("tasks");
            assertThat(ack.path("projectId").asString()).isEqualTo("default");
            String task = submitEcho(4, 400);
            var events = ofTask(ws.eventsUntil(e -> terminalOf(e, task)), task);

            var stored = admin.get("/api/v1/tasks/" + task).data();
            assertThat(stored.path("status").asString()).isEqualTo("succeeded");
            // every stored change of the task, each once, in order: revisions 1..final without a gap
            var revisions = events.stream().map(e -> e.path("data").path("revision").asLong()).toList();
            var expected = new ArrayList<Long>();
            for (long r = revisions.getFirst(); r <= stored.path("revision").asLong(); r++) expected.add(r);
            assertThat(revisions).isEqualTo(expected);
            assertThat(events.getFirst().path("data").path("status").asString()).isIn("pending", "queued");
            assertThat(events.stream().map(e -> e.path("data").path("status").asString())).contains("running");
            var last = events.getLast();
            assertThat(last.path("type").asString()).isEqualTo("task_progress");
            assertThat(last.path("data").path("status").asString()).isEqualTo("succeeded");
            assertThat(last.path("data").path("percentage").asInt()).isEqualTo(100);
            assertThat(last.path("data").path("steps")).hasSize(4);
            var seqs = events.stream().map(e -> e.path("seq").asLong()).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            var percentages = events.stream().map(e -> e.path("data").path("percentage").asInt()).toList();
            assertThat(percentages).isSorted();
            assertThat(events).allMatch(e -> e.path("projectId").asString().equals("default")
                    && e.path("subject").asString().equals("task:" + task));
        }
    }

    @Test
    void aReconnectingClientResumesFromItsLastSequenceWithoutGapsOverWebSocketAndSse() {
        String task = submitEcho(3, 300);
        List<JsonNode> all;
        try (var first = LiveClients.Ws.connect(base, "/api/v1/tasks/" + task + "/progress", TestRuntime.ADMIN_KEY)) {
            assertThat(first.next("subscribed").path("subject").asString()).isEqualTo("task:" + task);
            all = first.eventsUntil(e -> terminalOf(e, task));
            assertThat(first.awaitClose()).as("the per-task stream ends with the task").isEqualTo(1000);
        }
        assertThat(all.size()).isGreaterThanOrEqualTo(4);
        long resumeAfter = all.get(1).path("seq").asLong();
        var missed = all.subList(2, all.size()).stream().map(e -> e.path("seq").asLong()).toList();

        try (var again = LiveClients.Ws.connect(base, "/api/v1/tasks/" + task + "/progress?since=" + resumeAfter, TestRuntime.ADMIN_KEY)) {
            assertThat(again.next("subscribed").path("historyComplete").asBoolean()).isTrue();
            var replayed = again.eventsUntil(e -> terminalOf(e, task));
            assertThat(replayed.stream().map(e -> e.path("seq").asLong()).toList()).isEqualTo(missed);
            assertThat(again.awaitClose()).isEqualTo(1000);
        }
        try (var ws = LiveClients.Ws.connect(base, "/api/v1/ws", TestRuntime.ADMIN_KEY)) {
            ws.send(Map.of("type", "subscribe", "id", "resume", "taskId", task, "since", resumeAfter));
            ws.next("subscribed");
            var replayed = ws.eventsUntil(e -> terminalOf(e, task));
            assertThat(replayed.stream().map(e -> e.path("seq").asLong()).toList()).isEqualTo(missed);
        }
        try (var sse = LiveClients.Sse.open(base, "/api/v1/events?types=task_progress", TestRuntime.ADMIN_KEY, Long.toString(resumeAfter))) {
            assertThat(sse.status).isEqualTo(200);
            assertThat(sse.contentType).startsWith("text/event-stream");
            assertThat(sse.next().event()).isEqualTo("ready");
            var ids = new ArrayList<Long>();
            while (true) {
                var e = sse.next();
                if (!e.data().path("data").path("taskId").asString("").equals(task)) continue;
                assertThat(e.event()).isEqualTo("task_progress");
                assertThat(e.id()).isEqualTo(e.data().path("seq").asLong());
                ids.add(e.id());
                if (e.data().path("data").path("terminal").asBoolean()) break;
            }
            assertThat(ids).isEqualTo(missed);
        }
    }

    @Test
    void anotherProjectsEventsNeverArrive() {
        try (var mine = LiveClients.Ws.connect(base, "/api/v1/ws", TestRuntime.ADMIN_KEY);
             var theirs = LiveClients.Ws.connect(base, "/api/v1/ws", otherKey);
             var theirSse = LiveClients.Sse.open(base, "/api/v1/events", otherKey, null)) {
            mine.next("connected");
            theirs.next("connected");
            mine.send(Map.of("type", "subscribe", "id", "all"));
            mine.next("subscribed");
            theirs.send(Map.of("type", "subscribe", "id", "all"));
            assertThat(theirs.next("subscribed").path("projectId").asString()).isEqualTo(otherProject);
            theirs.send(Map.of("type", "subscribe", "id", "peek", "projectId", "default"));
            var refused = theirs.next("error");
            assertThat(refused.path("id").asString()).isEqualTo("peek");
            assertThat(refused.path("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(theirSse.next().data().path("projectId").asString()).isEqualTo(otherProject);

            String task = submitEcho(2, 100);
            mine.eventsUntil(e -> terminalOf(e, task));
            // a marker published after the task in the other project proves their streams were live all along
            theirs.send(Map.of("type", "ping", "id", "after"));
            assertThat(theirs.next("pong").path("id").asString()).isEqualTo("after");
            assertThat(theirs.messages).noneMatch(m -> "event".equals(m.path("type").asString()));
            assertThat(theirSse.events).isEmpty();
        }
        try (var sse = LiveClients.Sse.open(base, "/api/v1/events?projectId=default", otherKey, null)) {
            assertThat(sse.status).isEqualTo(404);
            assertThat(sse.errorBody).contains("\"code\":\"NOT_FOUND\"");
        }
    }

    @Test
    void refusedConnectionsCloseWithTheDocumentedCodes() {
        String task = submitEcho(1, 0);
        try (var none = LiveClients.Ws.connect(base, "/api/v1/ws", null)) {
            assertThat(none.awaitClose()).isEqualTo(4401);
        }
        try (var wrong = LiveClients.Ws.connect(base, "/api/v1/ws", "luna_not_a_real_key_0000000000000000000000")) {
            assertThat(wrong.awaitClose()).isEqualTo(4401);
        }
        try (var jwt = LiveClients.Ws.connect(base, "/api/v1/tasks/" + task + "/progress", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln")) {
            assertThat(jwt.awaitClose()).isEqualTo(4401);
        }
        try (var otherTenant = LiveClients.Ws.connect(base, "/api/v1/tasks/" + task + "/progress", otherKey)) {
            assertThat(otherTenant.awaitClose()).isEqualTo(4404);
        }
        try (var noScope = LiveClients.Ws.connect(base, "/api/v1/tasks/" + task + "/progress", agentsOnlyKey)) {
            assertThat(noScope.awaitClose()).isEqualTo(4403);
        }
        try (var badId = LiveClients.Ws.connect(base, "/api/v1/tasks/not-a-task/progress", TestRuntime.ADMIN_KEY)) {
            assertThat(badId.awaitClose()).isEqualTo(4400);
        }
        try (var sse = LiveClients.Sse.open(base, "/api/v1/events", null, null)) {
            assertThat(sse.status).isEqualTo(401);
            assertThat(sse.errorBody).contains("\"code\":\"UNAUTHENTICATED\"");
        }
    }

    @Test
    void badFramesGetErrorFramesAndTheConnectionStaysUsable() {
        try (var ws = LiveClients.Ws.connect(base, "/api/v1/ws", TestRuntime.ADMIN_KEY)) {
            ws.next("connected");
            ws.send("{not json");
            assertThat(ws.next("error").path("code").asString()).isEqualTo("MALFORMED_JSON");
            ws.send("[1,2]");
            assertThat(ws.next("error").path("code").asString()).isEqualTo("VALIDATION_FAILED");
            ws.send(Map.of("type", "launch"));
            assertThat(ws.next("error").path("message").asString()).contains("Unknown message type");
            ws.send(Map.of("type", "subscribe", "id", "x", "events", List.of("stock_prices")));
            assertThat(ws.next("error").path("message").asString()).contains("stock_prices");
            ws.send(Map.of("type", "subscribe", "id", "x", "since", -5));
            assertThat(ws.next("error").path("code").asString()).isEqualTo("VALIDATION_FAILED");
            ws.send(Map.of("type", "subscribe", "id", "x", "taskId", "tsk_00000000000000000000000000"));
            assertThat(ws.next("error").path("code").asString()).isEqualTo("NOT_FOUND");
            ws.send(Map.of("type", "subscribe"));
            assertThat(ws.next("error").path("message").asString()).contains("'id'");
            ws.send(Map.of("type", "unsubscribe", "id", "never"));
            assertThat(ws.next("error").path("code").asString()).isEqualTo("NOT_FOUND");
            ws.send(Map.of("type", "subscribe", "id", "ok"));
            ws.next("subscribed");
            ws.send(Map.of("type", "subscribe", "id", "ok"));
            assertThat(ws.next("error").path("code").asString()).isEqualTo("CONFLICT");
            ws.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
            assertThat(ws.next("error").path("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            ws.send(Map.of("type", "unsubscribe", "id", "ok"));
            assertThat(ws.next("unsubscribed").path("id").asString()).isEqualTo("ok");
            ws.send(Map.of("type", "ping"));
            ws.next("pong");
            // an oversized message closes the connection with 1009 (message too big)
            ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(LiveStreams.MAX_MESSAGE_BYTES) + "\"}");
            assertThat(ws.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void anAgentsStreamCarriesItsHealthWhenItsStatusChanges() {
        String created = admin.post("/api/v1/agents", TestRuntime.agentJson(TestRuntime.unique("live-agent"), "task-executor", "1.0.0", "echo"))
                .data().get("id").asString();
        try (var ws = LiveClients.Ws.connect(base, "/api/v1/agents/" + created + "/metrics", TestRuntime.ADMIN_KEY)) {
            assertThat(ws.next("subscribed").path("subject").asString()).isEqualTo("agent:" + created);
            assertThat(admin.post("/api/v1/agents/" + created + "/start", null).status()).isEqualTo(200);
            var started = ws.eventsUntil(e -> true).getFirst();
            assertThat(started.path("type").asString()).isEqualTo("agent_health");
            assertThat(started.path("data").path("agentId").asString()).isEqualTo(created);
            assertThat(started.path("data").path("agentStatus").asString()).isEqualTo("running");
            // with the computed health, as GET /agents/{id}/health answers it
            assertThat(started.path("data").path("health").path("status").asString()).isEqualTo("healthy");
            assertThat(started.path("data").path("health").path("agentStatus").asString()).isEqualTo("running");
            assertThat(started.path("data").path("health").path("reason").asString()).startsWith("no failures");
            assertThat(admin.post("/api/v1/agents/" + created + "/stop", null).status()).isEqualTo(200);
            var stopped = ws.eventsUntil(e -> true).getFirst();
            assertThat(stopped.path("data").path("agentStatus").asString()).isEqualTo("stopped");
            assertThat(stopped.path("seq").asLong()).isGreaterThan(started.path("seq").asLong());
        }
    }

    @Test
    void aChangeOfAnAgentsHealthVerdictIsAnnouncedAndTheAgentsStreamGivesTheSameEventInAws() throws Exception {
        var created = admin.post("/api/v1/agents", """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":["test-fatal","test-noop"],
                 "retryPolicy":{"maxAttempts":1}}}""".formatted(TestRuntime.unique("live-health")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        String project = created.data().get("projectId").asString();
        var settings = Map.of(dev.luna.store.LunaConfig.DYNAMODB_ENDPOINT, TestRuntime.shared().emulators().dynamoEndpoint().toString(),
                dev.luna.store.LunaConfig.RESOURCE_PREFIX, "luna", dev.luna.store.LunaConfig.REGION, "us-east-1");
        try (var aws = new dev.luna.store.AwsClients(dev.luna.store.LunaConfig.from(settings::get));
             var ws = LiveClients.Ws.connect(base, "/api/v1/agents/" + id + "/metrics", TestRuntime.ADMIN_KEY)) {
            ws.next("subscribed");
            assertThat(admin.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
            assertThat(ws.eventsUntil(e -> true).getFirst().path("data").path("health").path("status").asString()).isEqualTo("healthy");
            var before = head(aws, id);

            // two tasks of the agent fail for good: two failures in a row make it degraded
            // (re-evaluated as each task ends, as agents-health-watch does from the tasks stream in AWS; no sweep needed)
            for (int i = 0; i < 2; i++) awaitStatus(submit("test-fatal", id), "failed", "dead_lettered");
            var degraded = ws.eventsUntil(e -> "degraded".equals(e.path("data").path("health").path("status").asString(""))).getLast();
            assertThat(degraded.path("type").asString()).isEqualTo("agent_health");
            assertThat(degraded.path("data").path("agentStatus").asString()).isEqualTo("running");
            assertThat(degraded.path("data").path("health").path("reason").asString()).contains("the last 2 tasks failed");
            assertThat(degraded.path("data").path("health").path("inputs").path("consecutiveFailures").asInt()).isEqualTo(2);
            assertThat(admin.get("/api/v1/agents/" + id + "/health").data().path("status").asString()).isEqualTo("degraded");

            // the AWS shape: the same write as the agents table's stream carries it (old and new images), through
            // ws-fanout-agents, numbered in the WebSocket API's event log with the same data
            var after = head(aws, id);
            assertThat(after.get("health").s()).isEqualTo("degraded");
            TestRuntime.shared().invoker().invoke("wsFanoutAgents", streamRecord(before, after));
            var logged = new dev.luna.functions.realtime.EventLog(aws, java.time.Clock.systemUTC())
                    .since(dev.luna.realtime.LiveFilter.agent(project, id), 0);
            assertThat(logged).hasSize(1);
            assertThat(logged.getFirst().kind()).isEqualTo(dev.luna.realtime.LiveEventKind.AGENT_HEALTH);
            assertThat(dev.luna.core.Json.tree(dev.luna.core.Json.write(logged.getFirst().data()))).isEqualTo(degraded.path("data"));

            // a success ends the run of failures (fewer than 5 finished: no error rate yet): healthy again
            awaitStatus(submit("test-noop", id), "succeeded");
            var healthy = ws.eventsUntil(e -> "healthy".equals(e.path("data").path("health").path("status").asString(""))).getLast();
            assertThat(healthy.path("seq").asLong()).isGreaterThan(degraded.path("seq").asLong());
            assertThat(healthy.path("data").path("health").path("inputs").path("tasksFinished").asInt()).isEqualTo(3);
            // a sweep that finds the same verdict announces nothing
            healthCheck();
            ws.send(Map.of("type", "ping"));
            assertThat(ws.next().path("type").asString()).isEqualTo("pong");
        }
    }

    @Test
    void anOperatorsNotificationReachesTheSubscribersOfEveryProjectOrOfOneAndIsReplayedOnReconnect() {
        String subscribe = "{\"type\":\"subscribe\",\"id\":\"n\",\"events\":[\"system_notification\"]}";
        long otherSeq;
        String onlyId;
        try (var mine = LiveClients.Ws.connect(base, "/api/v1/ws", TestRuntime.ADMIN_KEY);
             var other = LiveClients.Ws.connect(base, "/api/v1/ws", otherKey)) {
            mine.next("connected");
            other.next("connected");
            mine.send(subscribe);
            mine.next("subscribed");
            other.send(subscribe);
            assertThat(other.next("subscribed").path("projectId").asString()).isEqualTo(otherProject);

            var everyone = admin.post("/api/v1/admin/notifications",
                    "{\"severity\":\"critical\",\"title\":\"Disk almost full\",\"message\":\"Uploads pause at 95 %.\"}");
            assertThat(everyone.status()).as(everyone.toString()).isEqualTo(200);
            String everyoneId = everyone.data().path("id").asString();
            assertThat(everyone.data().path("projects").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(everyone.data().path("projectId").asString(null)).as("no project: every active one").isNull();
            for (var client : List.of(mine, other)) {
                var event = client.eventsUntil(e -> true).getFirst();
                assertThat(event.path("type").asString()).isEqualTo("system_notification");
                assertThat(event.path("data").path("notificationId").asString()).isEqualTo(everyoneId);
                assertThat(event.path("data").path("level").asString()).isEqualTo("critical");
                assertThat(event.path("data").path("code").asString()).isEqualTo("PLATFORM_NOTICE");
                assertThat(event.path("data").path("source").asString()).isEqualTo("admin");
                assertThat(event.path("data").path("title").asString()).isEqualTo("Disk almost full");
                assertThat(event.path("data").path("message").asString()).isEqualTo("Uploads pause at 95 %.");
            }

            var only = admin.post("/api/v1/admin/notifications", "{\"severity\":\"info\",\"title\":\"Hello\",\"message\":\"Only you\","
                    + "\"projectId\":\"" + otherProject + "\"}");
            assertThat(only.status()).as(only.toString()).isEqualTo(200);
            onlyId = only.data().path("id").asString();
            assertThat(only.data().path("projects").asInt()).isEqualTo(1);
            assertThat(only.data().path("events").get(0).path("projectId").asString()).isEqualTo(otherProject);
            var received = other.eventsUntil(e -> true).getFirst();
            assertThat(received.path("data").path("notificationId").asString()).isEqualTo(onlyId);
            assertThat(received.path("seq").asLong()).isEqualTo(only.data().path("events").get(0).path("seq").asLong());
            otherSeq = received.path("seq").asLong() - 1;
            // the other project's subscriber got nothing: its next message is the answer to a ping
            mine.send(Map.of("type", "ping"));
            assertThat(mine.next().path("type").asString()).isEqualTo("pong");
        }
        // a client that reconnects with the last seq it saw gets the notification it missed
        try (var again = LiveClients.Ws.connect(base, "/api/v1/ws", otherKey)) {
            again.next("connected");
            again.send("{\"type\":\"subscribe\",\"id\":\"n\",\"events\":[\"system_notification\"],\"since\":" + otherSeq + "}");
            again.next("subscribed");
            assertThat(again.eventsUntil(e -> true).getFirst().path("data").path("notificationId").asString()).isEqualTo(onlyId);
        }

        // bad input is a 4xx in the envelope; a key without admin:full_access is refused
        var bad = admin.post("/api/v1/admin/notifications", "{\"severity\":\"loud\",\"title\":\"\",\"message\":\"m\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.body()).contains("severity").contains("title");
        assertThat(admin.post("/api/v1/admin/notifications", "{\"severity\":\"info\",\"title\":\"t\",\"message\":\"m\",\"extra\":1}").status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/notifications", "not json").status()).isEqualTo(400);
        var missing = admin.post("/api/v1/admin/notifications", "{\"severity\":\"info\",\"title\":\"t\",\"message\":\"m\",\"projectId\":\"prj_nope\"}");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(new Api(base, otherKey).post("/api/v1/admin/notifications", "{\"severity\":\"info\",\"title\":\"t\",\"message\":\"m\"}")
                .status()).isEqualTo(403);
    }

    private static String submit(String type, String agentId) {
        var r = admin.post("/api/v1/tasks", "{\"type\":\"" + type + "\",\"agentId\":\"" + agentId + "\",\"payload\":{}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    private static void awaitStatus(String taskId, String... statuses) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String seen = null;
        while (System.nanoTime() < deadline) {
            seen = admin.get("/api/v1/tasks/" + taskId).data().path("status").asString();
            if (List.of(statuses).contains(seen)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("task " + taskId + " is " + seen + ", not " + List.of(statuses));
    }

    private static void healthCheck() throws java.io.IOException {
        byte[] event = java.nio.file.Files.readAllBytes(Paths.root().resolve("events/health-check/scheduled.json"));
        TestRuntime.shared().invoker().invoke("healthCheck", event);
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> head(dev.luna.store.AwsClients aws, String agentId) {
        return aws.dynamo().getItem(b -> b.tableName(aws.config().tableName("agents")).consistentRead(true)
                .key(dev.luna.store.Attr.key("AGENT#" + agentId, "HEAD"))).item();
    }

    /** A stream record of the agents table (NEW_AND_OLD_IMAGES) as Lambda receives it, in DynamoDB JSON. */
    private static byte[] streamRecord(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> before,
                                       Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> after) {
        var record = dev.luna.core.Json.object();
        record.put("eventName", "MODIFY");
        record.put("eventSource", "aws:dynamodb");
        var dynamodb = record.putObject("dynamodb");
        var oldImage = dynamodb.putObject("OldImage");
        before.forEach((k, v) -> oldImage.set(k, dynamoJson(v)));
        var newImage = dynamodb.putObject("NewImage");
        after.forEach((k, v) -> newImage.set(k, dynamoJson(v)));
        dynamodb.put("SequenceNumber", "1");
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        var event = dev.luna.core.Json.object();
        event.putArray("Records").add(record);
        return dev.luna.core.Json.write(event).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode dynamoJson(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        var out = dev.luna.core.Json.object();
        if (v.s() != null) out.put("S", v.s());
        else if (v.n() != null) out.put("N", v.n());
        else if (v.bool() != null) out.put("BOOL", v.bool());
        else if (v.hasM()) {
            var map = out.putObject("M");
            v.m().forEach((k, e) -> map.set(k, dynamoJson(e)));
        }
        else throw new IllegalArgumentException("attribute type not converted: " + v);
        return out;
    }

    @Test
    void aDeadLetteredTaskAndATimedOutOneRaiseSystemNotifications() {
        try (var ws = LiveClients.Ws.connect(base, "/api/v1/ws", TestRuntime.ADMIN_KEY)) {
            ws.next();
            ws.send(Map.of("type", "subscribe", "id", "ops", "events", List.of("system_notification")));
            ws.next("subscribed");
            var failing = admin.post("/api/v1/tasks", "{\"type\":\"test-fail\",\"agentId\":\"" + agent + "\",\"payload\":{}}");
            assertThat(failing.status()).as(failing.toString()).isEqualTo(201);
            String dead = failing.data().get("id").asString();
            var notice = ws.eventsUntil(e -> e.path("data").path("taskId").asString("").equals(dead)).getLast();
            assertThat(notice.path("type").asString()).isEqualTo("system_notification");
            assertThat(notice.path("subject").asString()).isEqualTo("task:" + dead);
            assertThat(notice.path("data").path("code").asString()).isEqualTo("TASK_DEAD_LETTERED");
            assertThat(notice.path("data").path("level").asString()).isEqualTo("error");
            assertThat(notice.path("data").path("message").asString()).contains(dead).contains("3 attempts").contains("boom on attempt 3");
            assertThat(admin.get("/api/v1/tasks/" + dead).data().get("status").asString()).isEqualTo("dead_lettered");

            var slow = admin.post("/api/v1/tasks", "{\"type\":\"test-timeout\",\"agentId\":\"" + agent + "\",\"payload\":{}}");
            String timedOut = slow.data().get("id").asString();
            var late = ws.eventsUntil(e -> e.path("data").path("taskId").asString("").equals(timedOut)).getLast();
            assertThat(late.path("data").path("code").asString()).isEqualTo("TASK_TIMED_OUT");
            assertThat(late.path("data").path("level").asString()).isEqualTo("warning");
            // only notifications arrive on this subscription: no task_progress of either task
            assertThat(late.path("type").asString()).isEqualTo("system_notification");
        }
    }

    @Test
    void badSseRequestsAreA400InTheEnvelope() {
        try (var sse = LiveClients.Sse.open(base, "/api/v1/events", TestRuntime.ADMIN_KEY, "abc")) {
            assertThat(sse.status).isEqualTo(400);
            assertThat(sse.errorBody).contains("Last-Event-ID");
        }
        try (var sse = LiveClients.Sse.open(base, "/api/v1/events?types=task_progress,stock_prices", TestRuntime.ADMIN_KEY, null)) {
            assertThat(sse.status).isEqualTo(400);
            assertThat(sse.errorBody).contains("stock_prices");
        }
        try (var sse = LiveClients.Sse.open(base, "/api/v1/agents/nope/metrics/events", TestRuntime.ADMIN_KEY, null)) {
            assertThat(sse.status).isEqualTo(400);
        }
        try (var sse = LiveClients.Sse.open(base, "/api/v1/agents/" + agent + "/metrics/events", TestRuntime.ADMIN_KEY, null)) {
            assertThat(sse.status).isEqualTo(200);
            var ready = sse.next();
            assertThat(ready.event()).isEqualTo("ready");
            assertThat(ready.data().path("subject").asString()).isEqualTo("agent:" + agent);
        }
    }
}
