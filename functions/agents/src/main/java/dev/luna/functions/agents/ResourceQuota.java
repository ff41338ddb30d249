package dev.luna.functions.agents;

import dev.luna.core.Violations;

/** Resources an agent may use: vCPUs, memory, concurrent tasks and model tokens per day. */
public record ResourceQuota(Double cpu, Integer memoryMb, Integer maxConcurrentTasks, Long tokenLimitPerDay) {
    public static final ResourceQuota DEFAULT = new ResourceQuota(1.0, 1024, 5, 1_000_000L);

    ResourceQuota withDefaults() {
        return new ResourceQuota(cpu != null ? cpu : DEFAULT.cpu, memoryMb != null ? memoryMb : DEFAULT.memoryMb,
                maxConcurrentTasks != null ? maxConcurrentTasks : DEFAULT.maxConcurrentTasks,
                tokenLimitPerDay != null ? tokenLimitPerDay : DEFAULT.tokenLimitPerDay);
    }

    void validate(Violations v) {
        v.range(cpu, "resourceQuota.cpu", 0.125, 64);
        v.range(memoryMb, "resourceQuota.memoryMb", 128, 65_536);
        v.range(maxConcurrentTasks, "resourceQuota.maxConcurrentTasks", 1, 10_000);
        v.range(tokenLimitPerDay, "resourceQuota.tokenLimitPerDay", 0, 1e12);
    }
}
