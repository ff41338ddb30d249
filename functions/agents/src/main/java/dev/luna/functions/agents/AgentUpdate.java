package dev.luna.functions.agents;

/**
 * Body of {@code PUT /api/v1/agents/{id}}: every field is optional and, when present, replaces the stored field
 * whole ({@code config} included). {@code revision}, when given, must equal the stored revision (else 409);
 * the {@code If-Match} header does the same with 412.
 */
public record AgentUpdate(String name, String type, String version, String description, AgentConfig config,
                          ResourceQuota resourceQuota, Long revision) {

    boolean isEmpty() {
        return name == null && type == null && version == null && description == null && config == null && resourceQuota == null;
    }

    AgentSpec applyTo(AgentSpec s) {
        return new AgentSpec(name != null ? name : s.name(), type != null ? type : s.type(),
                version != null ? version : s.version(), description != null ? description : s.description(),
                config != null ? config : s.config(), resourceQuota != null ? resourceQuota : s.resourceQuota());
    }
}
