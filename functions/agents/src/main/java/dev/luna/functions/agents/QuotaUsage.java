package dev.luna.functions.agents;

import java.math.BigDecimal;

/**
 * Where an agent stands against its {@link ResourceQuota}: model tokens and their cost today (UTC, as the gateway counts
 * them against {@code tokenLimitPerDay}) and the tasks holding one of its {@code maxConcurrentTasks} slots.
 */
public record QuotaUsage(String day, long tokensToday, long tokenLimitPerDay, long tokensRemaining, BigDecimal costUsdToday,
                         long modelCallsToday, int tasksRunning, int maxConcurrentTasks) {
}
