package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tokens API and the OpenAI-compatible endpoint over HTTP on the shared local runtime, which has no provider
 * key: every answer comes from the offline local provider, labelled as such.
 */
class TokensIT {
    final Api api = TestRuntime.admin();
    final String project = TestRuntime.unique("prj").replace('-', '_');

    String q() {
        return "?projectId=" + project;
    }

    Api.Response chat(String body) {
        return api.post("/api/v1/ai/chat/completions" + q(), body);
    }

    @Test
    void chatCompletionsAnswerOfflineAndSaySo() {
        var r = chat("""
                {"model": "auto", "messages": [{"role": "user", "content": "Explain idempotency keys in one paragraph"}], "max_tokens": 300}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        var json = r.json();
        assertThat(json.get("object").asString()).isEqualTo("chat.completion");
        assertThat(json.get("model").asString()).isEqualTo("luna-local-1");
        assertThat(json.get("choices").get(0).get("message").get("content").asString()).startsWith("[offline: luna-local-1");
        assertThat(json.get("luna").get("offline").asBoolean()).isTrue();
        assertThat(json.get("luna").get("route").get("reason").asString()).contains("no provider key is configured");
        assertThat(json.get("usage").get("prompt_tokens").asInt()).isPositive();
        assertThat(r.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void streamingAnswersAreServerSentEventsWithTheSameText() {
        String ask = "{\"messages\": [{\"role\": \"user\", \"content\": \"List three uses of a dead-letter queue\"}], \"max_tokens\": 300";
        var plain = chat(ask + "}").json().get("choices").get(0).get("message").get("content").asString();
        var r = chat(ask + ", \"stream\": true, \"stream_options\": {\"include_usage\": true}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        var data = Sse.data(r.body());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        assertThat(Sse.text(r.body())).isEqualTo(plain);
        var chunks = Sse.chunks(r.body());
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("object").asString()).isEqualTo("chat.completion.chunk"));
        assertThat(chunks.get(chunks.size() - 1).get("usage").get("completion_tokens").asInt()).isPositive();
        assertThat(chunks.get(chunks.size() - 2).get("choices").get(0).get("finish_reason").asString()).isEqualTo("stop");
    }

    @Test
    void badChatRequestsAreClientErrors() {
        record Case(String body, String code, String field) {
        }
        var cases = java.util.List.of(
                new Case("{\"model\": \"gpt-9\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}", "VALIDATION_FAILED", "model"),
                new Case("{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"luna\": {\"provider\": \"acme\"}}", "VALIDATION_FAILED", "provider"),
                new Case("{\"messages\": [{\"role\": \"user\"}]}", "VALIDATION_FAILED", "messages[0].content"),
                new Case("{\"messages\": {\"role\": \"user\", \"content\": \"x\"}}", "VALIDATION_FAILED", "messages"),
                new Case("{\"messages\": []}", "VALIDATION_FAILED", "messages"),
                new Case("{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"max_tokens\": 20000}", "VALIDATION_FAILED", "max_tokens"),
                new Case("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"max_tokens\": 5000000}", "VALIDATION_FAILED", "model"),
                new Case("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"tools\": [{\"type\": \"function\"}]}", "VALIDATION_FAILED", "tools"),
                new Case("{\"messages\": [{\"role\": \"user\", \"content\": \"x\"}], \"temperature\": 7}", "VALIDATION_FAILED", "temperature"),
                new Case("{\"messages\": [", "MALFORMED_JSON", null));
        for (var c : cases) {
            var r = chat(c.body());
            assertThat(r.status()).as(c.body() + " -> " + r).isBetween(400, 499);
            assertThat(r.errorCode()).as(c.body()).isEqualTo(c.code());
            if (c.field() != null) {
                assertThat(r.json().get("error").get("details").get("violations").get(0).get("field").asString()).as(c.body()).isEqualTo(c.field());
            }
        }
        assertThat(api.withKey(null).post("/api/v1/ai/chat/completions", "{}").status()).isEqualTo(401);
        // nothing was accounted for the refused calls
        var usage = api.get("/api/v1/tokens/usage" + q());
        assertThat(usage.data().get("total").get("calls").asLong()).isZero();
    }

    @Test
    void budgetsAreSetListedAndUpdatedWithOptimisticConcurrency() {
        var created = api.post("/api/v1/tokens/budget" + q(), """
                {"monthlyLimitUsd": 25.5, "alertThresholds": [1.0, 0.5, 0.8], "hardStop": true,
                 "notification": {"type": "webhook", "url": "https://hooks.example.com/luna"}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var b = created.data();
        assertThat(b.get("monthlyLimitUsd").decimalValue()).isEqualByComparingTo("25.5");
        assertThat(b.get("alertThresholds").toString()).isEqualTo("[0.5,0.8,1]");
        assertThat(b.get("signingSecret").asString()).startsWith("whsec_");
        assertThat(b.get("notification").has("secret")).isFalse();
        assertThat(b.get("currentPeriod").get("spentUsd").decimalValue()).isEqualByComparingTo("0");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        var list = api.get("/api/v1/tokens/budget" + q());
        assertThat(list.data()).hasSize(1);
        assertThat(list.data().get(0).has("signingSecret")).isFalse();
        var updated = api.header("If-Match", "\"1\"").post("/api/v1/tokens/budget" + q(), "{\"monthlyLimitUsd\": 30}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("revision").asLong()).isEqualTo(2);
        var stale = api.header("If-Match", "\"1\"").post("/api/v1/tokens/budget" + q(), "{\"monthlyLimitUsd\": 31}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("VERSION_CONFLICT");
        var agent = api.post("/api/v1/tokens/budget" + q(), "{\"agentId\": \"agt_reviewer\", \"monthlyLimitUsd\": 5, \"notification\": {\"type\": \"email\", \"email\": \"finops@example.com\"}}");
        assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        assertThat(agent.data().get("scope").asString()).isEqualTo("agent");
        assertThat(api.get("/api/v1/tokens/budget" + q()).data()).hasSize(2);
    }

    @Test
    void badBudgetsAreRefusedAndChangeNothing() {
        assertThat(api.post("/api/v1/tokens/budget" + q(), "{\"monthlyLimitUsd\": 10}").status()).isEqualTo(201);
        String[][] cases = {
                {"{\"monthlyLimitUsd\": -5}", "monthlyLimitUsd"},
                {"{\"monthlyLimitUsd\": 0}", "monthlyLimitUsd"},
                {"{\"monthlyLimitUsd\": 1e9}", "monthlyLimitUsd"},
                {"{\"monthlyLimitUsd\": 0.0000001}", "monthlyLimitUsd"},
                {"{\"monthlyLimitUsd\": \"10\"}", "monthlyLimitUsd"},
                {"{}", "monthlyLimitUsd"},
                {"{\"monthlyLimitUsd\": 10, \"alertThresholds\": [0.5, 0.5]}", "alertThresholds"},
                {"{\"monthlyLimitUsd\": 10, \"alertThresholds\": [3]}", "alertThresholds"},
                {"{\"monthlyLimitUsd\": 10, \"alertThresholds\": []}", "alertThresholds"},
                {"{\"monthlyLimitUsd\": 10, \"notification\": {\"type\": \"pager\"}}", "notification.type"},
                {"{\"monthlyLimitUsd\": 10, \"notification\": {\"type\": \"webhook\"}}", "notification.url"},
                {"{\"monthlyLimitUsd\": 10, \"notification\": {\"type\": \"webhook\", \"url\": \"ftp://x.example.com/\"}}", "notification.url"},
                {"{\"monthlyLimitUsd\": 10, \"notification\": {\"type\": \"webhook\", \"url\": \"http://169.254.169.254/latest\"}}", "notification.url"},
                {"{\"monthlyLimitUsd\": 10, \"notification\": {\"type\": \"webhook\", \"url\": \"https://h.example.com\", \"secret\": \"short\"}}", "notification.secret"},
                {"{\"monthlyLimitUsd\": 10, \"notification\": {\"type\": \"email\", \"email\": \"not-an-address\"}}", "notification.email"},
                {"{\"monthlyLimitUsd\": 10, \"agentId\": \"a b\"}", "agentId"},
                {"{\"monthlyLimitUsd\": 10, \"colour\": \"red\"}", "colour"},
        };
        for (String[] c : cases) {
            var r = api.post("/api/v1/tokens/budget" + q(), c[0]);
            assertThat(r.status()).as(c[0] + " -> " + r).isEqualTo(400);
            assertThat(r.json().get("error").get("details").get("violations").get(0).get("field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        var list = api.get("/api/v1/tokens/budget" + q()).data();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("revision").asLong()).isEqualTo(1);
        assertThat(list.get(0).get("monthlyLimitUsd").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void usageAggregatesTheProjectsCalls() {
        for (int i = 0; i < 3; i++) {
            var r = chat("{\"messages\": [{\"role\": \"user\", \"content\": \"Call " + i + "\"}], \"luna\": {\"agentId\": \"agt_u" + (i % 2) + "\", \"taskType\": \"summarize\"}}");
            assertThat(r.status()).isEqualTo(200);
        }
        var byAgent = api.get("/api/v1/tokens/usage" + q() + "&groupBy=agent,model");
        assertThat(byAgent.status()).as(byAgent.toString()).isEqualTo(200);
        var d = byAgent.data();
        assertThat(d.get("total").get("calls").asLong()).isEqualTo(3);
        assertThat(d.get("groups")).hasSize(2);
        assertThat(d.get("groups").get(0).get("key").get("agent").asString()).isEqualTo("agt_u0");
        assertThat(d.get("groups").get(0).get("calls").asLong()).isEqualTo(2);
        assertThat(d.get("total").get("inputTokens").asLong()).isPositive();
        var filtered = api.get("/api/v1/tokens/usage" + q() + "&agentId=agt_u1&taskType=summarize");
        assertThat(filtered.data().get("total").get("calls").asLong()).isEqualTo(1);
        for (String bad : new String[] {"&from=yesterday", "&from=2026-12-01&to=2026-11-01", "&from=2020-01-01&to=2026-01-01", "&groupBy=colour"}) {
            var r = api.get("/api/v1/tokens/usage" + q() + bad);
            assertThat(r.status()).as(bad + " -> " + r).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void alertsListIsPaginatedAndRejectsForeignCursors() {
        var r = api.get("/api/v1/tokens/alerts" + q());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data()).isEmpty();
        var bad = api.get("/api/v1/tokens/alerts" + q() + "&cursor=bm90LWEtY3Vyc29y");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("INVALID_CURSOR");
    }
}
