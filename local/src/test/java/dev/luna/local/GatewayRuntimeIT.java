package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.luna.core.Json;
import dev.luna.llm.ProviderStandIn;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A local runtime configured with provider keys whose base URLs point at stand-ins speaking OpenAI's and Anthropic's
 * wire formats: priced calls, budgets refused over HTTP, a stream cut and continued by the fallback through the
 * local API Gateway, usage with exact cost, and the budget monitor invoked with a real EventBridge scheduled event.
 */
class GatewayRuntimeIT {
    static final String KEY = "luna_gateway_runtime_admin_key_000000000001";
    static ProviderStandIn openai;
    static ProviderStandIn anthropic;
    static LocalRuntime runtime;
    static HttpServer receiver;
    static final List<String> received = new CopyOnWriteArrayList<>();
    final String project = TestRuntime.unique("prj").replace('-', '_');
    Api api;

    @BeforeAll
    static void start() throws IOException {
        openai = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
        anthropic = new ProviderStandIn(ProviderStandIn.Dialect.ANTHROPIC);
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_OPENAI_API_KEY", "sk-standin-openai").setting("LUNA_OPENAI_BASE_URL", openai.baseUrl())
                .setting("LUNA_ANTHROPIC_API_KEY", "sk-standin-anthropic").setting("LUNA_ANTHROPIC_BASE_URL", anthropic.baseUrl())
                .start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/alerts", ex -> {
            try (ex) {
                received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                ex.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        runtime.close();
        openai.close();
        anthropic.close();
    }

    @BeforeEach
    void fresh() {
        openai.reset();
        anthropic.reset();
        anthropic.text = "Anthropic finishes the answer.";
        api = new Api(runtime.baseUri(), KEY);
    }

    Api.Response chat(String body) {
        return api.post("/api/v1/ai/chat/completions?projectId=" + project, body);
    }

    @Test
    void aPricedCallReportsProviderUsageAndExactCost() {
        var r = chat("{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 50}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var json = r.json();
        assertThat(json.get("choices").get(0).get("message").get("content").asString()).isEqualTo(openai.text);
        assertThat(json.get("usage").get("prompt_tokens").asInt()).isEqualTo(42);
        assertThat(json.get("usage").get("prompt_tokens_details").get("cached_tokens").asInt()).isEqualTo(10);
        // 32 x $0.15 + 10 x $0.075 + 9 x $0.60, per million
        assertThat(json.get("luna").get("costUsd").decimalValue()).isEqualByComparingTo("0.00001095");
        assertThat(json.get("luna").get("offline").asBoolean()).isFalse();
        assertThat(r.header("X-Luna-Provider")).isEqualTo("openai");
        var usage = api.get("/api/v1/tokens/usage?projectId=" + project + "&groupBy=provider,model").data();
        assertThat(usage.get("total").get("costUsd").decimalValue()).isEqualByComparingTo("0.00001095");
        assertThat(usage.get("groups").get(0).get("key").get("model").asString()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aStreamCutMidwayIsFinishedByTheFallbackThroughTheLocalGateway() {
        openai.enqueue(new ProviderStandIn.Fault.Cut(2, true));
        var r = chat("""
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 50, "stream": true,
                 "luna": {"fallbacks": ["claude-haiku-4-5"]}}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        String partial = String.join("", openai.pieces().subList(0, 2));
        assertThat(Sse.text(r.body())).isEqualTo(partial + anthropic.text);
        var chunks = Sse.chunks(r.body());
        var luna = chunks.get(chunks.size() - 1).get("luna");
        assertThat(luna.get("failovers").get(0).get("from").asString()).isEqualTo("gpt-4o-mini");
        assertThat(luna.get("failovers").get(0).get("to").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(luna.get("failovers").get(0).get("afterChars").asInt()).isEqualTo(partial.length());
        assertThat(Sse.data(r.body())).last().isEqualTo("[DONE]");
    }

    @Test
    void aHardBudgetRefusesCallsOverHttpBeforeAnyProviderIsContacted() {
        var b = api.post("/api/v1/tokens/budget?projectId=" + project, "{\"monthlyLimitUsd\": 0.00001}");
        assertThat(b.status()).isEqualTo(201);
        var r = chat("{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 1000}");
        assertThat(r.status()).isEqualTo(402);
        assertThat(r.errorCode()).isEqualTo("BUDGET_EXCEEDED");
        assertThat(openai.arrivals).hasValue(0);
        var stream = chat("{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 1000, \"stream\": true}");
        assertThat(stream.status()).isEqualTo(402);
        assertThat(stream.header("Content-Type")).startsWith("application/json");
        assertThat(openai.arrivals).hasValue(0);
    }

    @Test
    void theBudgetMonitorRunsOnAScheduledEventAndAlertsOnce() {
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts";
        var b = api.post("/api/v1/tokens/budget?projectId=" + project, """
                {"monthlyLimitUsd": 0.00002, "alertThresholds": [0.5], "hardStop": false,
                 "notification": {"type": "slack", "url": "%s"}}""".formatted(hook));
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        assertThat(chat("{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 50}").status()).isEqualTo(200);
        int before = received.size();
        String event = """
                {"version": "0", "id": "evt-%s", "detail-type": "Scheduled Event", "source": "aws.scheduler", "account": "123456789012",
                 "time": "%s", "region": "us-east-1", "resources": ["arn:aws:scheduler:us-east-1:123456789012:schedule/default/luna-budget-monitor"], "detail": {}}"""
                .formatted(project, Instant.now());
        for (int i = 0; i < 2; i++) {
            var report = Json.mapper().readTree(runtime.invoker().invoke("budgetMonitor", event.getBytes(StandardCharsets.UTF_8)));
            assertThat(report.get("eventId").asString()).isEqualTo("evt-" + project);
        }
        assertThat(received.size() - before).isEqualTo(1);
        assertThat(Json.tree(received.get(received.size() - 1)).get("text").asString()).contains("Project " + project);
        var alerts = api.get("/api/v1/tokens/alerts?projectId=" + project);
        assertThat(alerts.data()).hasSize(1);
        assertThat(alerts.data().get(0).get("deliveryStatus").asString()).isEqualTo("delivered");
        assertThat(alerts.data().get(0).get("channel").asString()).isEqualTo("slack");
    }

    @Test
    void anEmailBudgetAlertIsSentToTheLocalMailServer() {
        var b = api.post("/api/v1/tokens/budget?projectId=" + project, """
                {"monthlyLimitUsd": 0.00002, "alertThresholds": [0.5], "hardStop": false,
                 "notification": {"type": "email", "email": "finops@example.com"}}""");
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        assertThat(chat("{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 50}").status()).isEqualTo(200);
        var mail = runtime.mail().orElseThrow();
        int before = mail.received().size();
        String event = """
                {"version": "0", "id": "evt-mail-%s", "detail-type": "Scheduled Event", "source": "aws.scheduler", "account": "123456789012",
                 "time": "%s", "region": "us-east-1", "resources": ["arn:aws:scheduler:us-east-1:123456789012:schedule/default/luna-budget-monitor"], "detail": {}}"""
                .formatted(project, Instant.now());
        runtime.invoker().invoke("budgetMonitor", event.getBytes(StandardCharsets.UTF_8));
        var sent = mail.received().subList(before, mail.received().size());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).containsExactly("finops@example.com");
        assertThat(sent.get(0).from()).isEqualTo("luna-alerts@localhost");
        assertThat(sent.get(0).subject()).isEqualTo("Luna budget alert: project " + project + " passed 50% of its " + java.time.YearMonth.now(java.time.ZoneOffset.UTC) + " budget");
        assertThat(sent.get(0).text()).contains("Project " + project + " has spent $").contains("alertId: alr_");
        var alerts = api.get("/api/v1/tokens/alerts?projectId=" + project);
        assertThat(alerts.data().get(0).get("channel").asString()).isEqualTo("email");
        assertThat(alerts.data().get(0).get("deliveryStatus").asString()).isEqualTo("delivered");
    }
}
