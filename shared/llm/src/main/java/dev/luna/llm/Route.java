package dev.luna.llm;

import java.util.List;

/**
 * The router's answer: the model to try first, the ordered fallbacks, and why.
 *
 * @param candidates          the primary model then its fallbacks, in order
 * @param strategy            the strategy that ordered them
 * @param complexity          the request's complexity
 * @param complexityEstimated true when the router estimated it from the request
 * @param reason              a sentence explaining the choice (returned in response metadata)
 * @param inputTokens         the estimated input tokens the choice was made for
 * @param maxOutputTokens     the output limit of the call
 */
public record Route(List<ModelSpec> candidates, Strategy strategy, Complexity complexity, boolean complexityEstimated,
                    String reason, int inputTokens, int maxOutputTokens) {
    public Route {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) throw new IllegalArgumentException("a route needs at least one model");
    }

    public ModelSpec primary() {
        return candidates.get(0);
    }

    public List<ModelSpec> fallbacks() {
        return candidates.subList(1, candidates.size());
    }
}
