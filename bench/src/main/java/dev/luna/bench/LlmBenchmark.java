package dev.luna.bench;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.emulators.dynamodb.DynamoDbServer;
import dev.luna.llm.Budget;
import dev.luna.llm.BudgetStore;
import dev.luna.llm.ChatCall;
import dev.luna.llm.ChatMessage;
import dev.luna.llm.Gateways;
import dev.luna.llm.LlmGateway;
import dev.luna.llm.ProviderSelection;
import dev.luna.llm.ProviderStandIn;
import dev.luna.llm.UsageContext;
import dev.luna.store.AwsClients;
import dev.luna.store.DataDefinitions;
import dev.luna.store.LunaConfig;
import dev.luna.store.ResourceProvisioner;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model gateway's figures, over local stand-in providers (real OpenAI / Anthropic wire formats on loopback):
 * <ol>
 *   <li>overhead: a bare HTTP round trip to the stub vs the same call through the gateway (routing, resilience,
 *       langchain4j adapter), then with accounting and a budget in the embedded DynamoDB;</li>
 *   <li>the budget race: 50 concurrent calls against a budget that allows 10;</li>
 *   <li>failover: time to a successful answer when the first provider answers 503, and when it cuts its stream.</li>
 * </ol>
 * Usage: {@code scripts/bench/llm [measured-calls]} (default 5000).
 */
