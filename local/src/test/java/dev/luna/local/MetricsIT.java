package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.llm.ProviderStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Real requests through the local runtime produce CloudWatch Embedded Metric Format lines on {@code luna.metrics}, each
 * valid EMF and declared in functions/metrics.json: the API pipeline's, a task's whole lifecycle, a priced model call
 * through the gateway, a RAG query with its embedding cache, and the scheduled budget monitor and health-check.
 */
class MetricsIT {
    static final String KEY = "luna_metrics_runtime_admin_key_00000000001";
    static ProviderStandIn openai;
    static LocalRuntime runtime;
    static Api api;
    EmfLines emf;

    @BeforeAll
    static void start() {
        openai = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
        runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_OPENAI_API_KEY", "sk-standin-openai").setting("LUNA_OPENAI_BASE_URL", openai.baseUrl())
                .setting("LUNA_RAG_RUN_INLINE", "true")
                .initializer(TestTaskTypes::register)
                .start();
        api = new Api(runtime.baseUri(), KEY);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        openai.close();
    }

    @BeforeEach
    void capture() {
        emf = new EmfLines();
    }

    @AfterEach
    void release() {
        emf.close();
    }

    @Test
    void everyRequestCountsWithItsLatencyAndErrorsCarryTheirCode() {
        assertThat(api.get("/api/v1/agents").status()).isEqualTo(200);
        var anonymous = new Api(runtime.baseUri(), null).get("/api/v1/agents");
        assertThat(anonymous.status()).isEqualTo(401);

        var ok = emf.with("ApiRequests", Map.of("Function", "agents-list", "Stack", "local"));
        assertThat(ok).hasSize(2);
        for (JsonNode d : ok) {
            assertThat(d.get("ApiRequests").asInt()).isEqualTo(1);
            assertThat(d.get("ApiLatency").asDouble()).isGreaterThan(0);
            assertThat(d.get("ApiFaults").asInt()).isZero();
            assertThat(d.get("function").asString()).isEqualTo("agents-list");
            assertThat(d.get("requestId").asString()).isNotBlank();
        }
        var errors = emf.with("ApiErrors", Map.of("Function", "agents-list", "Code", "UNAUTHENTICATED"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("ApiErrors").asInt()).isEqualTo(1);
        // the id travels as a property, never as a dimension
        for (JsonNode d : emf.documents()) {
            d.get("_aws").get("CloudWatchMetrics").forEach(dir -> assertThat(dir.get("Dimensions").toString()).doesNotContain("requestId"));
        }
    }

    @Test
    void aTaskLifecycleEmitsSubmittedStartedSucceededWithQueueWaitAndDuration() {
        String agent = TestRuntime.runningTaskAgent(api);
        var created = api.post("/api/v1/tasks", "{\"type\":\"test-noop\",\"priority\":\"high\",\"agentId\":\"" + agent
                + "\",\"payload\":{\"n\":1}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Await.task(api, created.data().get("id").asString(), "succeeded");
        var byType = Map.of("Type", "test-noop", "Priority", "high");
        Await.until(() -> emf.with("TasksSucceeded", byType), l -> !l.isEmpty(), "the task's succeeded metric");
        assertThat(emf.with("TasksSubmitted", byType)).hasSize(1);
        var started = emf.with("TasksStarted", byType);
        assertThat(started).hasSize(1);
        assertThat(started.get(0).get("TaskQueueWait").isNumber()).isTrue();
        var succeeded = emf.with("TasksSucceeded", byType);
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.get(0).get("TaskDuration").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aPricedModelCallEmitsTokensAndCostByProviderAndModel() {
        String project = TestRuntime.unique("prj").replace('-', '_');
        var budget = api.post("/api/v1/tokens/budget?projectId=" + project, "{\"monthlyLimitUsd\": 0.00002, \"hardStop\": false}");
        assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
        var r = api.post("/api/v1/ai/chat/completions?projectId=" + project,
                "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 50}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var calls = emf.with("LlmCalls", Map.of("Provider", "openai", "Model", "gpt-4o-mini"));
        assertThat(calls).hasSize(1);
        var d = calls.get(0);
        // the stand-in bills 42 input tokens (10 of them cached) and 9 output tokens: 32 x $0.15 + 10 x $0.075 + 9 x $0.60 per million
        assertThat(d.get("LlmInputTokens").asInt()).isEqualTo(42);
        assertThat(d.get("LlmCachedInputTokens").asInt()).isEqualTo(10);
        assertThat(d.get("LlmOutputTokens").asInt()).isEqualTo(9);
        assertThat(d.get("LlmCostUsd").asDouble()).isEqualTo(0.00001095, org.assertj.core.data.Offset.offset(1e-12));

        runtime.invoker().invoke("budgetMonitor", event("budget-monitor"));
        var utilization = emf.with("TokenBudgetUtilization", Map.of());
        assertThat(utilization).isNotEmpty();
        assertThat(utilization.stream().mapToDouble(u -> u.get("TokenBudgetUtilization").asDouble()).max().orElseThrow())
                .as("0.00001095 of 0.00002").isGreaterThan(50);
    }

    @Test
    void aRagQueryEmitsItsLatencyAndTheQueryCacheMissesThenHits() {
        String project = api.post("/api/v1/projects", "{\"name\":\"" + TestRuntime.unique("metrics") + "\"}").data().get("id").asString();
        assertThat(api.post("/api/v1/rag/index", RagFixtures.inlineIndex(project, RagFixtures.files())).status()).isEqualTo(202);
        String query = Json.write(Map.of("projectId", project, "query", "evict the least recently used entry", "mode", "hybrid"));
        assertThat(api.post("/api/v1/rag/query", query).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/rag/query", query).status()).isEqualTo(200);
        var latency = emf.with("RagQueryLatency", Map.of("Mode", "hybrid"));
        assertThat(latency).hasSize(2);
        var cache = emf.with("CacheHits", Map.of("Cache", "rag-query-embedding"));
        assertThat(cache.stream().mapToInt(c -> c.get("CacheHits").asInt()).sum()).isEqualTo(1);
        assertThat(cache.stream().mapToInt(c -> c.get("CacheMisses").asInt()).sum()).isEqualTo(1);
        assertThat(emf.with("CacheMisses", Map.of("Cache", "rag-document-embedding"))).as("the index embedded its chunks").isNotEmpty();
    }

    @Test
    void theHealthCheckReportsUnhealthyAgents() {
        runtime.invoker().invoke("healthCheck", event("health-check"));
        var swept = emf.with("AgentsUnhealthy", Map.of("Stack", "local"));
        assertThat(swept).hasSize(1);
        assertThat(swept.get(0).get("AgentsUnhealthy").asInt()).isGreaterThanOrEqualTo(0);
    }

    private static byte[] event(String function) {
        try {
            return Files.readString(Paths.root().resolve("events/" + function + "/scheduled.json")).getBytes(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
