package dev.luna.functions.agents;

import dev.luna.core.Violations;
import java.time.Instant;

/** Body of {@code POST /api/v1/agents/{id}/heartbeat}; stored with the time it was received. */
public record Heartbeat(AgentHealth.Metrics metrics, Instant receivedAt) {
    void validate() {
        var v = new Violations();
        if (metrics != null) {
            v.range(metrics.cpu(), "metrics.cpu", 0, 100 * 1024);
            v.range(metrics.memory(), "metrics.memory", 0, 1e9);
            v.range(metrics.uptime(), "metrics.uptime", 0, 1e12);
            v.range(metrics.tasksCompleted(), "metrics.tasksCompleted", 0, 1e15);
            v.range(metrics.errorRate(), "metrics.errorRate", 0, 100);
        }
        v.check(receivedAt == null, "receivedAt", "is set by the platform and must not be sent");
        v.throwIfAny();
    }
}
