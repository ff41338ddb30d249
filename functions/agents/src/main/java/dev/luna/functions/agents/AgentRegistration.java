package dev.luna.functions.agents;

/**
 * Body of {@code POST /api/v1/agents}: the agent's spec, and optionally the project it belongs to (default: the
 * project the credential is bound to, else {@code default}).
 */
public record AgentRegistration(String projectId, String name, String type, String version, String description,
                                AgentConfig config, ResourceQuota resourceQuota) {
    AgentSpec spec() {
        return new AgentSpec(name, type, version, description, config, resourceQuota);
    }
}
