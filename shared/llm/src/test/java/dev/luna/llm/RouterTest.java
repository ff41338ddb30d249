package dev.luna.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.luna.core.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {
    final ModelCatalog catalog = ModelCatalog.load(null);
    final Router all = new Router(catalog, Set.of("openai", "anthropic", "deepseek", "gemini", "local"), false);
    final UsageContext ctx = UsageContext.project("p");

    ChatCall call(String text, ProviderSelection sel) {
        return new ChatCall(List.of(ChatMessage.user(text)), 500, null, null, null, false, sel, ctx);
    }

    @Test
    void cheapestCapableForASimpleRequest() {
        var r = all.route(call("Translate 'hello' to French", ProviderSelection.auto()), false, 20, 500);
        assertThat(r.strategy()).isEqualTo(Strategy.CHEAPEST_CAPABLE);
        assertThat(r.complexity()).isEqualTo(Complexity.SIMPLE);
        assertThat(r.complexityEstimated()).isTrue();
        // gpt-4.1-nano and gemini-2.5-flash-lite cost the same; the faster one wins the tie
        assertThat(r.primary().id()).isEqualTo("gemini-2.5-flash-lite");
        assertThat(r.candidates()).hasSize(Router.MAX_CANDIDATES).doesNotContain(catalog.find("luna-local-1").orElseThrow());
        assertThat(r.reason()).contains("cheapest capable").contains("complexity simple (estimated");
    }

    @Test
    void complexRequestsGetComplexModels() {
        var r = all.route(call("Design the architecture of a distributed job scheduler and analyse the trade-offs", ProviderSelection.auto()), false, 30, 500);
        assertThat(r.complexity()).isEqualTo(Complexity.COMPLEX);
        assertThat(r.candidates()).allMatch(m -> m.tier() == Complexity.COMPLEX);
        assertThat(r.primary().id()).isEqualTo("deepseek-chat");
    }

    @Test
    void givenComplexityAndTaskTypeWin() {
        var sel = new ProviderSelection("design-architecture", null, null, null, null, null, null, null);
        assertThat(all.route(call("hi", sel), false, 5, 100).complexity()).isEqualTo(Complexity.COMPLEX);
        var given = new ProviderSelection(null, Complexity.MEDIUM, null, null, null, null, null, null);
        var r = all.route(call("hi", given), false, 5, 100);
        assertThat(r.complexity()).isEqualTo(Complexity.MEDIUM);
        assertThat(r.complexityEstimated()).isFalse();
    }

    @Test
    void fastestOrdersByExpectedLatency() {
        var sel = ProviderSelection.auto().withStrategy(Strategy.FASTEST);
        var r = all.route(call("Classify this ticket", sel), false, 20, 200);
        assertThat(r.primary().id()).isEqualTo("gemini-2.5-flash-lite");
        for (int i = 1; i < r.candidates().size(); i++) {
            assertThat(r.candidates().get(i).expectedLatencyMs(200)).isGreaterThanOrEqualTo(r.candidates().get(i - 1).expectedLatencyMs(200));
        }
    }

    @Test
    void capabilitiesContextAndCostBudgetFilter() {
        var vision = new ProviderSelection(null, Complexity.SIMPLE, null,
                new ProviderSelection.Performance(null, null, Set.of(Capability.VISION)), null, null, null, null);
        assertThat(all.route(call("x", vision), false, 10, 100).candidates()).allMatch(m -> m.has(Capability.VISION));
        // 200k input tokens leave only the million-token models
        var r = all.route(call("x", ProviderSelection.auto()), false, 200_000, 1000);
        assertThat(r.candidates()).allMatch(m -> m.contextWindow() >= 201_000);
        var cheap = new ProviderSelection(null, Complexity.COMPLEX, new BigDecimal("0.0005"), null, null, null, null, null);
        assertThat(all.route(call("x", cheap), false, 100, 1000).candidates())
                .allMatch(m -> m.prices().maxCost(100, 1000).compareTo(new BigDecimal("0.0005")) <= 0);
    }

    @Test
    void pinnedProviderAndModel() {
        var byProvider = new ProviderSelection(null, Complexity.SIMPLE, null, null, null, "anthropic", null, null);
        var r = all.route(call("x", byProvider), false, 10, 100);
        assertThat(r.strategy()).isEqualTo(Strategy.PINNED);
        assertThat(r.candidates()).allMatch(m -> m.provider().equals("anthropic"));
        var byModel = all.route(call("x", ProviderSelection.pinned("openai/gpt-4.1")), false, 10, 100);
        assertThat(byModel.primary().id()).isEqualTo("gpt-4.1");
        assertThat(byModel.reason()).startsWith("gpt-4.1 was requested");
        assertThat(all.route(call("x", ProviderSelection.pinned("claude-sonnet-4-5-20250929")), false, 10, 100).primary().id())
                .as("the provider's own model name").isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void noModelFitsTheTierThenTheBestAvailableServesAndTheReasonSaysSo() {
        var onlyNano = new Router(catalog, Set.of("openai"), false);
        var sel = new ProviderSelection(null, Complexity.COMPLEX, null, null, null, null, "auto", null);
        // every openai model is in the catalog; restrict further with a provider pin that only has simple models is not possible,
        // so use a cost budget that leaves only the cheap ones
        var cheap = new ProviderSelection(null, Complexity.COMPLEX, new BigDecimal("0.0001"), null, null, null, null, null);
        var r = onlyNano.route(call("x", cheap), false, 10, 200);
        assertThat(r.primary().id()).isEqualTo("gpt-4.1-nano");
        assertThat(r.reason()).contains("no configured model is rated for it");
        assertThat(onlyNano.route(call("x", sel), false, 10, 200).complexity()).isEqualTo(Complexity.COMPLEX);
    }

    @Test
    void invalidSelectionsNameTheField() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> all.route(call("x", ProviderSelection.pinned("nope")), false, 1, 1))
                .violations().get(0).field()).isEqualTo("model");
        var mismatch = new ProviderSelection(null, null, null, null, null, "gemini", "gpt-4o", null);
        assertThat(catchThrowableOfType(ValidationException.class, () -> all.route(call("x", mismatch), false, 1, 1)).getMessage())
                .contains("served by openai");
        assertThat(catchThrowableOfType(ValidationException.class, () -> all.route(call("x", ProviderSelection.pinned("gpt-4o")), false, 120_000, 16_000))
                .getMessage()).contains("context window");
        var badFallback = ProviderSelection.pinned("gpt-4o").withFallbacks(List.of("nope"));
        assertThat(catchThrowableOfType(ValidationException.class, () -> all.route(call("x", badFallback), false, 1, 1))
                .violations().get(0).field()).isEqualTo("fallbacks");
        var noStreaming = new Router(ModelCatalog.load("{\"models\":{\"text-only\":{\"provider\":\"openai\",\"contextWindow\":1000,\"maxOutputTokens\":100,"
                + "\"capabilities\":[],\"tier\":\"complex\",\"prices\":{\"input\":1,\"output\":1}}}}"), Set.of("openai"), false);
        assertThat(catchThrowableOfType(ValidationException.class, () -> noStreaming.route(call("x", ProviderSelection.pinned("text-only")), true, 1, 10))
                .getMessage()).contains("does not support streaming");
    }
}
