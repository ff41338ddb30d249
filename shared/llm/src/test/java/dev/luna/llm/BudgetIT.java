package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Budgets that hold, and usage that adds up, against the DynamoDB stand-in over a real socket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetIT {
    final Dynamo dynamo = new Dynamo();
    final ProviderStandIn openai = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
    final Accounting accounting = new Accounting(dynamo.aws, Clock.systemUTC());
    final BudgetStore budgets = new BudgetStore(dynamo.aws);
    final LlmGateway gateway = TestGateways.gateway(Map.of("openai", openai), Clock.systemUTC(), Resilience.Settings.DEFAULT,
            TestGateways.FAST, accounting);
    static final AtomicInteger PROJECTS = new AtomicInteger();
    String project;

    @BeforeEach
    void fresh() {
        openai.reset();
        project = "prj_budget_" + PROJECTS.incrementAndGet();
    }

    @AfterAll
    void stop() {
        openai.close();
        dynamo.close();
    }

    ChatCall call(String agent) {
        return new ChatCall(List.of(ChatMessage.user("Summarise the build log")), 100, null, null, null, false,
                ProviderSelection.pinned("gpt-4o-mini").withFallbacks(List.of("gpt-4o-mini")),
                new UsageContext(project, agent, null, "key_1", "summarize", false, null));
    }

    /** What the gateway reserves for {@link #call}: its maximum cost. */
    BigDecimal reservation(ChatCall c) {
        var route = gateway.route(c, false);
        int input = route.inputTokens();
        return route.primary().prices().maxCost(input + input / 10 + 16, route.maxOutputTokens());
    }

    void budget(String agent, BigDecimal limit, boolean hardStop) {
        var now = Instant.now();
        assertThat(budgets.put(new Budget(project, agent, limit, List.of(new BigDecimal("0.5"), BigDecimal.ONE), null, hardStop, 1, now, now, "test"), 0)).isTrue();
    }

    BudgetStatus status(String agent, BigDecimal limit) {
        return accounting.status(new BudgetScope(project, agent), limit, Instant.now());
    }

    @Test
    void aCallThatWouldCrossAHardBudgetIsRefusedBeforeAnyProviderIsContacted() {
        var c = call(null);
        BigDecimal max = reservation(c);
        budget(null, max.subtract(new BigDecimal("0.000000001")), true);
        var e = catchThrowableOfType(LunaException.class, () -> gateway.chat(c));
        assertThat(e.code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED);
        assertThat(e.getMessage()).contains("no provider was contacted");
        assertThat(openai.arrivals).hasValue(0);
        var s = status(null, BigDecimal.ONE);
        assertThat(s.reservedUsd()).isEqualByComparingTo("0");
        assertThat(s.spentUsd()).isEqualByComparingTo("0");
    }

    @Test
    void fiftyConcurrentCallsAgainstABudgetForTenLetExactlyTenReachTheProvider() throws Exception {
        var c = call(null);
        BigDecimal max = reservation(c);
        BigDecimal limit = max.multiply(BigDecimal.TEN);
        budget(null, limit, true);
        var gate = new CountDownLatch(1);
        openai.gate = gate;
        var refused = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(50);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<ChatResult>>();
        for (int i = 0; i < 50; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return gateway.chat(c);
                } catch (LunaException e) {
                    if (e.code() == ErrorCode.BUDGET_EXCEEDED) refused.incrementAndGet();
                    throw e;
                }
            }));
        }
        start.countDown();
        // every call either reached the provider (and waits at its gate) or was refused
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (openai.arrivals.get() + refused.get() < 50 && System.nanoTime() < until) Thread.sleep(5);
        assertThat(openai.arrivals).hasValue(10);
        assertThat(refused).hasValue(40);
        gate.countDown();
        BigDecimal spent = BigDecimal.ZERO;
        int ok = 0;
        for (var f : futures) {
            try {
                spent = spent.add(f.get(30, TimeUnit.SECONDS).costUsd());
                ok++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(((LunaException) e.getCause()).code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED);
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(10);
        var s = status(null, limit);
        assertThat(s.spentUsd()).isEqualByComparingTo(spent);
        assertThat(s.reservedUsd()).isEqualByComparingTo("0");
        assertThat(s.spentUsd()).isLessThanOrEqualTo(limit);
        assertThat(openai.arrivals).hasValue(10);
    }

    @Test
    void anAgentBudgetLimitsTheAgentWhileTheProjectHasRoom() {
        budget(null, new BigDecimal("100"), true);
        var c = call("agt_tight");
        budget("agt_tight", reservation(c).subtract(new BigDecimal("0.000000001")), true);
        var e = catchThrowableOfType(LunaException.class, () -> gateway.chat(c));
        assertThat(e.code()).isEqualTo(ErrorCode.BUDGET_EXCEEDED);
        @SuppressWarnings("unchecked") var details = (Map<String, Object>) e.details();
        assertThat(details).containsEntry("scope", "agent").containsEntry("agentId", "agt_tight");
        assertThat(gateway.chat(call("agt_other")).text()).isEqualTo(openai.text);
        assertThat(status(null, new BigDecimal("100")).reservedUsd()).isEqualByComparingTo("0");
    }

    @Test
    void settlementReplacesTheReservationByTheExactCostAndRecordsUsage() {
        budget(null, new BigDecimal("5"), true);
        openai.usage = new ProviderStandIn.Reported(12_000, 8_000, 0, 500);
        var r = gateway.chat(call("agt_a"));
        gateway.chat(call("agt_a"));
        gateway.chat(call(null));
        assertThat(r.costUsd()).isEqualByComparingTo("0.0015");
        var s = status(null, new BigDecimal("5"));
        assertThat(s.spentUsd()).isEqualByComparingTo("0.0045");
        assertThat(s.reservedUsd()).isEqualByComparingTo("0");
        assertThat(s.remainingUsd()).isEqualByComparingTo("4.9955");
        assertThat(s.utilization()).isEqualByComparingTo("0.0009");

        var today = LocalDate.now(ZoneOffset.UTC);
        var report = new UsageQuery(dynamo.aws).aggregate(project, today.minusDays(1), today, List.of("provider", "model", "agent"), null);
        assertThat(report.total().calls()).isEqualTo(3);
        assertThat(report.total().costUsd()).isEqualByComparingTo("0.0045");
        assertThat(report.total().cachedInputTokens()).isEqualTo(24_000);
        assertThat(report.groups()).extracting(g -> g.key().get("agent"), UsageQuery.Group::calls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("-", 1L), org.assertj.core.groups.Tuple.tuple("agt_a", 2L));
        var filtered = new UsageQuery(dynamo.aws).aggregate(project, today, today, List.of("day"), new UsageQuery.Filter(null, null, null, "agt_a"));
        assertThat(filtered.groups()).singleElement().satisfies(g -> {
            assertThat(g.key()).containsEntry("day", today.toString());
            assertThat(g.costUsd()).isEqualByComparingTo("0.003");
        });
    }

    @Test
    void aSoftBudgetTracksSpendButNeverRefuses() {
        budget(null, new BigDecimal("0.000001"), false);
        gateway.chat(call(null));
        gateway.chat(call(null));
        assertThat(openai.arrivals).hasValue(2);
        assertThat(status(null, new BigDecimal("0.000001")).spentUsd()).isGreaterThan(new BigDecimal("0.000001"));
    }

    @Test
    void reservationsOfCrashedCallsExpireAndAreReleased() {
        budget(null, new BigDecimal("1"), true);
        var ctx = UsageContext.project(project);
        var held = accounting.reserve(ctx, new BigDecimal("0.4"), "llm_crashed_" + project, Duration.ofSeconds(-1));
        assertThat(status(null, BigDecimal.ONE).reservedUsd()).isEqualByComparingTo("0.4");
        assertThat(accounting.releaseExpired(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(status(null, BigDecimal.ONE).reservedUsd()).isEqualByComparingTo("0");
        // a late settlement of a released reservation still accounts the actual cost, once
        var rec = new UsageRecord("late-0", Instant.now(), "openai", "gpt-4o-mini", 10, 0, 0, 10, new BigDecimal("0.01"), false,
                null, project, null, null, null, false, null, "ok");
        accounting.settle(held, List.of(rec));
        var s = status(null, BigDecimal.ONE);
        assertThat(s.spentUsd()).isEqualByComparingTo("0.01");
        assertThat(s.reservedUsd()).isEqualByComparingTo("0");
        assertThat(s.remainingUsd()).isEqualByComparingTo("0.99");
    }

    @Test
    void theTokensPerMinuteHookAdmitsWithinTheLimitOnly() {
        var limiter = new TokensPerMinuteLimiter(dynamo.aws, Clock.systemUTC(), ctx -> OptionalLong.of(100));
        var ctx = new UsageContext(project, null, null, "key_" + project, null, false, null);
        var permit = limiter.acquire(ctx, 80);
        var e = catchThrowableOfType(LunaException.class, () -> limiter.acquire(ctx, 80));
        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        limiter.settle(permit, 20); // the call used fewer tokens than estimated
        limiter.acquire(ctx, 80);
        assertThat(catchThrowableOfType(LunaException.class, () -> new TokensPerMinuteLimiter(dynamo.aws, Clock.systemUTC(),
                c -> OptionalLong.of(10)).acquire(ctx, 11)).code()).isEqualTo(ErrorCode.RATE_LIMITED);
    }
}
