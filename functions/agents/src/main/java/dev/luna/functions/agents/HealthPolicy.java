package dev.luna.functions.agents;

import java.time.Duration;
import java.time.Instant;

/**
 * Derives an agent's health. Stale heartbeats: older than {@code degradedAfter} → degraded, older than
 * {@code unhealthyAfter} → unhealthy. Reported error rate: at least 10 % → degraded, at least 50 % → unhealthy.
 * The worse of the two wins.
 */
public record HealthPolicy(Duration degradedAfter, Duration unhealthyAfter) {
    public static final double DEGRADED_ERROR_RATE = 10;
    public static final double UNHEALTHY_ERROR_RATE = 50;

    /** The policy configured by LUNA_AGENT_DEGRADED_AFTER_SECONDS / LUNA_AGENT_UNHEALTHY_AFTER_SECONDS (60 / 180). */
    static HealthPolicy from(dev.luna.store.LunaConfig config) {
        return new HealthPolicy(Duration.ofSeconds(config.longSetting(AgentFunctions.DEGRADED_AFTER, 60)),
                Duration.ofSeconds(config.longSetting(AgentFunctions.UNHEALTHY_AFTER, 180)));
    }

    AgentHealth evaluate(Agent agent, Heartbeat heartbeat, Instant now) {
        Instant lastCheck = heartbeat != null ? heartbeat.receivedAt()
                : agent.startedAt() != null ? agent.startedAt() : agent.createdAt();
        var metrics = heartbeat != null && heartbeat.metrics() != null ? heartbeat.metrics() : AgentHealth.Metrics.EMPTY;
        Duration age = Duration.between(lastCheck, now);
        AgentHealth.Status status = AgentHealth.Status.HEALTHY;
        String reason = heartbeat == null ? "no heartbeat yet" : "heartbeat " + age.toSeconds() + " s ago";
        if (age.compareTo(unhealthyAfter) > 0) {
            status = AgentHealth.Status.UNHEALTHY;
            reason = "no heartbeat for " + age.toSeconds() + " s (unhealthy after " + unhealthyAfter.toSeconds() + " s)";
        } else if (age.compareTo(degradedAfter) > 0) {
            status = AgentHealth.Status.DEGRADED;
            reason = "no heartbeat for " + age.toSeconds() + " s (degraded after " + degradedAfter.toSeconds() + " s)";
        }
        double errorRate = metrics.errorRate() == null ? 0 : metrics.errorRate();
        if (errorRate >= UNHEALTHY_ERROR_RATE) {
            status = AgentHealth.Status.UNHEALTHY;
            reason = "error rate " + errorRate + " %";
        } else if (errorRate >= DEGRADED_ERROR_RATE && status == AgentHealth.Status.HEALTHY) {
            status = AgentHealth.Status.DEGRADED;
            reason = "error rate " + errorRate + " %";
        }
        return new AgentHealth(agent.id(), agent.name(), agent.status(), status, lastCheck, metrics, reason);
    }
}
