package dev.luna.functions.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.luna.core.Json;
import dev.luna.core.Principal;
import dev.luna.emulators.dynamodb.DynamoDbServer;
import dev.luna.http.Platform;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveFilter;
import dev.luna.store.AwsClients;
import dev.luna.store.DataDefinitions;
import dev.luna.store.LunaConfig;
import dev.luna.store.ResourceProvisioner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The AWS shape of the live streams against real stand-ins: the embedded DynamoDB for connections and the event log,
 * and an HTTP server playing API Gateway's management API (PostToConnection; 410 for a connection that is gone).
 */
class WebSocketApiIT {
    record Posted(String connectionId, JsonNode frame) {
    }

    private final DynamoDbServer dynamo = DynamoDbServer.builder().start();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final List<String> disconnected = new CopyOnWriteArrayList<>();
    private final HttpServer management;
    private final Platform platform;
    private final WsConnections connections;
    private final EventLog events;
    private final WsRoutes routes;
    private final StreamFanout fanout;
    private final Principal admin = new Principal("usr_admin", "api_key", Set.of(Principal.ADMIN), null);

    WebSocketApiIT() throws IOException {
        management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        management.createContext("/", ex -> {
            try (ex) {
                String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
                String id = path.substring(path.lastIndexOf('/') + 1);
                byte[] body = ex.getRequestBody().readAllBytes();
                boolean post = "POST".equals(ex.getRequestMethod()) && path.contains("/@connections/");
                boolean delete = "DELETE".equals(ex.getRequestMethod()) && path.contains("/@connections/");
                if (post && !id.startsWith("gone")) posted.add(new Posted(id, Json.tree(new String(body, StandardCharsets.UTF_8))));
                if (delete) disconnected.add(id);
                int status = !post && !delete ? 400 : id.startsWith("gone") ? 410 : delete ? 204 : 200;
                byte[] answer = status == 410 ? "{\"message\":\"Gone\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
                ex.getResponseHeaders().set("Content-Type", "application/json");
                if (status == 410) ex.getResponseHeaders().set("x-amzn-ErrorType", "GoneException"); // as API Gateway answers
                ex.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) ex.getResponseBody().write(answer);
            }
        });
        management.start();
        var settings = Map.of(LunaConfig.DYNAMODB_ENDPOINT, dynamo.endpoint().toString(), LunaConfig.RESOURCE_PREFIX, "wstest",
                LunaConfig.REGION, "us-east-1", ConnectionPoster.CALLBACK_URL, "http://127.0.0.1:" + management.getAddress().getPort() + "/live");
        var config = LunaConfig.from(settings::get);
        platform = new Platform(config, Clock.systemUTC());
        var defs = DataDefinitions.load();
        new ResourceProvisioner(platform.aws()).provision(new DataDefinitions(defs.tables(), Map.of(), Map.of(), null));
        connections = new WsConnections(platform.aws());
        events = new EventLog(platform.aws(), Clock.systemUTC());
        var poster = new ConnectionPoster(config);
        routes = new WsRoutes(new StreamAccess(platform), connections, events, poster, Clock.systemUTC());
        fanout = new StreamFanout(connections, events, poster, StreamRecords::task);
    }

    @AfterEach
    void stop() {
        management.stop(0);
        platform.close();
        dynamo.close();
    }

    private static JsonNode streamRecord(String taskId, String project, String status, long revision, String sequence) {
        var doc = Json.object();
        doc.put("id", taskId);
        doc.put("projectId", project);
        doc.put("type", "echo");
        doc.put("priority", 3);
        doc.put("status", status);
        doc.put("revision", revision);
        doc.put("attempts", 1);
        doc.put("timeoutMs", 30_000);
        doc.put("generation", 1);
        doc.put("cancelRequested", false);
        doc.put("cached", false);
        doc.put("retries", 0);
        doc.put("createdAt", "2026-11-27T04:00:00Z");
        doc.put("updatedAt", "2026-11-27T04:00:01Z");
        var image = Json.object();
        image.putObject("sk").put("S", "TASK");
        image.putObject("doc").put("S", doc.toString());
        var record = Json.object();
        record.put("eventSource", "aws:dynamodb");
        var dynamodb = record.putObject("dynamodb");
        dynamodb.set("NewImage", image);
        dynamodb.put("SequenceNumber", sequence);
        return record;
    }

    private static JsonNode sample(String file) throws IOException {
        return Json.tree(java.nio.file.Files.readString(root().resolve("events").resolve(file)));
    }

    private static java.nio.file.Path root() {
        var dir = java.nio.file.Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isDirectory(dir.resolve("events"))) dir = dir.getParent();
        return dir;
    }

    /** A stream record of a stored item: its attributes in DynamoDB JSON, as Lambda receives them. */
    private static JsonNode streamImage(String eventName, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item,
                                        String sequence) {
        var image = Json.object();
        item.forEach((k, v) -> image.set(k, dynamoJson(v)));
        var record = Json.object();
        record.put("eventName", eventName);
        record.put("eventSource", "aws:dynamodb");
        var dynamodb = record.putObject("dynamodb");
        dynamodb.set("NewImage", image);
        dynamodb.put("SequenceNumber", sequence);
        dynamodb.put("StreamViewType", "NEW_IMAGE");
        return record;
    }

    private static JsonNode dynamoJson(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        var out = Json.object();
        if (v.s() != null) out.put("S", v.s());
        else if (v.n() != null) out.put("N", v.n());
        else if (v.bool() != null) out.put("BOOL", v.bool());
        else if (Boolean.TRUE.equals(v.nul())) out.put("NULL", true);
        else if (v.hasL()) {
            var list = out.putArray("L");
            v.l().forEach(e -> list.add(dynamoJson(e)));
        } else if (v.hasM()) {
            var map = out.putObject("M");
            v.m().forEach((k, e) -> map.set(k, dynamoJson(e)));
        } else if (v.hasSs()) {
            var set = out.putArray("SS");
            v.ss().forEach(set::add);
        } else throw new IllegalArgumentException("attribute type not converted: " + v);
        return out;
    }

    private JsonNode batch(JsonNode... records) {
        var event = Json.object();
        var array = event.putArray("Records");
        for (var r : records) array.add(r);
        return event;
    }

    private static String task(int n) {
        return "tsk_" + String.format("%026d", n);
    }

    @Test
    void theFanOutPostsNumberedEventsToMatchingSubscriptionsOnlyAndForgetsGoneConnections() {
        var now = java.time.Instant.now();
        for (String c : List.of("c1", "c2", "c3", "gone1")) connections.open(c, admin, now);
        connections.subscribe("c1", "all", LiveFilter.project("p1"), now);
        connections.subscribe("c2", "other-task", LiveFilter.task("p1", task(99)), now);
        connections.subscribe("c3", "other-project", LiveFilter.project("p2"), now);
        connections.subscribe("gone1", "all", LiveFilter.project("p1"), now);

        var answer = fanout.handle(batch(streamRecord(task(1), "p1", "queued", 1, "100"), streamRecord(task(1), "p1", "running", 2, "101")));

        assertThat(Json.mapper().valueToTree(answer).path("batchItemFailures")).isEmpty();
        assertThat(posted).extracting(Posted::connectionId).containsExactly("c1", "c1");
        assertThat(posted).extracting(p -> p.frame().path("event").path("seq").asLong()).containsExactly(1L, 2L);
        assertThat(posted.get(1).frame().path("id").asString()).isEqualTo("all");
        assertThat(posted.get(1).frame().path("event").path("data").path("status").asString()).isEqualTo("running");
        assertThat(connections.ofProject("p1")).extracting(WsConnections.Subscription::connectionId).containsExactlyInAnyOrder("c1", "c2");
        assertThat(connections.caller("gone1")).isEmpty();
        assertThat(events.lastSequence("p1")).isEqualTo(2);
    }

    @Test
    void aSubscribeWithSinceReplaysTheMissedEventsAfterItsAcknowledgement() {
        fanout.handle(batch(streamRecord(task(2), "default", "queued", 1, "1"), streamRecord(task(2), "default", "running", 2, "2"),
                streamRecord(task(2), "default", "succeeded", 3, "3")));
        connections.open("c9", admin, java.time.Instant.now());
        var answer = routes.message(message("c9", "{\"type\":\"subscribe\",\"id\":\"resume\",\"events\":[\"task_progress\"],\"since\":1}"));
        assertThat(answer.get("statusCode")).isEqualTo(200);
        assertThat(posted).extracting(p -> p.frame().path("type").asString()).containsExactly("subscribed", "event", "event");
        assertThat(posted.get(0).frame().path("historyComplete").asBoolean()).isTrue();
        assertThat(posted.subList(1, 3)).extracting(p -> p.frame().path("event").path("seq").asLong()).containsExactly(2L, 3L);
        assertThat(connections.subscriptions("c9")).extracting(WsConnections.Subscription::id).containsExactly("resume");
    }

    @Test
    void aTaskThatBecomesDeadLetteredRaisesOneSystemNotificationBesideItsProgress() {
        var now = java.time.Instant.now();
        connections.open("c1", admin, now);
        connections.subscribe("c1", "ops", new LiveFilter("p1", Set.of(LiveEventKind.SYSTEM_NOTIFICATION), null), now);
        var dead = streamRecord(task(5), "p1", "dead_lettered", 4, "200");
        ((tools.jackson.databind.node.ObjectNode) dead.path("dynamodb")).set("OldImage", Json.tree("{\"status\":{\"S\":\"running\"}}"));
        var again = streamRecord(task(5), "p1", "dead_lettered", 5, "201"); // a later write in the same state
        ((tools.jackson.databind.node.ObjectNode) again.path("dynamodb")).set("OldImage", Json.tree("{\"status\":{\"S\":\"dead_lettered\"}}"));

        fanout.handle(batch(dead, again));

        assertThat(posted).extracting(Posted::connectionId).containsExactly("c1");
        var event = posted.getFirst().frame().path("event");
        assertThat(event.path("type").asString()).isEqualTo("system_notification");
        assertThat(event.path("data").path("code").asString()).isEqualTo("TASK_DEAD_LETTERED");
        assertThat(event.path("data").path("taskId").asString()).isEqualTo(task(5));
        assertThat(events.lastSequence("p1")).as("two progress events and one notification").isEqualTo(3);
    }

    @Test
    void anAgentStatusChangeFromTheAgentsStreamReachesItsSubscribersAsAgentHealth() throws IOException {
        var now = java.time.Instant.now();
        for (String c : List.of("c1", "c2", "c3")) connections.open(c, admin, now);
        String agent = "agt_01JEXAMPLE0000000000000000";
        connections.subscribe("c1", "agent", LiveFilter.agent("default", agent), now);
        connections.subscribe("c2", "tasks-only", new LiveFilter("default", Set.of(LiveEventKind.TASK_PROGRESS), null), now);
        connections.subscribe("c3", "other-agent", LiveFilter.agent("default", "agt_other"), now);
        var agents = new StreamFanout(connections, events, new ConnectionPoster(platform.config()), StreamRecords::agentHealth);
        var sample = sample("ws-fanout-agents/agent-started.json");

        var answer = agents.handle(sample);

        assertThat(Json.mapper().valueToTree(answer).path("batchItemFailures")).isEmpty();
        assertThat(posted).extracting(Posted::connectionId).containsExactly("c1");
        var event = posted.getFirst().frame().path("event");
        assertThat(event.path("type").asString()).isEqualTo("agent_health");
        assertThat(event.path("subject").asString()).isEqualTo("agent:" + agent);
        assertThat(event.path("seq").asLong()).isEqualTo(1);
        assertThat(event.path("data").path("agentStatus").asString()).isEqualTo("active");
        assertThat(event.path("data").path("name").asString()).isEqualTo("reviewer");

        // a write that leaves the status as it was (a heartbeat, a config edit) is no health change
        var heartbeat = sample.deepCopy();
        var record = (tools.jackson.databind.node.ObjectNode) heartbeat.path("Records").get(0).path("dynamodb");
        record.set("OldImage", record.path("NewImage").deepCopy());
        agents.handle(heartbeat);
        assertThat(posted).hasSize(1);
        assertThat(events.lastSequence("default")).isEqualTo(1);
    }

    @Test
    void aChangeOfTheHealthVerdictPersistedOnTheAgentIsAnAgentHealthEventCarryingTheComputedHealth() throws IOException {
        var now = java.time.Instant.now();
        connections.open("c1", admin, now);
        String agent = "agt_01JEXAMPLE0000000000000000";
        connections.subscribe("c1", "agent", LiveFilter.agent("default", agent), now);
        var agents = new StreamFanout(connections, events, new ConnectionPoster(platform.config()), StreamRecords::agentHealth);
        // the head as the health-check sweep leaves it: status unchanged, verdict healthy -> degraded, with its evaluation
        String healthDoc = Json.write(Map.of("agentId", agent, "name", "reviewer", "agentStatus", "running", "status", "degraded",
                "reason", "the last 2 tasks failed or timed out", "inputs", Map.of("consecutiveFailures", 2, "tasksFinished", 2)));
        var degraded = sample("ws-fanout-agents/agent-started.json");
        var record = (tools.jackson.databind.node.ObjectNode) degraded.path("Records").get(0).path("dynamodb");
        record.set("OldImage", record.path("NewImage").deepCopy());
        ((tools.jackson.databind.node.ObjectNode) record.path("OldImage")).putObject("health").put("S", "healthy");
        var image = (tools.jackson.databind.node.ObjectNode) record.path("NewImage");
        image.putObject("health").put("S", "degraded");
        image.putObject("healthDoc").put("S", healthDoc);

        agents.handle(degraded);

        assertThat(posted).extracting(Posted::connectionId).containsExactly("c1");
        var data = posted.getFirst().frame().path("event").path("data");
        assertThat(data.propertyNames()).containsExactly("agentId", "name", "agentStatus", "health");
        assertThat(data.path("agentStatus").asString()).isEqualTo("active");
        assertThat(data.path("health")).isEqualTo(Json.tree(healthDoc));
        assertThat(data.path("health").path("status").asString()).isEqualTo("degraded");

        // a later write that re-evaluates to the same verdict (new inputs, same health) announces nothing
        var same = degraded.deepCopy();
        var again = (tools.jackson.databind.node.ObjectNode) same.path("Records").get(0).path("dynamodb");
        again.set("OldImage", again.path("NewImage").deepCopy());
        ((tools.jackson.databind.node.ObjectNode) again.path("NewImage")).putObject("healthDoc").put("S", healthDoc.replace("\"tasksFinished\":2", "\"tasksFinished\":3"));
        agents.handle(same);
        assertThat(posted).hasSize(1);
        assertThat(events.lastSequence("default")).isEqualTo(1);
    }

    @Test
    void eachMessageReadsItsConnectionItemOnce() {
        connections.open("c1", admin, java.time.Instant.now());
        String table = platform.config().tableName("ws-connections");
        long before = dynamo.requestsTo(table);
        assertThat(body(routes.message(message("c1", "{\"type\":\"ping\"}"))).path("type").asString()).isEqualTo("pong");
        assertThat(dynamo.requestsTo(table) - before).as("a ping: the connection's GetItem only").isEqualTo(1);

        before = dynamo.requestsTo(table);
        routes.message(message("c1", "{\"type\":\"subscribe\",\"id\":\"s1\",\"events\":[\"task_progress\"]}"));
        assertThat(posted).extracting(p -> p.frame().path("type").asString()).containsExactly("subscribed");
        // the connection (GetItem, read once for its subprotocol and its caller), its open subscriptions (Query, the
        // limit of 64) and the new one (PutItem)
        assertThat(dynamo.requestsTo(table) - before).isEqualTo(3);
        assertThat(connections.subscriptions("c1")).extracting(WsConnections.Subscription::id).containsExactly("s1");
    }

    @Test
    void anOperatorsNotificationIsNumberedPostedToEachProjectsSubscribersAndReplayed() {
        var projects = new dev.luna.identity.ProjectStore(platform.aws());
        var now = java.time.Instant.now();
        for (String p : List.of("p1", "p2")) {
            assertThat(projects.create(new dev.luna.identity.ProjectStore.Project(p, p, null, Map.of(), "active", 1, now, now, "usr_admin"),
                    new dev.luna.identity.ProjectStore.Member(p, "usr_admin", dev.luna.core.ProjectRole.OWNER, now, "usr_admin"))).isTrue();
        }
        for (String c : List.of("c1", "c2", "c3", "gone1")) connections.open(c, admin, now);
        connections.subscribe("c1", "ops", new LiveFilter("p1", Set.of(LiveEventKind.SYSTEM_NOTIFICATION), null), now);
        connections.subscribe("c2", "all", LiveFilter.project("p2"), now);
        connections.subscribe("c3", "one-task", LiveFilter.task("p1", task(1)), now);
        connections.subscribe("gone1", "ops", LiveFilter.project("p1"), now);
        var notices = new PlatformNotices(projects, RealtimeFunctions.publisher(platform, new StreamFanout(connections, events,
                new ConnectionPoster(platform.config()), r -> List.of())), platform.ids(), platform.clock());

        var one = notices.send(new NotificationRequest("warning", "Maintenance", "Read-only at 22:00", "p1"), admin);

        assertThat(one.projects()).isEqualTo(1);
        assertThat(posted).extracting(Posted::connectionId).containsExactly("c1");
        var event = posted.getFirst().frame().path("event");
        assertThat(event.path("type").asString()).isEqualTo("system_notification");
        assertThat(event.path("seq").asLong()).isEqualTo(1);
        assertThat(event.path("subject").isNull() || event.path("subject").isMissingNode()).isTrue();
        assertThat(event.path("data").path("notificationId").asString()).isEqualTo(one.id()).startsWith("ntf_");
        assertThat(event.path("data").path("level").asString()).isEqualTo("warning");
        assertThat(event.path("data").path("code").asString()).isEqualTo("PLATFORM_NOTICE");
        assertThat(event.path("data").path("title").asString()).isEqualTo("Maintenance");
        assertThat(event.path("data").path("sentBy").asString()).isEqualTo("usr_admin");
        assertThat(connections.caller("gone1")).as("410 Gone forgets the connection").isEmpty();

        posted.clear();
        var all = notices.send(new NotificationRequest("info", "Hello", "To everyone", null), admin);
        assertThat(all.projects()).isEqualTo(2);
        assertThat(all.events()).extracting(e -> e.get("projectId") + "#" + e.get("seq")).containsExactlyInAnyOrder("p1#2", "p2#1");
        assertThat(posted).extracting(Posted::connectionId).containsExactlyInAnyOrder("c1", "c2");

        // a client that reconnects with the last seq it saw gets the notification from the event log
        posted.clear();
        connections.open("c9", admin, java.time.Instant.now());
        routes.message(message("c9", "{\"type\":\"subscribe\",\"id\":\"resume\",\"projectId\":\"p1\",\"events\":[\"system_notification\"],\"since\":1}"));
        assertThat(posted).extracting(p -> p.frame().path("type").asString()).containsExactly("subscribed", "event");
        assertThat(posted.get(1).frame().path("event").path("data").path("notificationId").asString()).isEqualTo(all.id());

        // bad input: every field named; an unknown project is a 404
        var bad = org.assertj.core.api.Assertions.catchThrowableOfType(dev.luna.core.ValidationException.class,
                () -> notices.send(new NotificationRequest("loud", " ", null, "bad id!"), admin));
        assertThat(bad.getMessage() + bad.details()).contains("severity").contains("title").contains("message").contains("projectId");
        var missing = org.assertj.core.api.Assertions.catchThrowableOfType(dev.luna.core.LunaException.class,
                () -> notices.send(new NotificationRequest("info", "t", "m", "p404"), admin));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(events.lastSequence("p404")).isZero();
    }

    @Test
    void aTokenAlertStoredByTheBudgetStoreReachesItsSubscribersFromTheTableStream() {
        var now = java.time.Instant.now();
        for (String c : List.of("c1", "c2")) connections.open(c, admin, now);
        connections.subscribe("c1", "alerts", new LiveFilter("p1", Set.of(LiveEventKind.TOKEN_ALERT), null), now);
        connections.subscribe("c2", "health", new LiveFilter("p1", Set.of(LiveEventKind.AGENT_HEALTH), null), now);
        var store = new dev.luna.llm.BudgetStore(platform.aws());
        var alert = new dev.luna.llm.Alert("alr_" + "0".repeat(25) + "1", "p1", "agt_a1", "2026-12", new java.math.BigDecimal("0.8"),
                new java.math.BigDecimal("8.5"), new java.math.BigDecimal("10"), new java.math.BigDecimal("0.85"), now, "none", null,
                "pending", 0, null, null, null);
        assertThat(store.createAlert(alert)).isTrue();
        // the stored item exactly as the table's stream carries it (INSERT, new image in DynamoDB JSON)
        var item = platform.aws().dynamo().scan(b -> b.tableName(platform.config().tableName("token-budgets"))).items().stream()
                .filter(i -> i.get("sk").s().startsWith("ALERT#")).findFirst().orElseThrow();
        var alerts = new StreamFanout(connections, events, new ConnectionPoster(platform.config()), StreamRecords::tokenAlert);

        alerts.handle(batch(streamImage("INSERT", item, "7")));
        alerts.handle(batch(streamImage("MODIFY", item, "8"))); // a delivery attempt updates the item: not a new alert

        assertThat(posted).extracting(Posted::connectionId).containsExactly("c1");
        var event = posted.getFirst().frame().path("event");
        assertThat(event.path("type").asString()).isEqualTo("token_alert");
        assertThat(event.path("subject").asString()).isEqualTo("agent:agt_a1");
        assertThat(event.path("data").path("alertId").asString()).isEqualTo(alert.id());
        assertThat(event.path("data").path("threshold").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(event.path("data").path("utilization").decimalValue()).isEqualByComparingTo("0.85");
        assertThat(event.path("data").path("period").asString()).isEqualTo("2026-12");
    }

    @Test
    void badMessagesAndBadCredentialsAreAnsweredNeverThrown() {
        assertThat(body(routes.message(message("c1", "{not json"))).path("code").asString()).isEqualTo("MALFORMED_JSON");
        assertThat(body(routes.message(message("c1", "{\"type\":\"subscribe\",\"id\":\"x\",\"events\":[\"nope\"]}"))).path("code").asString())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(body(routes.message(message("c1", "{\"type\":\"subscribe\",\"id\":\"x\"}"))).path("code").asString())
                .as("a connection never authenticated").isEqualTo("UNAUTHENTICATED");
        assertThat(body(routes.message(message("c1", "{\"type\":\"unsubscribe\",\"id\":\"x\"}"))).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(body(routes.message(message("c1", "x".repeat(WsRoutes.MAX_MESSAGE_CHARS + 1)))).path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(body(routes.message(message("c1", "{\"type\":\"ping\",\"id\":\"p\"}"))).path("type").asString()).isEqualTo("pong");
        var refused = routes.connect(Json.tree("{\"requestContext\":{\"connectionId\":\"c5\",\"requestId\":\"r\"},\"headers\":{}}"));
        assertThat(refused.get("statusCode")).isEqualTo(401);
        var wrongKey = routes.connect(Json.tree("{\"requestContext\":{\"connectionId\":\"c6\",\"requestId\":\"r\"},"
                + "\"headers\":{\"Authorization\":\"Bearer luna_not_a_key_000000000000000000000000\"}}"));
        assertThat(wrongKey.get("statusCode")).isEqualTo(401);
        assertThat(connections.caller("c5")).isEmpty();
        assertThat(posted).isEmpty();
    }

    @Test
    void graphqlSubscriptionsSpeakGraphqlTransportWsAndReceiveTheSelectedFieldsUntilTheTerminalStatus() {
        String secret = "luna_" + "g".repeat(43);
        new dev.luna.identity.ApiKeyStore(platform.aws()).put(new dev.luna.identity.ApiKeyRecord("key_gql", "gql", secret.substring(0, 12),
                dev.luna.identity.ApiKeyStore.hash(secret), "usr_admin", Set.of(Principal.ADMIN), null, dev.luna.identity.ApiKeyRecord.ACTIVE,
                java.time.Instant.now(), null, null, null));
        // the handshake chooses the subprotocol and may leave the credentials to connection_init
        var connect = routes.connect(Json.tree("{\"requestContext\":{\"connectionId\":\"g1\",\"requestId\":\"r\"},"
                + "\"headers\":{\"Sec-WebSocket-Protocol\":\"graphql-transport-ws\"}}"));
        assertThat(connect.get("statusCode")).isEqualTo(200);
        assertThat(Json.mapper().valueToTree(connect.get("headers")).path("Sec-WebSocket-Protocol").asString()).isEqualTo("graphql-transport-ws");
        String query = "subscription($t: ID!) { progress: taskProgress(taskId: $t) { seq kind: type data __typename } }";
        String subscribe = Json.write(Map.of("id", "s1", "type", "subscribe", "payload", Map.of("query", query, "variables", Map.of("t", task(7)))));

        // a subscribe before connection_init closes the connection (4401 where the protocol can send a code)
        assertThat(routes.message(message("g1", subscribe)).get("body")).isNull();
        assertThat(disconnected).containsExactly("g1");
        assertThat(connections.connection("g1")).isEmpty();

        routes.connect(Json.tree("{\"requestContext\":{\"connectionId\":\"g2\",\"requestId\":\"r\"},"
                + "\"headers\":{\"Sec-WebSocket-Protocol\":\"graphql-transport-ws, luna.v1\"}}"));
        assertThat(body(routes.message(message("g2", "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + secret + "\"}}")))
                .path("type").asString()).isEqualTo("connection_ack");
        assertThat(body(routes.message(message("g2", "{\"type\":\"ping\"}"))).path("type").asString()).isEqualTo("pong");
        // a query that does not validate against the schema is an error message for that id; the connection stays
        var invalid = body(routes.message(message("g2", Json.write(Map.of("id", "bad", "type", "subscribe",
                "payload", Map.of("query", "subscription { taskProgress(taskId: \"x\") { nope } }"))))));
        assertThat(invalid.path("type").asString()).isEqualTo("error");
        assertThat(invalid.path("payload").get(0).path("message").asString()).contains("nope");
        var unknownTask = body(routes.message(message("g2", subscribe)));
        assertThat(unknownTask.path("type").asString()).isEqualTo("error");
        assertThat(unknownTask.path("payload").get(0).path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");

        // the task exists: its progress arrives as next messages with the selected fields, then complete
        String doc = streamRecord(task(7), "default", "queued", 1, "0").path("dynamodb").path("NewImage").path("doc").path("S").asString();
        platform.aws().dynamo().putItem(b -> b.tableName(platform.config().tableName("tasks")).item(Map.of(
                "pk", dev.luna.store.Attr.s(dev.luna.tasks.store.TaskKeys.pk(task(7))), "sk", dev.luna.store.Attr.s("TASK"),
                "doc", dev.luna.store.Attr.s(doc))));
        assertThat(routes.message(message("g2", subscribe)).get("body")).isNull();
        assertThat(connections.subscriptions("g2")).extracting(WsConnections.Subscription::id).containsExactly("s1");
        fanout.handle(batch(streamRecord(task(7), "default", "running", 2, "1"), streamRecord(task(7), "default", "succeeded", 3, "2"),
                streamRecord(task(7), "default", "succeeded", 4, "3")));
        var frames = posted.stream().filter(p -> p.connectionId().equals("g2")).map(Posted::frame).toList();
        assertThat(frames).extracting(f -> f.path("type").asString()).containsExactly("next", "next", "complete");
        var first = frames.getFirst();
        assertThat(first.path("id").asString()).isEqualTo("s1");
        var progress = first.path("payload").path("data").path("progress");
        assertThat(progress.path("kind").asString()).isEqualTo("task_progress");
        assertThat(progress.path("__typename").asString()).isEqualTo("LiveEvent");
        assertThat(progress.path("data").path("status").asString()).isEqualTo("running");
        assertThat(progress.has("projectId")).as("only the selected fields").isFalse();
        assertThat(frames.get(1).path("payload").path("data").path("progress").path("data").path("status").asString()).isEqualTo("succeeded");
        assertThat(connections.subscriptions("g2")).as("the terminal status completed the subscription").isEmpty();

        // a second connection_init and a message that is not JSON close the connection
        routes.message(message("g2", "{\"type\":\"connection_init\"}"));
        assertThat(disconnected).containsExactly("g1", "g2");
        routes.connect(Json.tree("{\"requestContext\":{\"connectionId\":\"g3\",\"requestId\":\"r\"},"
                + "\"headers\":{\"Sec-WebSocket-Protocol\":\"graphql-transport-ws\",\"Authorization\":\"Bearer " + secret + "\"}}"));
        routes.message(message("g3", "{not json"));
        assertThat(disconnected).containsExactly("g1", "g2", "g3");
        // wrong credentials in connection_init: closed (4403)
        routes.connect(Json.tree("{\"requestContext\":{\"connectionId\":\"g4\",\"requestId\":\"r\"},"
                + "\"headers\":{\"Sec-WebSocket-Protocol\":\"graphql-transport-ws\"}}"));
        routes.message(message("g4", "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer luna_wrong\"}}"));
        assertThat(disconnected).containsExactly("g1", "g2", "g3", "g4");
    }

    private static JsonNode message(String connectionId, String body) {
        var event = Json.object();
        var ctx = event.putObject("requestContext");
        ctx.put("connectionId", connectionId);
        ctx.put("requestId", "req-" + connectionId);
        ctx.put("routeKey", "$default");
        event.put("body", body);
        return event;
    }

    private static JsonNode body(Map<String, Object> answer) {
        return Json.tree((String) answer.get("body"));
    }
}
