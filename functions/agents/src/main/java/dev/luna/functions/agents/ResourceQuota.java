package dev.luna.functions.agents;

import dev.luna.core.Violations;

/**
 * Resources an agent may use: vCPUs, memory, concurrent tasks, model tokens per day (UTC) and, optionally, the
 * longest a task may run in seconds ({@code maxExecutionTime}: caps the timeout of every task sent to the agent, on top of
 * {@code config.timeout} and its task type's own timeout).
 */
public record ResourceQuota(Double cpu, Integer memoryMb, Integer maxConcurrentTasks, Long tokenLimitPerDay, Long maxExecutionTime) {
    public static final ResourceQuota DEFAULT = new ResourceQuota(1.0, 1024, 5, 1_000_000L, null);

    ResourceQuota withDefaults() {
        return new ResourceQuota(cpu != null ? cpu : DEFAULT.cpu, memoryMb != null ? memoryMb : DEFAULT.memoryMb,
                maxConcurrentTasks != null ? maxConcurrentTasks : DEFAULT.maxConcurrentTasks,
                tokenLimitPerDay != null ? tokenLimitPerDay : DEFAULT.tokenLimitPerDay, maxExecutionTime);
    }

    void validate(Violations v) {
        v.range(cpu, "resourceQuota.cpu", 0.125, 64);
        v.range(memoryMb, "resourceQuota.memoryMb", 128, 65_536);
        v.range(maxConcurrentTasks, "resourceQuota.maxConcurrentTasks", 1, 10_000);
        v.range(tokenLimitPerDay, "resourceQuota.tokenLimitPerDay", 0, 1e12);
        v.range(maxExecutionTime, "resourceQuota.maxExecutionTime", 1, 86_400);
    }

    /** The timeout of the agent's tasks: {@code configTimeoutMs}, capped by {@code maxExecutionTime}. */
    static long taskTimeoutMs(Agent agent) {
        long config = agent.config() == null || agent.config().timeout() == null ? 300_000 : agent.config().timeout();
        var quota = agent.resourceQuota();
        return quota == null || quota.maxExecutionTime() == null ? config : Math.min(config, quota.maxExecutionTime() * 1000);
    }
}
