package dev.luna.functions.agents;

import dev.luna.store.AgentDailyUsage;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.store.AgentSlots;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * An agent's figures of today (UTC): its tasks ({@link AgentActivity}: those created today, by status, with durations and
 * error rate), its model usage as the gateway counts it ({@link AgentDailyUsage}) and the slots of its concurrency
 * quota in use ({@link AgentSlots}).
 */
final class AgentMeters {
    private final AgentActivity activity;
    private final AgentSlots slots;
    private final AgentDailyUsage usage;
    private final Clock clock;

    AgentMeters(AgentActivity activity, AgentSlots slots, AgentDailyUsage usage, Clock clock) {
        this.activity = activity;
        this.slots = slots;
        this.usage = usage;
        this.clock = clock;
    }

    /**
     * The metrics of {@code GET /agents/{id}/metrics}: tasks created since {@code since} (the start of the UTC day),
     * by status; those in flight (pending, queued, running); the error rate of the finished ones and their p50/p95 run
     * durations; tokens, cost and model calls today; and where the agent stands against its quota.
     */
    public record AgentMetrics(String agentId, String projectId, String day, Instant since, Instant at, int tasksTotal,
                               Map<String, Integer> tasksByStatus, int tasksInFlight, int tasksFinished, double errorRate,
                               Long p50DurationMs, Long p95DurationMs, long tokensToday, BigDecimal costUsdToday,
                               long modelCallsToday, QuotaUsage quota) {
    }

    AgentMetrics metrics(Agent agent) {
        Instant now = clock.instant();
        Instant since = now.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        var f = TaskFigures.of(activity.ofAgent(agent.projectId(), agent.id(), since, now));
        var quota = quotaUsage(agent, now);
        int total = f.byStatus().values().stream().mapToInt(Integer::intValue).sum();
        int inFlight = f.count(TaskStatus.PENDING) + f.count(TaskStatus.QUEUED) + f.count(TaskStatus.RUNNING);
        return new AgentMetrics(agent.id(), agent.projectId(), quota.day(), since, now, total, f.byStatus(), inFlight,
                f.finished(), f.errorRate(), f.p50DurationMs(), f.p95DurationMs(), quota.tokensToday(), quota.costUsdToday(),
                quota.modelCallsToday(), quota);
    }

    QuotaUsage quotaUsage(Agent agent) {
        return quotaUsage(agent, clock.instant());
    }

    private QuotaUsage quotaUsage(Agent agent, Instant now) {
        var quota = agent.resourceQuota() == null ? ResourceQuota.DEFAULT : agent.resourceQuota().withDefaults();
        var today = usage.read(agent.id(), now);
        return new QuotaUsage(today.day(), today.tokens(), quota.tokenLimitPerDay(),
                Math.max(0, quota.tokenLimitPerDay() - today.tokens()), today.costUsd(), today.calls(),
                slots.holders(agent.id()).size(), quota.maxConcurrentTasks());
    }
}
