package dev.luna.functions.agents;

import java.time.Instant;

/**
 * An agent as the API shows it. {@code version} is the agent's own semantic version; {@code revision} is the
 * optimistic-concurrency token of the record (also its ETag); {@code versionNumber} counts its version records.
 * {@code health} and {@code quotaUsage} are derived when the agent is read, never stored.
 */
public record Agent(String id, String projectId, String name, String type, String version, String description,
                    AgentConfig config, ResourceQuota resourceQuota, AgentStatus status, long revision,
                    int versionNumber, Instant createdAt, Instant updatedAt, String createdBy, Instant startedAt,
                    Instant stoppedAt, Instant deactivatedAt, AgentHealth health, QuotaUsage quotaUsage) {

    AgentSpec spec() {
        return new AgentSpec(name, type, version, description, config, resourceQuota);
    }

    Agent withSpec(AgentSpec s) {
        return new Agent(id, projectId, s.name(), s.type(), s.version(), s.description(), s.config(), s.resourceQuota(),
                status, revision, versionNumber, createdAt, updatedAt, createdBy, startedAt, stoppedAt, deactivatedAt, health, quotaUsage);
    }

    Agent with(AgentStatus newStatus, long newRevision, int newVersionNumber, Instant now) {
        return new Agent(id, projectId, name, type, version, description, config, resourceQuota, newStatus, newRevision,
                newVersionNumber, createdAt, now, createdBy,
                newStatus == AgentStatus.RUNNING && status != AgentStatus.RUNNING ? now : startedAt,
                newStatus == AgentStatus.STOPPED && status != AgentStatus.STOPPED ? now : stoppedAt,
                newStatus == AgentStatus.DEACTIVATED ? now : deactivatedAt, health, quotaUsage);
    }

    Agent withHealth(AgentHealth h) {
        return new Agent(id, projectId, name, type, version, description, config, resourceQuota, status, revision,
                versionNumber, createdAt, updatedAt, createdBy, startedAt, stoppedAt, deactivatedAt, h, quotaUsage);
    }

    Agent withQuotaUsage(QuotaUsage u) {
        return new Agent(id, projectId, name, type, version, description, config, resourceQuota, status, revision,
                versionNumber, createdAt, updatedAt, createdBy, startedAt, stoppedAt, deactivatedAt, health, u);
    }
}
