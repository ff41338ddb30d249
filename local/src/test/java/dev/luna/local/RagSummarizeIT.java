package dev.luna.local;

import static dev.luna.local.RagSourcesRuntime.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.llm.ProviderStandIn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code summarize} strategy of token optimisation through a configured provider (an OpenAI wire-protocol
 * stand-in, {@link RagSourcesRuntime}), the savings it records in token usage, and what happens without a provider.
 */
class RagSummarizeIT {
    static Api api;
    static ProviderStandIn openai;

    @BeforeAll
    static void start() {
        var sources = RagSourcesRuntime.get();
        api = sources.api;
        openai = sources.openai;
    }

    static final String LOW_RELEVANCE = """
            /** Formats ledger rows for the monthly statement export. */
            public final class StatementFormatter {
                private final java.util.Locale locale;

                StatementFormatter(java.util.Locale locale) {
                    this.locale = locale;
                }

                /** One row: date, description, amount with two decimals, running balance. */
                String row(java.time.LocalDate date, String description, long cents, long balance) {
                    var sb = new StringBuilder();
                    sb.append(date).append(';').append(description.replace(';', ',')).append(';');
                    sb.append(String.format(locale, "%d.%02d", cents / 100, Math.abs(cents % 100))).append(';');
                    sb.append(String.format(locale, "%d.%02d", balance / 100, Math.abs(balance % 100)));
                    return sb.toString();
                }

                /** The header row of the export, localised column names included. */
                String header() {
                    return "date;description;amount;balance";
                }
            }
            """;

    /** Low-relevance prose: the code strategies leave it as it is, so only a summary shrinks it. */
    static final String RUNBOOK = """
            # Month-end close runbook

            The finance team closes the books on the last working day of each month. Before the close starts, make sure that every
            statement export of the month has finished and that the ledger shows no pending transfers. The export job writes one CSV
            file per account into the statements bucket; a missing file usually means the job was interrupted by a deployment.

            When the close starts, freeze manual adjustments in the admin console, run the reconciliation report, and compare the
            totals with the bank's end-of-day balances. Differences under one euro are rounding and are booked to the rounding
            account; anything larger is escalated to the on-call accountant with the report attached.

            After the close, unfreeze adjustments, archive the reports for ten years as the auditors require, and announce the
            close in the finance channel with the final totals.
            """;

    @Test
    void summarizeGoesThroughTheConfiguredProviderAndSavingsShowInTokenUsage() {
        String project = project(api);
        openai.reset();
        openai.text = "StatementFormatter: row(date, description, cents, balance) and header() format CSV statement rows.";
        var body = Map.of("projectId", project, "prompt", "Why is the balance wrong?", "targetTokens", 40,
                "contexts", List.of(Map.of("id", "a", "path", "docs/month-end-close.md", "content", RUNBOOK, "relevanceScore", 0.1),
                        Map.of("id", "b", "path", "src/Balance.java", "content", "long balance(long a, long b) { return a - b; }", "relevanceScore", 0.9)));
        var r = api.post("/api/v1/tokens/optimize", Json.write(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var d = r.data();
        var strategies = new LinkedHashMap<String, Integer>();
        d.get("strategies").forEach(s -> strategies.put(s.get("strategy").asString(), s.get("tokensSaved").asInt()));
        assertThat(strategies).containsKey("summarize");
        assertThat(strategies.get("summarize")).isPositive();
        assertThat(d.get("contexts").get(0).get("content").asString()).isEqualTo("[summary] " + openai.text);
        assertThat(d.get("contexts").get(1).get("content").asString()).contains("return a - b");
        d.get("notApplied").forEach(n -> assertThat(n.asString()).doesNotStartWith("summarize"));
        assertThat(openai.requests).hasSize(1);
        assertThat(openai.requests.get(0).toString()).contains("Month-end close runbook").contains("Summarise");
        int saved1 = d.get("savedTokens").asInt();

        var off = new LinkedHashMap<String, Object>(body);
        off.put("summarize", false);
        var r2 = api.post("/api/v1/tokens/optimize", Json.write(off));
        assertThat(r2.status()).as(r2.toString()).isEqualTo(200);
        r2.data().get("strategies").forEach(s -> assertThat(s.get("strategy").asString()).isNotEqualTo("summarize"));
        assertThat(r2.data().get("notApplied").toString()).contains("summarize: turned off by the request");
        assertThat(openai.requests).hasSize(1);
        int saved2 = r2.data().get("savedTokens").asInt();
        assertThat(saved1).isGreaterThan(saved2);

        var usage = api.get("/api/v1/tokens/usage?projectId=" + project + "&groupBy=taskType");
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        var optimized = usage.data().get("optimized");
        assertThat(optimized.get("optimizations").asLong()).isEqualTo(2);
        assertThat(optimized.get("tokensSaved").asLong()).isEqualTo(saved1 + saved2);
        assertThat(optimized.get("tokensBefore").asLong() - optimized.get("tokensAfter").asLong()).isEqualTo(saved1 + saved2);
        // the summary call itself is accounted like any model call
        assertThat(usage.data().get("groups").toString()).contains("rag-summarize");

        // a budget that refuses the call stops summarising, and the response says why
        var budget = api.post("/api/v1/tokens/budget?projectId=" + project, "{\"monthlyLimitUsd\": 0.00001}");
        assertThat(budget.status()).as(budget.toString()).isEqualTo(201);
        var refused = api.post("/api/v1/tokens/optimize", Json.write(body));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        refused.data().get("strategies").forEach(s -> assertThat(s.get("strategy").asString()).isNotEqualTo("summarize"));
        assertThat(refused.data().get("notApplied").toString()).contains("summarize: stopped:").containsIgnoringCase("budget");
        assertThat(openai.requests).hasSize(1);
    }

    @Test
    void withoutAProviderSummarizeIsSkippedAndSaidAndSavingsAreStillRecorded() {
        var plain = TestRuntime.admin(); // no provider keys: only the offline provider
        String project = project(plain);
        var r = plain.post("/api/v1/tokens/optimize", Json.write(Map.of("projectId", project, "summarize", true,
                "contexts", List.of(Map.of("path", "src/StatementFormatter.java", "content", LOW_RELEVANCE + "\n\n\n", "relevanceScore", 0.1),
                        Map.of("path", "docs/month-end-close.md", "content", RUNBOOK, "relevanceScore", 0.1)))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        r.data().get("strategies").forEach(s -> assertThat(s.get("strategy").asString()).isNotEqualTo("summarize"));
        assertThat(r.data().get("notApplied").toString()).contains("summarize: no model provider is configured");
        int saved = r.data().get("savedTokens").asInt();
        var usage = plain.get("/api/v1/tokens/usage?projectId=" + project);
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
        assertThat(usage.data().get("optimized").get("optimizations").asLong()).isEqualTo(1);
        assertThat(usage.data().get("optimized").get("tokensSaved").asLong()).isEqualTo(saved);

        var bad = plain.post("/api/v1/tokens/optimize", Json.write(Map.of("projectId", project, "prompt", "x", "summarize", "sometimes")));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(plain.get("/api/v1/tokens/usage?projectId=" + project).data().get("optimized").get("optimizations").asLong()).isEqualTo(1);
    }
}
