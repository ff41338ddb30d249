package dev.luna.functions.agents;

/**
 * Body of {@code POST /api/v1/agents/{id}/rollback} (optional): the target by version record number or by semantic
 * version (the newest record carrying it); neither means the version before the current one.
 */
public record RollbackRequest(Integer versionNumber, String version, Long revision) {
}
