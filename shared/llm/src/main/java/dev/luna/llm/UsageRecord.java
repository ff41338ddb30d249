package dev.luna.llm;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One provider call as accounted: when, which model, the tokens, the exact cost, and for whom.
 * {@code outcome} is {@code ok}, or {@code partial} for a stream that broke after output the provider bills for.
 */
public record UsageRecord(String id, Instant timestamp, String provider, String model, int inputTokens, int cachedInputTokens,
                          int cacheWriteTokens, int outputTokens, BigDecimal costUsd, boolean estimated, String taskType,
                          String projectId, String agentId, String taskId, String apiKeyId, boolean optimized, String requestId,
                          String outcome) {
}
