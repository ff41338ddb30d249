package dev.luna.llm;

/** Whose spend a budget limits: a project ({@code agentId} null) or one agent of it. */
public record BudgetScope(String projectId, String agentId) {
    public BudgetScope {
        if (projectId == null || projectId.isBlank()) throw new IllegalArgumentException("projectId is required");
    }

    /** The stable key of the scope in storage: {@code project#<p>} or {@code agent#<p>#<agent>}. */
    public String key() {
        return agentId == null ? "project#" + projectId : "agent#" + projectId + "#" + agentId;
    }

    public String kind() {
        return agentId == null ? "project" : "agent";
    }
}
