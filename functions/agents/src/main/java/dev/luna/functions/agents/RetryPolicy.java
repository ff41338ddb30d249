package dev.luna.functions.agents;

import dev.luna.core.Violations;

/** How the task framework retries this agent's failed tasks: exponential backoff with jitter. */
public record RetryPolicy(Integer maxAttempts, Long initialDelayMs, Double multiplier, Long maxDelayMs) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 1_000L, 2.0, 60_000L);

    RetryPolicy withDefaults() {
        return new RetryPolicy(maxAttempts != null ? maxAttempts : DEFAULT.maxAttempts,
                initialDelayMs != null ? initialDelayMs : DEFAULT.initialDelayMs,
                multiplier != null ? multiplier : DEFAULT.multiplier,
                maxDelayMs != null ? maxDelayMs : Math.max(DEFAULT.maxDelayMs, initialDelayMs != null ? initialDelayMs : 0));
    }

    void validate(Violations v, String at) {
        v.range(maxAttempts, at + ".maxAttempts", 1, 10);
        v.range(initialDelayMs, at + ".initialDelayMs", 0, 3_600_000);
        v.range(multiplier, at + ".multiplier", 1, 10);
        v.range(maxDelayMs, at + ".maxDelayMs", 0, 86_400_000);
        if (initialDelayMs != null && maxDelayMs != null && maxDelayMs < initialDelayMs) {
            v.add(at + ".maxDelayMs", "must be at least initialDelayMs");
        }
    }
}
