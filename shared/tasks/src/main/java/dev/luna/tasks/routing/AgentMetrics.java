package dev.luna.tasks.routing;

import dev.luna.core.metrics.Metrics;

/**
 * Agents' metric: {@code AgentsUnhealthy}, the active agents whose health the health-check found {@code unhealthy}
 * (no heartbeat for longer than LUNA_AGENT_UNHEALTHY_AFTER_SECONDS, or a reported error rate of 50 % or more), one
 * value per run (every minute), so "an agent down for more than 5 minutes" is its Maximum above 0 five periods running.
 */
public final class AgentMetrics {
    private AgentMetrics() {
    }

    public static void swept(AgentRouting.HealthSweep sweep) {
        if (!Metrics.enabled()) return;
        Integer unhealthy = sweep.byHealth() == null ? null : sweep.byHealth().get("unhealthy");
        Metrics.event().value("AgentsUnhealthy", unhealthy == null ? 0 : unhealthy).emit();
    }
}
