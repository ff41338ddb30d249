package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The gateway end to end over stand-in providers: failover, cooldowns, breakers, Retry-After, mid-stream failover, cost. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTest {
    final ProviderStandIn openai = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
    final ProviderStandIn anthropic = new ProviderStandIn(ProviderStandIn.Dialect.ANTHROPIC);
    final ProviderStandIn gemini = new ProviderStandIn(ProviderStandIn.Dialect.GEMINI);
    final ProviderStandIn deepseek = new ProviderStandIn(ProviderStandIn.Dialect.DEEPSEEK);
    final Map<String, ProviderStandIn> all = Map.of("openai", openai, "anthropic", anthropic, "gemini", gemini, "deepseek", deepseek);
    final UsageContext ctx = new UsageContext("prj_test", null, null, null, "code-analysis", false, "req-1");

    @BeforeEach
    void reset() {
        all.values().forEach(ProviderStandIn::reset);
        anthropic.text = "Anthropic answers in pieces.";
        gemini.text = "Gemini answers in pieces.";
        deepseek.text = "DeepSeek answers in pieces.";
    }

    @AfterAll
    void stop() {
        all.values().forEach(ProviderStandIn::close);
    }

    ChatCall call(String model, String... fallbacks) {
        return new ChatCall(List.of(ChatMessage.user("Summarise the build failure")), 64, null, null, null, false,
                ProviderSelection.pinned(model).withFallbacks(fallbacks.length == 0 ? null : List.of(fallbacks)), ctx);
    }

    @Test
    void failsOverInTheRouteOrder() {
        var gw = TestGateways.gateway(all, Clock.systemUTC());
        openai.enqueue(new ProviderStandIn.Fault.Status(503, null));
        var r = gw.chat(call("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash"));
        assertThat(r.provider()).isEqualTo("anthropic");
        assertThat(r.text()).isEqualTo(anthropic.text);
        assertThat(r.attempts()).extracting(ChatResult.Attempt::model, ChatResult.Attempt::outcome, ChatResult.Attempt::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gpt-4o-mini", "failed", "server_error"),
                        org.assertj.core.groups.Tuple.tuple("claude-haiku-4-5", "ok", null));
        assertThat(r.failovers()).containsExactly(new ChatResult.Failover("gpt-4o-mini", "claude-haiku-4-5", "server_error", 0));
        assertThat(gemini.arrivals).hasValue(0);
        assertThat(r.route().candidates()).containsExactly("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash");
    }

    @Test
    void failsOverOnTimeoutsRateLimitsAndConnectionErrors() {
        var gw = TestGateways.gateway(all, Clock.systemUTC());
        openai.enqueue(new ProviderStandIn.Fault.Slow(2000));
        anthropic.enqueue(new ProviderStandIn.Fault.Status(429, "30"));
        var settings = new LlmGateway.Settings(Duration.ofMillis(300), Duration.ofSeconds(20), Duration.ZERO, 256, Duration.ofMinutes(1));
        var fast = TestGateways.gateway(all, Clock.systemUTC(), Resilience.Settings.DEFAULT, settings, null);
        var r = fast.chat(call("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash"));
        assertThat(r.provider()).isEqualTo("gemini");
        assertThat(r.attempts()).extracting(ChatResult.Attempt::error).containsExactly("timeout", "rate_limited", null);
        // connection refused: a provider whose base URL nobody listens on
        var dead = new ProviderStandIn(ProviderStandIn.Dialect.OPENAI);
        dead.close();
        var gw2 = TestGateways.gateway(Map.of("openai", dead, "anthropic", anthropic), Clock.systemUTC());
        var r2 = gw2.chat(call("gpt-4o-mini", "claude-haiku-4-5"));
        assertThat(r2.attempts()).extracting(ChatResult.Attempt::error).containsExactly("connection", null);
        assertThat(gw.chat(call("gpt-4o-mini")).provider()).isEqualTo("openai");
    }

    @Test
    void aRateLimitedModelRestsForItsRetryAfter() {
        var clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        var gw = TestGateways.gateway(all, clock);
        openai.enqueue(new ProviderStandIn.Fault.Status(429, "30"));
        assertThat(gw.chat(call("gpt-4o-mini", "claude-haiku-4-5")).provider()).isEqualTo("anthropic");
        var r = gw.chat(call("gpt-4o-mini", "claude-haiku-4-5"));
        assertThat(r.attempts().get(0).outcome()).isEqualTo("skipped");
        assertThat(r.attempts().get(0).detail()).startsWith("cooling down until 2026-11-27T10:00:30Z");
        assertThat(openai.arrivals).hasValue(1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(gw.chat(call("gpt-4o-mini", "claude-haiku-4-5")).provider()).isEqualTo("openai");
    }

    @Test
    void retryAfterIsWaitedForWhenNoOtherModelCanAnswer() {
        var settings = new LlmGateway.Settings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(3), 256, Duration.ofMinutes(1));
        var gw = TestGateways.gateway(Map.of("openai", openai), Clock.systemUTC(), Resilience.Settings.DEFAULT, settings, null);
        openai.enqueue(new ProviderStandIn.Fault.Status(429, "1"));
        long t0 = System.nanoTime();
        // the only candidate: fallbacks name nothing but the pinned model
        var r = gw.chat(call("gpt-4o-mini", "gpt-4o-mini"));
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.route().candidates()).containsExactly("gpt-4o-mini");
        assertThat(r.attempts()).extracting(ChatResult.Attempt::model, ChatResult.Attempt::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gpt-4o-mini", "failed"), org.assertj.core.groups.Tuple.tuple("gpt-4o-mini", "ok"));
        assertThat(openai.arrivals).hasValue(2);
        assertThat(waitedMs).as("the second call waits for Retry-After").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aModelCoolsDownAfterRepeatedFailuresAndComesBack() {
        var clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        var gw = TestGateways.gateway(all, clock);
        for (int i = 0; i < 3; i++) {
            openai.enqueue(new ProviderStandIn.Fault.Status(500, null));
            assertThat(gw.chat(call("gpt-4o-mini", "claude-haiku-4-5")).provider()).isEqualTo("anthropic");
        }
        var resting = gw.chat(call("gpt-4o-mini", "claude-haiku-4-5"));
        assertThat(resting.attempts().get(0).detail()).startsWith("cooling down until");
        assertThat(openai.arrivals).hasValue(3);
        clock.advance(Resilience.Settings.DEFAULT.cooldown().plusSeconds(1));
        assertThat(gw.chat(call("gpt-4o-mini", "claude-haiku-4-5")).provider()).isEqualTo("openai");
    }

    @Test
    void theBreakerOpensForTheWholeProviderThenRecoversThroughOneTrial() {
        var clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        var res = new Resilience.Settings(10, Duration.ofSeconds(60), Duration.ofSeconds(30), 2, Duration.ofSeconds(20));
        var gw = TestGateways.gateway(all, clock, res, TestGateways.FAST, null);
        openai.enqueue(new ProviderStandIn.Fault.Status(502, null), new ProviderStandIn.Fault.Status(503, null));
        gw.chat(call("gpt-4o-mini", "claude-haiku-4-5"));
        gw.chat(call("gpt-4.1-nano", "claude-haiku-4-5"));
        assertThat(gw.resilience().breaker("openai")).isEqualTo(Resilience.BreakerState.OPEN);
        // every openai model is skipped while the breaker is open
        var skipped = gw.chat(call("gpt-4.1", "claude-haiku-4-5"));
        assertThat(skipped.attempts().get(0).detail()).startsWith("circuit open for openai");
        assertThat(openai.arrivals).hasValue(2);
        // after the open period one trial goes through; it fails, so the breaker opens again
        clock.advance(Duration.ofSeconds(21));
        assertThat(gw.resilience().breaker("openai")).isEqualTo(Resilience.BreakerState.HALF_OPEN);
        openai.enqueue(new ProviderStandIn.Fault.Status(500, null));
        gw.chat(call("gpt-4o-mini", "claude-haiku-4-5"));
        assertThat(gw.resilience().breaker("openai")).isEqualTo(Resilience.BreakerState.OPEN);
        // the next trial succeeds and closes it
        clock.advance(Duration.ofSeconds(21));
        var recovered = gw.chat(call("gpt-4o-mini", "claude-haiku-4-5"));
        assertThat(recovered.provider()).isEqualTo("openai");
        assertThat(gw.resilience().breaker("openai")).isEqualTo(Resilience.BreakerState.CLOSED);
        assertThat(openai.arrivals).hasValue(4);
    }

    @Test
    void aHalfOpenProviderLetsOnlyOneTrialThrough() {
        var clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        var res = new Resilience(clock, new Resilience.Settings(10, Duration.ofSeconds(60), Duration.ofSeconds(30), 1, Duration.ofSeconds(20)));
        var m = ModelCatalog.load(null).find("gpt-4o-mini").orElseThrow();
        res.onFailure(m, new ProviderException("openai", m.id(), ProviderException.Kind.SERVER_ERROR, 500, null, "x", null, null));
        clock.advance(Duration.ofSeconds(21));
        assertThat(res.tryAcquire(m)).isTrue();
        assertThat(res.tryAcquire(m)).as("a second caller while the trial is in flight").isFalse();
        res.onSuccess(m);
        assertThat(res.tryAcquire(m)).isTrue();
        assertThat(res.tryAcquire(m)).isTrue();
    }

    @Test
    void aCutStreamIsContinuedByTheFallbackWithoutRepeatingText() {
        var gw = TestGateways.gateway(all, Clock.systemUTC());
        openai.enqueue(new ProviderStandIn.Fault.Cut(2, false));
        var deltas = Collections.synchronizedList(new ArrayList<String>());
        var r = gw.stream(call("gpt-4o-mini", "claude-haiku-4-5"), deltas::add);
        String partial = String.join("", openai.pieces().subList(0, 2));
        assertThat(r.text()).isEqualTo(partial + anthropic.text);
        assertThat(String.join("", deltas)).isEqualTo(r.text());
        assertThat(r.failovers()).containsExactly(new ChatResult.Failover("gpt-4o-mini", "claude-haiku-4-5", "stream_cut", partial.length()));
        // Anthropic continues the partial answer as an assistant prefill
        var sent = anthropic.requests.get(0).get("messages");
        assertThat(sent.get(sent.size() - 1).get("role").asString()).isEqualTo("assistant");
        assertThat(sent.get(sent.size() - 1).toString()).contains(partial.trim());
        // both attempts are billed: the cut one counted by the tokenizer, the fallback from its usage
        assertThat(r.usage().estimated()).isTrue();
        assertThat(r.usage().outputTokens()).isEqualTo(new Tokenizer().count(partial) + 9);
    }

    @Test
    void anOpenAiFallbackIsAskedToContinueExplicitly() {
        var gw = TestGateways.gateway(all, Clock.systemUTC());
        anthropic.enqueue(new ProviderStandIn.Fault.Cut(1, true));
        var r = gw.stream(call("claude-haiku-4-5", "gpt-4o-mini"), d -> { });
        String partial = anthropic.pieces().get(0);
        assertThat(r.text()).isEqualTo(partial + openai.text);
        var sent = openai.requests.get(0).get("messages");
        assertThat(sent.get(sent.size() - 2).get("role").asString()).isEqualTo("assistant");
        assertThat(sent.get(sent.size() - 2).get("content").asString()).isEqualTo(partial);
        assertThat(sent.get(sent.size() - 1).get("content").asString()).isEqualTo(LlmGateway.CONTINUE_INSTRUCTION);
    }

    @Test
    void costIsExactWithCachedTokens() {
        var gw = TestGateways.gateway(all, Clock.systemUTC());
        openai.usage = new ProviderStandIn.Reported(12_000, 8_000, 0, 500);
        var r = gw.chat(call("gpt-4o-mini"));
        // 4,000 x $0.15 + 8,000 x $0.075 + 500 x $0.60, per million
        assertThat(r.costUsd()).isEqualByComparingTo("0.0015");
        assertThat(r.usage()).isEqualTo(new Usage(12_000, 8_000, 0, 500, false));

        anthropic.usage = new ProviderStandIn.Reported(13_000, 10_000, 1_000, 300);
        // 2,000 x $3 + 10,000 x $0.30 + 1,000 x $3.75 (cache write) + 300 x $15, per million
        assertThat(gw.chat(call("claude-sonnet-4-5")).costUsd()).isEqualByComparingTo("0.01725");

        deepseek.usage = new ProviderStandIn.Reported(100_000, 60_000, 0, 2_000);
        // 40,000 x $0.28 + 60,000 x $0.028 + 2,000 x $0.42, per million
        assertThat(gw.chat(call("deepseek-chat")).costUsd()).isEqualByComparingTo("0.01372");

        gemini.usage = new ProviderStandIn.Reported(50_000, 20_000, 0, 1_000);
        // 30,000 x $0.30 + 20,000 x $0.03 + 1,000 x $2.50, per million
        var g = gw.stream(call("gemini-2.5-flash"), d -> { });
        assertThat(g.costUsd()).isEqualByComparingTo("0.0121");
    }

    @Test
    void aNonRetriableErrorEndsTheCall() {
        var gw = TestGateways.gateway(all, Clock.systemUTC());
        openai.enqueue(new ProviderStandIn.Fault.Status(401, null));
        var e = catchThrowableOfType(LunaException.class, () -> gw.chat(call("gpt-4o-mini", "claude-haiku-4-5")));
        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
        assertThat(e.getMessage()).contains("rejected the deployment's API key");
        assertThat(anthropic.arrivals).hasValue(0);
    }

    @Test
    void whenEveryCandidateFailsTheCallIsUnavailable() {
        var gw = TestGateways.gateway(all, Clock.systemUTC());
        openai.enqueue(new ProviderStandIn.Fault.Status(503, "2"));
        anthropic.enqueue(new ProviderStandIn.Fault.Status(529, null));
        var e = catchThrowableOfType(LunaException.class, () -> gw.chat(call("gpt-4o-mini", "claude-haiku-4-5")));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        @SuppressWarnings("unchecked") var details = (Map<String, Object>) e.details();
        assertThat((List<?>) details.get("attempts")).hasSize(2);
    }

    @Test
    void withoutKeysTheOfflineProviderAnswersAndSaysSo() {
        var gw = TestGateways.gateway(Map.of(), Clock.systemUTC());
        var r = gw.chat(new ChatCall(List.of(ChatMessage.user("Explain the retry policy of the queue worker")), null, null, null, null, false, null, ctx));
        assertThat(r.offline()).isTrue();
        assertThat(r.provider()).isEqualTo("local");
        assertThat(r.text()).startsWith(LocalProvider.LABEL);
        assertThat(r.route().reason()).contains("no provider key is configured");
        assertThat(r.usage().estimated()).isTrue();
        assertThat(r.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        // the same request, the same answer
        assertThat(gw.chat(new ChatCall(List.of(ChatMessage.user("Explain the retry policy of the queue worker")), null, null, null, null, false, null, ctx)).text())
                .isEqualTo(r.text());
        // a model whose provider has no key is answered offline too, and the reason says why
        var pinned = gw.chat(call("gpt-4o"));
        assertThat(pinned.offline()).isTrue();
        assertThat(pinned.route().reason()).startsWith("openai has no API key configured");
    }

    @Test
    void badInputIsAClientError() {
        var gw = TestGateways.gateway(all, Clock.systemUTC());
        assertThat(catchThrowableOfType(ValidationException.class, () -> gw.chat(call("gpt-9-ultra"))).violations().get(0).field()).isEqualTo("model");
        var unknownProvider = new ChatCall(List.of(ChatMessage.user("hi")), 10, null, null, null, false,
                new ProviderSelection(null, null, null, null, null, "acme", null, null), ctx);
        assertThat(catchThrowableOfType(ValidationException.class, () -> gw.chat(unknownProvider)).violations().get(0).field()).isEqualTo("provider");
        var tooLong = call("gpt-4o-mini").withMaxTokens(20_000);
        assertThat(catchThrowableOfType(ValidationException.class, () -> gw.chat(tooLong)).getMessage()).contains("16384");
        var empty = new ChatCall(List.of(), 10, null, null, null, false, null, ctx);
        assertThat(catchThrowableOfType(ValidationException.class, () -> gw.chat(empty)).violations().get(0).field()).isEqualTo("messages");
        var tinyBudget = new ChatCall(List.of(ChatMessage.user("hi")), 1000, null, null, null, false,
                new ProviderSelection(null, null, new BigDecimal("0.0000001"), null, null, null, null, null), ctx);
        assertThat(catchThrowableOfType(ValidationException.class, () -> gw.chat(tinyBudget)).getMessage()).contains("no configured model");
        assertThat(all.values().stream().mapToInt(s -> s.arrivals.get()).sum()).as("no provider was contacted").isZero();
    }
}
