package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One trace per request: {@code GET /api/v1/admin/traces/{requestId}} shows the spans of a submission across HTTP, the
 * queue and the worker, and of a chat completion across HTTP, the gateway and the provider, linked parent to child.
 */
class TracesIT {
    private static Api api;
    private static String agent;

    @BeforeAll
    static void start() {
        TestRuntime.shared();
        api = TestRuntime.admin();
        agent = TestRuntime.runningTaskAgent(api);
    }

    private static List<JsonNode> spans(JsonNode trace) {
        return StreamSupport.stream(trace.get("spans").spliterator(), false).toList();
    }

    private static JsonNode named(List<JsonNode> spans, String name) {
        return spans.stream().filter(s -> s.get("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    }

    @Test
    void aSubmissionIsOneTraceFromTheApiThroughTheQueueToTheWorker() {
        var created = api.header("X-Amzn-Trace-Id", "Root=1-6753f1a2-aaaaaaaaaaaaaaaaaaaaaaaa;Parent=53995c3f42cd8ad8;Sampled=1")
                .post("/api/v1/tasks", "{\"type\":\"echo\",\"agentId\":\"" + agent + "\",\"payload\":{\"message\":\"trace me\",\"steps\":2}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String requestId = created.header("X-Request-Id");
        Await.task(api, created.data().get("id").asString(), "succeeded");
        var trace = Await.until(() -> api.get("/api/v1/admin/traces/" + requestId),
                r -> r.status() == 200 && spans(r.data()).stream().anyMatch(s -> s.get("name").asString().equals("task echo")), "the worker's span").data();
        var spans = spans(trace);
        assertThat(trace.get("traceIds")).hasSize(1);
        assertThat(trace.get("traceIds").get(0).asString()).isEqualTo("6753f1a2aaaaaaaaaaaaaaaaaaaaaaaa");
        var http = named(spans, "POST /api/v1/tasks");
        var worker = named(spans, "task echo");
        assertThat(http.get("kind").asString()).isEqualTo("server");
        assertThat(http.get("parentSpanId").asString()).isEqualTo("53995c3f42cd8ad8");
        assertThat(http.get("attributes").get("http.response.status_code").asInt()).isEqualTo(201);
        assertThat(worker.get("kind").asString()).isEqualTo("consumer");
        assertThat(worker.get("parentSpanId").asString()).isEqualTo(http.get("spanId").asString());
        assertThat(worker.get("attributes").get("luna.task_id").asString()).isEqualTo(created.data().get("id").asString());
        assertThat(spans).allSatisfy(s -> assertThat(s.get("requestId").asString()).isEqualTo(requestId));
    }

    @Test
    void aChatCompletionIsOneTraceThroughTheGatewayToTheProvider() {
        var r = api.post("/api/v1/ai/chat/completions", "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 20}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var spans = spans(api.get("/api/v1/admin/traces/" + r.header("X-Request-Id")).data());
        var http = named(spans, "POST /api/v1/ai/chat/completions");
        var gateway = named(spans, "llm gateway chat");
        var provider = spans.stream().filter(s -> s.get("kind").asString().equals("client")).findFirst().orElseThrow();
        assertThat(gateway.get("parentSpanId").asString()).isEqualTo(http.get("spanId").asString());
        assertThat(provider.get("parentSpanId").asString()).isEqualTo(gateway.get("spanId").asString());
        assertThat(provider.get("name").asString()).isEqualTo("chat luna-local-1");
        assertThat(provider.get("attributes").get("gen_ai.request.model").asString()).isEqualTo("luna-local-1");
    }

    @Test
    void unknownMalformedAndForbiddenRequestsAreRefused() {
        var unknown = api.get("/api/v1/admin/traces/req_nothing_here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/v1/admin/traces/" + "x".repeat(200)).status()).isEqualTo(400);
        var key = api.post("/api/v1/api-keys", "{\"name\":\"reader\",\"scopes\":[\"agents:read\"]}").data().get("secret").asString();
        assertThat(api.withKey(key).get("/api/v1/admin/traces/req_nothing_here").status()).isEqualTo(403);
    }
}
