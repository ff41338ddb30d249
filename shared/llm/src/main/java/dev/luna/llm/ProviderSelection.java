package dev.luna.llm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What the caller asks of the router.
 *
 * @param taskType     the kind of work (e.g. {@code code-analysis}); recorded, and a hint for complexity
 * @param complexity   simple | medium | complex, or null to estimate it from the request
 * @param costBudgetUsd the most this one call may cost, or null for no per-call limit
 * @param performance  latency, context and capability requirements, or null
 * @param strategy     how to order the capable models; null = pinned when a model or provider is named, else cheapest-capable
 * @param provider     pin to this provider (its models only), or null
 * @param model        pin to this model (catalog id, {@code provider/id} or the provider's name), or null; {@code auto} = none
 * @param fallbacks    models to fail over to, in order, instead of the router's own ranking; null = the ranking
 */
public record ProviderSelection(String taskType, Complexity complexity, BigDecimal costBudgetUsd, Performance performance,
                                Strategy strategy, String provider, String model, List<String> fallbacks) {

    /** Latency, context and capability requirements. Any may be null. */
    public record Performance(Integer maxLatencyMs, Integer minContextWindow, Set<Capability> requiredCapabilities) {
        public Performance {
            requiredCapabilities = requiredCapabilities == null ? Set.of() : Set.copyOf(requiredCapabilities);
        }
    }

    public static ProviderSelection auto() {
        return new ProviderSelection(null, null, null, null, null, null, null, null);
    }

    public static ProviderSelection pinned(String model) {
        return new ProviderSelection(null, null, null, null, Strategy.PINNED, null, model, null);
    }

    public ProviderSelection withFallbacks(List<String> models) {
        return new ProviderSelection(taskType, complexity, costBudgetUsd, performance, strategy, provider, model, models);
    }

    public ProviderSelection withStrategy(Strategy s) {
        return new ProviderSelection(taskType, complexity, costBudgetUsd, performance, s, provider, model, fallbacks);
    }
}
