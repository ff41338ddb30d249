package dev.luna.functions.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Health of an agent as {@link HealthPolicy} derives it: {@code status} and the {@code reason} for it, the
 * {@code inputs} it was derived from, {@code lastCheck} (the latest sign of the agent: a heartbeat, a task a worker
 * started, its start or registration) and the {@code metrics} of its last heartbeat, if it sends any.
 */
public record AgentHealth(String agentId, String name, AgentStatus agentStatus, Status status, Instant lastCheck,
                          Metrics metrics, String reason, Inputs inputs) {
    public enum Status {
        @JsonProperty("healthy") HEALTHY,
        @JsonProperty("degraded") DEGRADED,
        @JsonProperty("unhealthy") UNHEALTHY;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What the verdict was derived from: the agent's tasks created in the last {@code windowSeconds} (finished ones,
     * those that failed or timed out, the failures in a row, those running now), the last time a worker started one of
     * them, their p95 duration against the agent's timeout, the task types whose circuit is open, and its last
     * heartbeat since it started (null when it sends none).
     */
    public record Inputs(long windowSeconds, int tasksFinished, int tasksFailed, int tasksTimedOut, double errorRate,
                         int consecutiveFailures, int tasksRunning, Instant lastInvocationAt, Long p95DurationMs,
                         long timeoutMs, List<String> openCircuits, Instant heartbeatAt, Long heartbeatAgeSeconds) {
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