public final class LlmBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.ERROR);
        try (var openai = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
             var anthropic = new ProviderStandIn(ProviderStandIn.Dialect.ANTHROPIC);
             var dynamo = DynamoDbServer.builder().start()) {
            var settings = new HashMap<String, String>();
            settings.put(LunaConfig.DYNAMODB_ENDPOINT, dynamo.endpoint().toString());
            settings.put(LunaConfig.RESOURCE_PREFIX, "bench");
            settings.put("LUNA_OPENAI_API_KEY", "sk-bench");
            settings.put("LUNA_OPENAI_BASE_URL", openai.baseUrl());
            settings.put("LUNA_ANTHROPIC_API_KEY", "sk-bench");
            settings.put("LUNA_ANTHROPIC_BASE_URL", anthropic.baseUrl());
            settings.put("LUNA_LLM_MAX_RETRY_AFTER_WAIT_MS", "0");
            var config = LunaConfig.from(settings::get);
            try (var aws = new AwsClients(config)) {
                var defs = DataDefinitions.load();
                new ResourceProvisioner(aws).provision(new DataDefinitions(defs.tables(), Map.of(), Map.of(), null));
                System.out.println("Luna model gateway benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                        + System.getProperty("java.version") + ")");
                overhead(openai, config, aws, n);
                budgetRace(openai, config, aws);
                failover(openai, anthropic, config, aws);
            }
        }
    }

    static ChatCall call(String project, String model, String... fallbacks) {
        return new ChatCall(List.of(ChatMessage.user("Summarise the build log in one line")), 64, null, null, null, false,
                ProviderSelection.pinned(model).withFallbacks(fallbacks.length == 0 ? List.of(model) : List.of(fallbacks)),
                new UsageContext(project, null, null, "key_bench", "summarize", false, null));
    }

    static void overhead(ProviderStandIn openai, LunaConfig config, AwsClients aws, int n) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarise the build log in one line\"}],\"max_tokens\":64}";
        var bare = HttpRequest.newBuilder(URI.create(openai.baseUrl() + "/chat/completions")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-bench").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        LlmGateway plain = Gateways.create(config, null, Clock.systemUTC());
        LlmGateway accounted = Gateways.create(config, aws, Clock.systemUTC());
        var store = new BudgetStore(aws);
        var now = Instant.now();
        store.put(new Budget("prj_bench_budget", null, new BigDecimal("1000000"), List.of(BigDecimal.ONE), null, true, 1, now, now, "bench"), 0);
        int warm = Math.min(3000, n);
        var pBare = new Percentiles(n);
        var pPlain = new Percentiles(n);
        var pAccounted = new Percentiles(n);
        var pBudget = new Percentiles(n);
        var oPlain = new Percentiles(n);
        var oAccounted = new Percentiles(n);
        var oBudget = new Percentiles(n);
        for (int round = 0; round < 2; round++) {
            int count = round == 0 ? warm : n;
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                http.send(bare, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                var a = plain.chat(call("prj_bench", "gpt-4o-mini"));
                long t2 = System.nanoTime();
                var b = accounted.chat(call("prj_bench", "gpt-4o-mini"));
                long t3 = System.nanoTime();
                var c = accounted.chat(call("prj_bench_budget", "gpt-4o-mini"));
                long t4 = System.nanoTime();
                if (round == 1) {
                    oPlain.add(a.overheadMicros() * 1000);
                    oAccounted.add(b.overheadMicros() * 1000);
                    oBudget.add(c.overheadMicros() * 1000);
                    pBare.add(t1 - t0);
                    pPlain.add(t2 - t1);
                    pAccounted.add(t3 - t2);
                    pBudget.add(t4 - t3);
                }
            }
        }
        System.out.println();
        System.out.println("1. Gateway overhead over a local stub provider (" + n + " calls each, after " + warm + " warm-up calls)");
        System.out.println("   bare HTTP round trip to the stub:           " + pBare.summary());
        System.out.println("   gateway (route, resilience, adapter):       " + pPlain.summary());
        System.out.println("   + usage records in DynamoDB (no budget):    " + pAccounted.summary());
        System.out.println("   + hard budget reserve/settle in DynamoDB:   " + pBudget.summary());
        System.out.println("   gateway overhead, measured inside each call (total minus the provider HTTP exchange):");
        System.out.println("     gateway (route, resilience, adapter):     " + oPlain.summary() + "   target p99 <= 2 ms");
        System.out.println("     + usage records in DynamoDB:              " + oAccounted.summary());
        System.out.println("     + hard budget reserve/settle:             " + oBudget.summary());
        System.out.printf("   difference of medians, gateway vs bare round trip: %.3f ms%n", pPlain.p(0.50) - pBare.p(0.50));
    }

    static void budgetRace(ProviderStandIn openai, LunaConfig config, AwsClients aws) throws Exception {
        System.out.println();
        System.out.println("2. Budget race: 50 concurrent calls against a hard budget that allows 10");
        var gw = Gateways.create(config, aws, Clock.systemUTC());
        String project = "prj_race_" + System.nanoTime();
        var c = call(project, "gpt-4o-mini");
        var route = gw.route(c, false);
        int input = route.inputTokens();
        BigDecimal perCall = route.primary().prices().maxCost(input + input / 10 + 16, route.maxOutputTokens());
        BigDecimal limit = perCall.multiply(BigDecimal.TEN);
        var now = Instant.now();
        new BudgetStore(aws).put(new Budget(project, null, limit, List.of(BigDecimal.ONE), null, true, 1, now, now, "bench"), 0);
        openai.reset();
        var gate = new CountDownLatch(1);
        openai.gate = gate;
        var refused = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(50);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<?>>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return gw.chat(c);
                } catch (LunaException e) {
                    if (e.code() == ErrorCode.BUDGET_EXCEEDED) refused.incrementAndGet();
                    return null;
                }
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (openai.arrivals.get() + refused.get() < 50 && System.nanoTime() < until) Thread.sleep(1);
        long decided = System.nanoTime() - t0;
        int reached = openai.arrivals.get();
        gate.countDown();
        BigDecimal spent = BigDecimal.ZERO;
        for (var f : futures) {
            var r = f.get();
            if (r != null) spent = spent.add(((dev.luna.llm.ChatResult) r).costUsd());
        }
        pool.shutdown();
        openai.gate = null;
        var status = new dev.luna.llm.Accounting(aws, Clock.systemUTC()).status(new dev.luna.llm.BudgetScope(project, null), limit, Instant.now());
        System.out.printf("   limit $%s (10 x max cost $%s): reached the provider %d, refused %d (decided in %.1f ms)%n",
                limit.toPlainString(), perCall.toPlainString(), reached, refused.get(), decided / 1e6);
        System.out.printf("   settled spend $%s, reserved after settlement $%s, overshoot $%s%n", status.spentUsd().toPlainString(),
                status.reservedUsd().toPlainString(), spent.subtract(limit).max(BigDecimal.ZERO).toPlainString());
    }

    static void failover(ProviderStandIn openai, ProviderStandIn anthropic, LunaConfig config, AwsClients aws) throws Exception {
        System.out.println();
        System.out.println("3. Failover: time to a successful answer (gpt-4o-mini first, claude-haiku-4-5 as fallback; fresh gateway per call)");
        int n = 200;
        var ok = new Percentiles(n);
        var on503 = new Percentiles(n);
        var onCut = new Percentiles(n);
        var onCutOk = new Percentiles(n);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                openai.reset();
                anthropic.reset();
                var gw = Gateways.create(config, null, Clock.systemUTC());
                long t0 = System.nanoTime();
                gw.chat(call("prj_failover", "gpt-4o-mini", "claude-haiku-4-5"));
                long t1 = System.nanoTime();
                openai.enqueue(new ProviderStandIn.Fault.Status(503, null));
                var r = gw.chat(call("prj_failover", "gpt-4o-mini", "claude-haiku-4-5"));
                long t2 = System.nanoTime();
                if (!r.provider().equals("anthropic")) throw new IllegalStateException("503 did not fail over");
                var gw2 = Gateways.create(config, null, Clock.systemUTC());
                long t3 = System.nanoTime();
                gw2.stream(call("prj_failover", "gpt-4o-mini", "claude-haiku-4-5"), d -> { });
                long t4 = System.nanoTime();
                openai.enqueue(new ProviderStandIn.Fault.Cut(3, true));
                var s = gw2.stream(call("prj_failover", "gpt-4o-mini", "claude-haiku-4-5"), d -> { });
                long t5 = System.nanoTime();
                if (s.failovers().isEmpty()) throw new IllegalStateException("cut stream did not fail over");
                if (round == 1) {
                    ok.add(t1 - t0);
                    on503.add(t2 - t1);
                    onCutOk.add(t4 - t3);
                    onCut.add(t5 - t4);
                }
            }
        }
        System.out.println("   no failure (complete answer):               " + ok.summary());
        System.out.println("   first provider answers 503 -> fallback:     " + on503.summary());
        System.out.println("   no failure (streamed answer):               " + onCutOk.summary());
        System.out.println("   stream cut after 3 chunks -> continuation:  " + onCut.summary());
    }
}
