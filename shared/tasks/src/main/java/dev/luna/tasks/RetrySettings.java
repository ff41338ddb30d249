package dev.luna.tasks;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a task's retriable failures are retried: up to {@code maxAttempts} attempts, waiting an exponentially
 * growing delay with full jitter between them ({@code random(0, min(maxDelay, initialDelay * multiplier^(n-1)))}).
 * Snapshotted from the agent's retry policy when the task is submitted.
 */
public record RetrySettings(int maxAttempts, long initialDelayMs, double multiplier, long maxDelayMs) {
    public static final RetrySettings DEFAULT = new RetrySettings(3, 1_000, 2.0, 60_000);

    /** The delay before attempt {@code failedAttempts + 1}, after {@code failedAttempts} failures (1-based). */
    public Duration backoff(int failedAttempts, RandomGenerator random) {
        double ceiling = Math.min((double) maxDelayMs, initialDelayMs * Math.pow(multiplier, Math.max(0, failedAttempts - 1)));
        long ms = ceiling <= 0 ? 0 : (long) (random.nextDouble() * ceiling);
        return Duration.ofMillis(ms);
    }

    /** The upper bound of {@link #backoff} for that attempt (no jitter), for documentation and tests. */
    public long ceilingMs(int failedAttempts) {
        return (long) Math.min((double) maxDelayMs, initialDelayMs * Math.pow(multiplier, Math.max(0, failedAttempts - 1)));
    }
}
