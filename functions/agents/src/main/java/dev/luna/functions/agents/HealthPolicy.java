package dev.luna.functions.agents;

import dev.luna.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How an agent's health is derived from what the platform sees of its work in a recent {@code window} — its tasks'
 * outcomes (failures, timeouts, failures in a row), the last time a worker ran one, their p95 duration against the
 * agent's timeout, the circuit breakers of its task types — and from the optional heartbeat of a self-hosted agent.
 * An agent with no failures is healthy, however long it has been idle.
 * <ul>
 * <li>Tasks: the last {@value #UNHEALTHY_IN_A_ROW} finished tasks all failed or timed out, or at least
 * {@value #UNHEALTHY_ERROR_RATE} % of at least {@value #MIN_SAMPLE} → unhealthy; the last {@value #DEGRADED_IN_A_ROW}
 * failed, or at least {@value #DEGRADED_ERROR_RATE} % of at least {@value #MIN_SAMPLE} → degraded.</li>
 * <li>Latency: p95 duration above {@value #SLOW_SHARE_OF_TIMEOUT_PERCENT} % of the agent's timeout → degraded.</li>
 * <li>Breakers: the circuits of all its task types open → degraded (some open: reported only).</li>
 * <li>Heartbeat (only one received since the agent last started counts): older than {@code degradedAfter} → degraded,
 * than {@code unhealthyAfter} → unhealthy; a reported error rate of at least 10 % → degraded, 50 % → unhealthy.</li>
 * </ul>
 * The worst finding wins; {@code reason} lists the findings of that level.
 */
public record HealthPolicy(Duration degradedAfter, Duration unhealthyAfter, Duration window) {
    public static final double DEGRADED_ERROR_RATE = 20;
    public static final double UNHEALTHY_ERROR_RATE = 50;
    public static final double REPORTED_DEGRADED_ERROR_RATE = 10;
    public static final int MIN_SAMPLE = 5;
    public static final int DEGRADED_IN_A_ROW = 2;
    public static final int UNHEALTHY_IN_A_ROW = 3;
    public static final int SLOW_SHARE_OF_TIMEOUT_PERCENT = 80;

    /**
     * The policy configured by LUNA_AGENT_DEGRADED_AFTER_SECONDS / LUNA_AGENT_UNHEALTHY_AFTER_SECONDS (60 / 180, for
     * heartbeats) and LUNA_AGENT_HEALTH_WINDOW_SECONDS (900, the window of tasks looked at).
     */
    static HealthPolicy from(dev.luna.store.LunaConfig config) {
        return new HealthPolicy(Duration.ofSeconds(config.longSetting(AgentFunctions.DEGRADED_AFTER, 60)),
                Duration.ofSeconds(config.longSetting(AgentFunctions.UNHEALTHY_AFTER, 180)),
                Duration.ofSeconds(config.longSetting(AgentFunctions.HEALTH_WINDOW, 900)));
    }

    AgentHealth evaluate(Agent agent, Heartbeat heartbeat, TaskFigures work, List<String> openCircuits, Instant now) {
        var v = new Verdict();
        var beat = heartbeat != null && heartbeat.receivedAt() != null
                && (agent.startedAt() == null || !heartbeat.receivedAt().isBefore(agent.startedAt())) ? heartbeat : null;
        Long beatAge = beat == null ? null : Duration.between(beat.receivedAt(), now).toSeconds();
        if (beat != null) heartbeatFindings(v, beat, Duration.between(beat.receivedAt(), now));
        workFindings(v, agent, work);
        var caps = agent.config() == null || agent.config().capabilities() == null ? List.<String>of() : agent.config().capabilities();
        if (!openCircuits.isEmpty()) {
            v.add(openCircuits.size() >= caps.size() ? AgentHealth.Status.DEGRADED : AgentHealth.Status.HEALTHY,
                    "circuit open for " + String.join(", ", openCircuits) + " (tasks of that type fail fast)");
        }
        if (v.status == AgentHealth.Status.HEALTHY) {
            v.worst.add(0, work.finished() == 0
                    ? "no failures; idle (no task finished in the last " + window.toSeconds() + " s)"
                    : "no failures; " + work.finished() + " task(s) finished in the last " + window.toSeconds() + " s");
        }
        var inputs = new AgentHealth.Inputs(window.toSeconds(), work.finished(), work.errors(), work.timedOut(), work.errorRate(),
                work.consecutiveFailures(), work.count(TaskStatus.RUNNING), work.lastInvocationAt(), work.p95DurationMs(),
                timeoutMs(agent), openCircuits, beat == null ? null : beat.receivedAt(), beatAge);
        var metrics = beat != null && beat.metrics() != null ? beat.metrics() : AgentHealth.Metrics.EMPTY;
        return new AgentHealth(agent.id(), agent.name(), agent.status(), v.status, lastSign(agent, beat, work), metrics,
                v.reason(), inputs);
    }

    private void heartbeatFindings(Verdict v, Heartbeat beat, Duration age) {
        if (age.compareTo(unhealthyAfter) > 0) {
            v.add(AgentHealth.Status.UNHEALTHY, "no heartbeat for " + age.toSeconds() + " s (unhealthy after " + unhealthyAfter.toSeconds() + " s)");
        } else if (age.compareTo(degradedAfter) > 0) {
            v.add(AgentHealth.Status.DEGRADED, "no heartbeat for " + age.toSeconds() + " s (degraded after " + degradedAfter.toSeconds() + " s)");
        }
        double reported = beat.metrics() == null || beat.metrics().errorRate() == null ? 0 : beat.metrics().errorRate();
        if (reported >= UNHEALTHY_ERROR_RATE) v.add(AgentHealth.Status.UNHEALTHY, "reported error rate " + reported + " %");
        else if (reported >= REPORTED_DEGRADED_ERROR_RATE) v.add(AgentHealth.Status.DEGRADED, "reported error rate " + reported + " %");
    }

    private void workFindings(Verdict v, Agent agent, TaskFigures work) {
        String rate = "error rate " + work.errorRate() + " % of " + work.finished() + " task(s) in the last " + window.toSeconds()
                + " s (" + work.timedOut() + " timed out)";
        if (work.consecutiveFailures() >= UNHEALTHY_IN_A_ROW) {
            v.add(AgentHealth.Status.UNHEALTHY, "the last " + work.consecutiveFailures() + " tasks failed or timed out");
        } else if (work.consecutiveFailures() >= DEGRADED_IN_A_ROW) {
            v.add(AgentHealth.Status.DEGRADED, "the last " + work.consecutiveFailures() + " tasks failed or timed out");
        }
        if (work.finished() >= MIN_SAMPLE && work.errorRate() >= UNHEALTHY_ERROR_RATE) v.add(AgentHealth.Status.UNHEALTHY, rate);
        else if (work.finished() >= MIN_SAMPLE && work.errorRate() >= DEGRADED_ERROR_RATE) v.add(AgentHealth.Status.DEGRADED, rate);
        if (work.p95DurationMs() != null && work.p95DurationMs() * 100 > timeoutMs(agent) * SLOW_SHARE_OF_TIMEOUT_PERCENT) {
            v.add(AgentHealth.Status.DEGRADED, "p95 duration " + work.p95DurationMs() + " ms is near its timeout of " + timeoutMs(agent) + " ms");
        }
    }

    private static long timeoutMs(Agent agent) {
        return ResourceQuota.taskTimeoutMs(agent);
    }

    /** The latest sign of the agent: a heartbeat, a task a worker started, its start or its registration. */
    private static Instant lastSign(Agent agent, Heartbeat beat, TaskFigures work) {
        Instant last = agent.startedAt() != null ? agent.startedAt() : agent.createdAt();
        if (work.lastInvocationAt() != null && work.lastInvocationAt().isAfter(last)) last = work.lastInvocationAt();
        if (beat != null && beat.receivedAt().isAfter(last)) last = beat.receivedAt();
        return last;
    }

    /** The worst status found and the findings of that status. */
    private static final class Verdict {
        AgentHealth.Status status = AgentHealth.Status.HEALTHY;
        final List<String> worst = new ArrayList<>();

        void add(AgentHealth.Status s, String finding) {
            if (s.ordinal() > status.ordinal()) {
                status = s;
                worst.clear();
            }
            if (s == status) worst.add(finding);
        }

        String reason() {
            return String.join("; ", worst);
        }
    }
}
