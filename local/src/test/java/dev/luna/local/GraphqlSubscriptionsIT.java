package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEventKind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL subscriptions over the {@code graphql-transport-ws} protocol on {@code /api/v1/graphql}, with a real Java
 * WebSocket client (java.net.http) against the local runtime: connection_init/ack, subscribe, next, complete, the
 * protocol's close codes, and REST's project isolation.
 */
class GraphqlSubscriptionsIT {
    private static final Api admin = TestRuntime.admin();

    /** A client offering the graphql-transport-ws subprotocol (or none), with an optional upgrade Authorization header. */
    private static LiveClients.Ws connect(String key, boolean subprotocol) {
        var ws = new LiveClients.Ws();
        var builder = LiveClients.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocol) builder.subprotocols("graphql-transport-ws");
        if (key != null) builder.header("Authorization", "Bearer " + key);
        URI uri = URI.create(TestRuntime.shared().baseUri().toString().replaceFirst("^http", "ws") + "/api/v1/graphql");
        ws.socket = builder.buildAsync(uri, ws).join();
        return ws;
    }

    /** Connected and acknowledged, credentials in connection_init's payload. */
    private static LiveClients.Ws acknowledged(String key) {
        var ws = connect(null, true);
        assertThat(ws.socket.getSubprotocol()).isEqualTo("graphql-transport-ws");
        ws.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + key)));
        assertThat(ws.next().path("type").asString()).isEqualTo("connection_ack");
        return ws;
    }

    private static void subscribe(LiveClients.Ws ws, String id, String query, Map<String, Object> variables) {
        ws.send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    private static String project() {
        return admin.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("gqlws") + "\"}").data().get("id").asString();
    }

    @Test
    void taskProgressArrivesInOrderThenTheTerminalStatusThenComplete() {
        String agent = TestRuntime.runningTaskAgent(admin);
        var submitted = admin.post("/api/v1/tasks", "{\"type\":\"echo\",\"agentId\":\"" + agent
                + "\",\"cache\":false,\"payload\":{\"message\":\"live\",\"steps\":4,\"delayMs\":400}}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String task = submitted.data().get("id").asString();
        try (var ws = acknowledged(TestRuntime.ADMIN_KEY)) {
            subscribe(ws, "progress-1", "subscription($id: ID!) { taskProgress(taskId: $id) { type seq projectId subject data } }",
                    Map.of("id", task));
            var events = new ArrayList<JsonNode>();
            JsonNode message;
            while (!"complete".equals((message = ws.next()).path("type").asString())) {
                assertThat(message.path("type").asString()).as(message.toString()).isEqualTo("next");
                assertThat(message.path("id").asString()).isEqualTo("progress-1");
                assertThat(message.path("payload").has("errors")).as(message.toString()).isFalse();
                events.add(message.path("payload").path("data").path("taskProgress"));
            }
            assertThat(message.path("id").asString()).isEqualTo("progress-1");
            assertThat(events).isNotEmpty().allSatisfy(e -> {
                assertThat(e.path("type").asString()).isEqualTo("task_progress");
                assertThat(e.path("subject").asString()).isEqualTo("task:" + task);
            });
            var seqs = events.stream().map(e -> e.path("seq").asLong()).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
            var last = events.get(events.size() - 1).path("data");
            assertThat(last.path("status").asString()).isEqualTo("succeeded");
            assertThat(last.path("terminal").asBoolean()).isTrue();
            assertThat(events.stream().map(e -> e.path("data").path("status").asString()).toList()).contains("running");
            // the connection stays usable: ping/pong
            ws.send(Map.of("type", "ping"));
            assertThat(ws.next().path("type").asString()).isEqualTo("pong");
        }
    }

    @Test
    void projectEventsReachOnlyTheirProjectAndClientCompleteStops() {
        String mine = project();
        String theirs = project();
        var live = TestRuntime.shared().liveEvents();
        int before = ((dev.luna.realtime.LiveEventHub) live).subscriberCount();
        try (var ws = connect(TestRuntime.ADMIN_KEY, true)) {
            // credentials from the upgrade's Authorization header
            ws.send(Map.of("type", "connection_init"));
            assertThat(ws.next().path("type").asString()).isEqualTo("connection_ack");
            subscribe(ws, "n", "subscription($p: ID) { systemNotification(projectId: $p) { type seq projectId data } }", Map.of("p", mine));
            subscribe(ws, "t", "subscription($p: ID) { tokenAlert(projectId: $p) { type projectId data } }", Map.of("p", mine));
            awaitSubscribed(live, before + 2);
            live.publish(theirs, LiveEventKind.SYSTEM_NOTIFICATION, null, Json.mapper().valueToTree(Map.of("message", "not yours")));
            live.publish(mine, LiveEventKind.SYSTEM_NOTIFICATION, null, Json.mapper().valueToTree(Map.of("message", "maintenance at 22:00")));
            live.publish(mine, LiveEventKind.TOKEN_ALERT, null, Json.mapper().valueToTree(Map.of("threshold", 0.8)));
            var received = List.of(ws.next("next"), ws.next("next"));
            var byId = new java.util.HashMap<String, JsonNode>();
            for (var m : received) byId.put(m.path("id").asString(), m.path("payload").path("data"));
            assertThat(byId.get("n").path("systemNotification").path("data").path("message").asString()).isEqualTo("maintenance at 22:00");
            assertThat(byId.get("n").path("systemNotification").path("projectId").asString()).isEqualTo(mine);
            assertThat(byId.get("t").path("tokenAlert").path("data").path("threshold").asDouble()).isEqualTo(0.8);

            ws.send(Map.of("id", "n", "type", "complete"));
            ws.send(Map.of("type", "ping"));
            assertThat(ws.next().path("type").asString()).isEqualTo("pong");
            live.publish(mine, LiveEventKind.SYSTEM_NOTIFICATION, null, Json.mapper().valueToTree(Map.of("message", "after complete")));
            live.publish(mine, LiveEventKind.TOKEN_ALERT, null, Json.mapper().valueToTree(Map.of("threshold", 1.0)));
            var next = ws.next("next");
            assertThat(next.path("id").asString()).as("the completed subscription got no more events").isEqualTo("t");
        }
    }

    /** Waits until the live hub holds the subscriptions (a subscribe is answered by events, not by an ack). */
    @Test
    void anOperatorsNotificationReachesASystemNotificationSubscription() {
        String mine = project();
        var live = TestRuntime.shared().liveEvents();
        int before = ((dev.luna.realtime.LiveEventHub) live).subscriberCount();
        try (var ws = connect(TestRuntime.ADMIN_KEY, true)) {
            ws.send(Map.of("type", "connection_init"));
            assertThat(ws.next().path("type").asString()).isEqualTo("connection_ack");
            subscribe(ws, "n", "subscription($p: ID) { systemNotification(projectId: $p) { type seq projectId data } }", Map.of("p", mine));
            awaitSubscribed(live, before + 1);
            var sent = admin.post("/api/v1/admin/notifications", "{\"severity\":\"error\",\"title\":\"Provider outage\","
                    + "\"message\":\"Model calls fall back to the offline provider.\",\"projectId\":\"" + mine + "\"}");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
            var event = ws.next("next").path("payload").path("data").path("systemNotification");
            assertThat(event.path("type").asString()).isEqualTo("system_notification");
            assertThat(event.path("projectId").asString()).isEqualTo(mine);
            assertThat(event.path("seq").asLong()).isEqualTo(sent.data().path("events").get(0).path("seq").asLong());
            assertThat(event.path("data").path("notificationId").asString()).isEqualTo(sent.data().path("id").asString());
            assertThat(event.path("data").path("level").asString()).isEqualTo("error");
            assertThat(event.path("data").path("title").asString()).isEqualTo("Provider outage");
        }
    }

    private static void awaitSubscribed(dev.luna.realtime.LiveEvents live, int subscriptions) {
        Await.until(() -> ((dev.luna.realtime.LiveEventHub) live).subscriberCount(), n -> n >= subscriptions,
                "the subscriptions to reach the hub");
    }

    @Test
    void anotherProjectsTaskIsNotFoundAndTheSocketStaysOpen() {
        String theirs = project();
        var agent = admin.post("/api/v1/agents", "{\"projectId\":\"" + theirs + "\",\"name\":\"" + TestRuntime.unique("ws")
                + "\",\"type\":\"task-executor\",\"version\":\"1.0.0\",\"config\":{\"runtime\":\"java\"}}").data().get("id").asString();
        String user = "usr_" + TestRuntime.unique("gqlws").replace('-', '_');
        String key = IdentityIT.keyFor(admin, user, "\"agents:read\",\"tasks:read\",\"projects:read\",\"tokens:read\"");
        try (var ws = acknowledged(key)) {
            subscribe(ws, "a", "subscription($id: ID!) { agentHealth(agentId: $id) { seq } }", Map.of("id", agent));
            var error = ws.next();
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.path("id").asString()).isEqualTo("a");
            assertThat(error.path("payload").get(0).path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");
            subscribe(ws, "b", "subscription { nope { seq } }", Map.of());
            var invalid = ws.next();
            assertThat(invalid.path("type").asString()).isEqualTo("error");
            assertThat(invalid.path("payload").get(0).path("extensions").path("code").asString()).isEqualTo("VALIDATION_FAILED");
            // a query over the socket is one next, then complete
            subscribe(ws, "q", "{ queues { id } }", Map.of());
            assertThat(ws.next().path("type").asString()).isEqualTo("next");
            assertThat(ws.next().path("type").asString()).isEqualTo("complete");
        }
    }

    @Test
    void protocolViolationsCloseWithTheProtocolsCodes() {
        try (var ws = connect(null, true)) {
            ws.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer luna_not_a_real_key_000000000000")));
            assertThat(ws.awaitClose()).isEqualTo(4403);
        }
        try (var ws = connect(null, true)) {
            ws.send(Map.of("type", "connection_init"));
            assertThat(ws.awaitClose()).as("no credentials at all").isEqualTo(4403);
        }
        try (var ws = connect(null, true)) {
            subscribe(ws, "early", "subscription { systemNotification { seq } }", Map.of());
            assertThat(ws.awaitClose()).as("subscribe before connection_ack").isEqualTo(4401);
        }
        try (var ws = acknowledged(TestRuntime.ADMIN_KEY)) {
            ws.send(Map.of("type", "connection_init"));
            assertThat(ws.awaitClose()).as("a second connection_init").isEqualTo(4429);
        }
        try (var ws = acknowledged(TestRuntime.ADMIN_KEY)) {
            subscribe(ws, "same", "subscription { systemNotification { seq } }", Map.of());
            subscribe(ws, "same", "subscription { systemNotification { seq } }", Map.of());
            assertThat(ws.awaitClose()).as("an id already subscribed").isEqualTo(4409);
        }
        try (var ws = acknowledged(TestRuntime.ADMIN_KEY)) {
            ws.send("{not json");
            assertThat(ws.awaitClose()).isEqualTo(4400);
        }
        try (var ws = connect(TestRuntime.ADMIN_KEY, false)) {
            assertThat(ws.awaitClose()).as("without the subprotocol").isEqualTo(4406);
        }
    }

    @Test
    void aSubscriptionOverHttpIsRefusedWithAClearError() {
        var r = admin.post("/api/v1/graphql", "{\"query\":\"subscription { systemNotification { seq } }\"}");
        assertThat(r.status()).isEqualTo(200);
        var error = r.json().path("errors").get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("message").asString()).contains("graphql-transport-ws");
    }
}
