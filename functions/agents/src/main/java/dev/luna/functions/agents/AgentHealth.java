package dev.luna.functions.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Health of an agent, derived from its heartbeats: {@code lastCheck} is the last heartbeat (or, before any, the
 * last start or the registration); the status degrades as heartbeats go stale or the reported error rate rises.
 */
public record AgentHealth(String agentId, String name, AgentStatus agentStatus, Status status, Instant lastCheck,
                          Metrics metrics, String reason) {
    public enum Status {
        @JsonProperty("healthy") HEALTHY,
        @JsonProperty("degraded") DEGRADED,
        @JsonProperty("unhealthy") UNHEALTHY;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Metrics an agent reports.
     *
     * @param cpu            CPU usage, percent
     * @param memory         memory in use, MB
     * @param uptime         seconds since the agent process started
     * @param tasksCompleted tasks processed since start
     * @param errorRate      failed tasks, percent
     */
    public record Metrics(Double cpu, Double memory, Long uptime, Long tasksCompleted, Double errorRate) {
        public static final Metrics EMPTY = new Metrics(0.0, 0.0, 0L, 0L, 0.0);
    }
}
