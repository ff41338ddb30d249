package dev.luna.llm;

import java.util.Set;

/**
 * One model of the catalog.
 *
 * @param id              the catalog id (what callers name, e.g. {@code gpt-4o-mini})
 * @param provider        the provider that serves it ({@code openai}, {@code anthropic}, {@code deepseek}, {@code gemini}, {@code local})
 * @param apiModel        the name sent to the provider's API
 * @param contextWindow   input + output tokens the model accepts
 * @param maxOutputTokens the most output tokens one call may ask for
 * @param capabilities    what it supports
 * @param tier            the highest request complexity it is fit for
 * @param prices          USD per 1M tokens
 * @param firstTokenMs    typical time to the first token (the {@code fastest} strategy's input)
 * @param tokensPerSecond typical output speed
 */
public record ModelSpec(String id, String provider, String apiModel, int contextWindow, int maxOutputTokens,
                        Set<Capability> capabilities, Complexity tier, Prices prices, int firstTokenMs, int tokensPerSecond) {
    public ModelSpec {
        capabilities = Set.copyOf(capabilities);
    }

    public boolean has(Capability c) {
        return capabilities.contains(c);
    }

    public boolean fitFor(Complexity complexity) {
        return tier.ordinal() >= complexity.ordinal();
    }

    /** Expected latency of a call producing {@code outputTokens}, in ms. */
    public long expectedLatencyMs(int outputTokens) {
        return firstTokenMs + (tokensPerSecond <= 0 ? 0 : (long) outputTokens * 1000 / tokensPerSecond);
    }

    public String qualifiedId() {
        return provider + "/" + id;
    }
}
