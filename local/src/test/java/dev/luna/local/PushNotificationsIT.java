package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.luna.core.Json;
import dev.luna.llm.ProviderStandIn;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Devices and push notifications: a local runtime whose {@code LUNA_EXPO_PUSH_URL} points at a stand-in speaking
 * Expo's push API over a real socket (a JSON array of messages in, one ticket per message out, {@code
 * DeviceNotRegistered} for a token it was told is dead). Devices are registered, listed and forgotten over HTTP; a
 * followed task's end reaches the follower's devices (and a dead token's device is forgotten); a budget alert reaches
 * the devices of its project; bad input is a 400 naming the field.
 */
class PushNotificationsIT {
    static final String KEY = "luna_push_runtime_admin_key_0000000000000001";
    static final String ACCESS_TOKEN = "expo-access-token-for-tests";
    static ProviderStandIn openai;
    static LocalRuntime runtime;
    static HttpServer expo;
    static final List<JsonNode> pushes = new CopyOnWriteArrayList<>();
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final List<String> deadTokens = new CopyOnWriteArrayList<>();
    static Api api;

    @BeforeAll
    static void start() throws IOException {
        expo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        expo.createContext("/--/api/v2/push/send", ex -> {
            try (ex) {
                var messages = Json.tree(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                var tickets = new ArrayList<Object>();
                for (var m : messages) {
                    pushes.add(m);
                    tickets.add(deadTokens.contains(m.get("to").asString())
                            ? java.util.Map.of("status", "error", "message", "\"" + m.get("to").asString() + "\" is not a registered push notification recipient",
                            "details", java.util.Map.of("error", "DeviceNotRegistered"))
                            : java.util.Map.of("status", "ok", "id", "ticket-" + pushes.size()));
                }
                byte[] body = Json.write(java.util.Map.of("data", tickets)).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        expo.start();
        openai = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_OPENAI_API_KEY", "sk-standin-openai").setting("LUNA_OPENAI_BASE_URL", openai.baseUrl())
                .setting("LUNA_EXPO_PUSH_URL", "http://127.0.0.1:" + expo.getAddress().getPort() + "/--/api/v2/push/send")
                .setting("LUNA_EXPO_ACCESS_TOKEN", ACCESS_TOKEN)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .initializer(TestTaskTypes::register)
                .start();
        api = new Api(runtime.baseUri(), KEY);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        expo.stop(0);
        openai.close();
    }

    static String token(String name) {
        return "ExponentPushToken[" + TestRuntime.unique(name) + "]";
    }

    static List<JsonNode> pushesTo(String token) {
        return pushes.stream().filter(p -> p.get("to").asString().equals(token)).toList();
    }

    /** Waits (generously: the machine may be loaded) until the task has succeeded. */
    static void ended(String id) {
        Await.until(() -> api.get("/api/v1/tasks/" + id), r -> r.status() == 200 && r.data().get("status").asString().equals("succeeded"),
                "task " + id + " to succeed", Duration.ofSeconds(120));
    }

    @Test
    void devicesAreRegisteredOncePerTokenListedAndForgotten() {
        String token = token("phone");
        var first = api.post("/api/v1/devices", "{\"expoPushToken\": \"" + token + "\", \"platform\": \"ios\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String id = first.data().get("id").asString();
        assertThat(id).matches("dev_[0-9a-f]{20}");
        assertThat(first.data().get("followTasks").asBoolean()).isTrue();
        assertThat(first.data().get("followBudgetAlerts").asBoolean()).isTrue();
        var again = api.post("/api/v1/devices", "{\"expoPushToken\": \"" + token + "\", \"platform\": \"ios\", \"follow\": {\"budgetAlerts\": false}}");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.data().get("id").asString()).isEqualTo(id);
        assertThat(again.data().get("followBudgetAlerts").asBoolean()).isFalse();
        var list = api.get("/api/v1/devices");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data().findValuesAsString("id")).contains(id);
        assertThat(api.delete("/api/v1/devices/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/devices").data().findValuesAsString("id")).doesNotContain(id);
        var gone = api.delete("/api/v1/devices/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void badDeviceInputIsA400NamingTheField() {
        var r = api.post("/api/v1/devices", "{\"expoPushToken\": \"not-a-token\", \"platform\": \"ios\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("expoPushToken");
        r = api.post("/api/v1/devices", "{\"expoPushToken\": \"" + token("p") + "\", \"platform\": \"symbian\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("platform");
        r = api.post("/api/v1/devices", "[1, 2]");
        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertThat(api.delete("/api/v1/devices/" + "x".repeat(3000)).status()).isIn(400, 404);
        assertThat(api.delete("/api/v1/devices/dev_0123456789abcdef0123").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/tasks/tsk_01M00000000000000000000000/follow", null).status()).isEqualTo(404);
    }

    @Test
    void theEndOfAFollowedTaskIsPushedToTheFollowersDevicesAndADeadTokenIsForgotten() {
        String alive = token("alive");
        String dead = token("dead");
        deadTokens.add(dead);
        assertThat(api.post("/api/v1/devices", "{\"expoPushToken\": \"" + alive + "\", \"platform\": \"android\"}").status()).isEqualTo(201);
        String deadId = api.post("/api/v1/devices", "{\"expoPushToken\": \"" + dead + "\", \"platform\": \"ios\"}").data().get("id").asString();
        String agent = TestRuntime.runningTaskAgent(api);
        var task = api.post("/api/v1/tasks", "{\"type\": \"echo\", \"cache\": false, \"agentId\": \"" + agent
                + "\", \"payload\": {\"message\": \"followed\", \"steps\": 4, \"delayMs\": 4000}}");
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        String id = task.data().get("id").asString();
        var follow = api.post("/api/v1/tasks/" + id + "/follow", null);
        assertThat(follow.status()).as(follow.toString()).isEqualTo(200);
        assertThat(follow.data().get("following").asBoolean()).isTrue();
        ended(id);
        var pushed = Await.until(() -> pushesTo(alive), l -> !l.isEmpty(), "a push to the follower's device", Duration.ofSeconds(30));
        assertThat(pushed).hasSize(1);
        assertThat(pushed.get(0).get("title").asString()).isEqualTo("Task succeeded: echo");
        assertThat(pushed.get(0).get("data").get("taskId").asString()).isEqualTo(id);
        assertThat(pushed.get(0).get("data").get("status").asString()).isEqualTo("succeeded");
        assertThat(authorizations).contains("Bearer " + ACCESS_TOKEN);
        assertThat(pushesTo(dead)).hasSize(1);
        Await.until(() -> api.get("/api/v1/devices").data().findValuesAsString("id"), ids -> !ids.contains(deadId),
                "the dead token's device to be forgotten");
        // an ended task is not followed again, and a task nobody follows pushes nothing
        assertThat(api.post("/api/v1/tasks/" + id + "/follow", null).data().get("following").asBoolean()).isFalse();
        var unfollowed = api.post("/api/v1/tasks", "{\"type\": \"echo\", \"cache\": false, \"agentId\": \"" + agent
                + "\", \"payload\": {\"message\": \"unfollowed\", \"steps\": 3, \"delayMs\": 3000}}").data().get("id").asString();
        assertThat(api.post("/api/v1/tasks/" + unfollowed + "/follow", null).data().get("following").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/tasks/" + unfollowed + "/follow").data().get("following").asBoolean()).isFalse();
        ended(unfollowed);
        int before = pushes.size();
        ended(api.post("/api/v1/tasks", "{\"type\": \"echo\", \"cache\": false, \"agentId\": \"" + agent
                + "\", \"payload\": {\"message\": \"later\"}}").data().get("id").asString());
        assertThat(pushes.subList(before, pushes.size()).stream().filter(p -> p.get("data").path("taskId").asString("").equals(unfollowed))).isEmpty();
        assertThat(pushes.stream().filter(p -> p.get("data").path("taskId").asString("").equals(unfollowed))).isEmpty();
    }

    @Test
    void theReadmeDevicesWalkthroughRunsAndItsFollowedTaskIsPushed() throws Exception {
        String readme = java.nio.file.Files.readString(Paths.root().resolve("README.md"));
        String block = readme.substring(readme.indexOf("<!-- devices:start -->"), readme.indexOf("<!-- devices:end -->"));
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
        String token = "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]";
        int before = pushesTo(token).size();
        var pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        pb.environment().put("LUNA", runtime.baseUri().toString().replaceAll("/+$", ""));
        pb.environment().put("LUNA_KEY", KEY);
        var process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\"following\":true").contains("\"code\":\"VALIDATION_FAILED\"").contains("expoPushToken");
        var pushed = Await.until(() -> pushesTo(token), l -> l.size() > before, "the walkthrough's push", Duration.ofSeconds(30));
        assertThat(pushed.get(pushed.size() - 1).get("title").asString()).isEqualTo("Task succeeded: echo");
    }

    @Test
    void aBudgetAlertIsPushedToTheDevicesOfItsProject() {
        String project = TestRuntime.unique("prj").replace('-', '_');
        String phone = token("budget");
        var d = api.post("/api/v1/devices?projectId=" + project, "{\"expoPushToken\": \"" + phone + "\", \"platform\": \"ios\"}");
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        assertThat(d.data().get("projectId").asString()).isEqualTo(project);
        var b = api.post("/api/v1/tokens/budget?projectId=" + project, """
                {"monthlyLimitUsd": 0.00002, "alertThresholds": [0.5], "hardStop": false}""");
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        var chat = api.post("/api/v1/ai/chat/completions?projectId=" + project,
                "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 50}");
        assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
        String event = """
                {"version": "0", "id": "evt-push-%s", "detail-type": "Scheduled Event", "source": "aws.scheduler", "account": "123456789012",
                 "time": "%s", "region": "us-east-1", "resources": ["arn:aws:scheduler:us-east-1:123456789012:schedule/default/luna-budget-monitor"], "detail": {}}"""
                .formatted(project, Instant.now());
        for (int i = 0; i < 2; i++) runtime.invoker().invoke("budgetMonitor", event.getBytes(StandardCharsets.UTF_8));
        var pushed = pushesTo(phone);
        assertThat(pushed).hasSize(1);
        assertThat(pushed.get(0).get("title").asString()).startsWith("Luna budget alert: project " + project + " passed 50%");
        assertThat(pushed.get(0).get("body").asString()).contains("Project " + project + " has spent $");
        assertThat(pushed.get(0).get("data").get("kind").asString()).isEqualTo("budget_alert");
        String alertId = api.get("/api/v1/tokens/alerts?projectId=" + project).data().get(0).get("id").asString();
        assertThat(pushed.get(0).get("data").get("alertId").asString()).isEqualTo(alertId);
    }
}
