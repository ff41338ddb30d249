package dev.luna.llm;

/**
 * Who a call is for, as recorded with its usage and checked against budgets: the project (always), and when
 * known the agent, the task, the API key and the task type. {@code optimized} says the prompt went through
 * token optimisation.
 */
public record UsageContext(String projectId, String agentId, String taskId, String apiKeyId, String taskType,
                           boolean optimized, String requestId) {
    public UsageContext {
        if (projectId == null || projectId.isBlank()) throw new IllegalArgumentException("projectId is required");
    }

    public static UsageContext project(String projectId) {
        return new UsageContext(projectId, null, null, null, null, false, null);
    }

    public UsageContext withRequestId(String id) {
        return new UsageContext(projectId, agentId, taskId, apiKeyId, taskType, optimized, id);
    }
}
