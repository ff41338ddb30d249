package dev.luna.llm;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A budget threshold crossed in a month, raised once (its key is scope + month + threshold) and its delivery.
 * {@code deliveryStatus}: pending, delivered, failed (retried by later monitor runs up to {@link #MAX_ATTEMPTS}),
 * or recorded (email when the deployment has no mail sender; {@code lastError} says so).
 */
public record Alert(String id, String projectId, String agentId, String period, BigDecimal threshold, BigDecimal spentUsd,
                    BigDecimal limitUsd, BigDecimal utilization, Instant createdAt, String channel, String target,
                    String deliveryStatus, int attempts, Instant lastAttemptAt, String lastError, Instant deliveredAt) {
    public static final int MAX_ATTEMPTS = 3;
}
