package dev.luna.tasks;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A task as the API shows it. {@code result} is inline when small; a large result lives in S3 and is served by
 * {@code GET /api/v1/tasks/{id}/result} ({@code resultLocation} says which).
 */
public record TaskView(String id, String projectId, String type, int priority, String queue, JsonNode payload,
                       String agentId, String agentVersion, TaskStatus status, Progress progress, JsonNode result,
                       String resultLocation, Long resultBytes, int attempts, int maxAttempts, int retries,
                       long timeoutMs, boolean cancelRequested, boolean cached, String cachedFrom, String webhookUrl,
                       TaskError error, List<Artifact> artifacts, Instant createdAt, Instant queuedAt,
                       Instant nextAttemptAt, Instant startedAt, Instant completedAt, Instant updatedAt, String createdBy,
                       long revision) {

    /**
     * The view in lists: without {@code payload} and {@code result} (up to 256 KiB and 64 KiB each, a page of 100
     * would exceed Lambda's 6 MB response); {@code GET /api/v1/tasks/{id}} has them.
     */
    public TaskView summary() {
        return new TaskView(id, projectId, type, priority, queue, null, agentId, agentVersion, status, progress, null,
                resultLocation, resultBytes, attempts, maxAttempts, retries, timeoutMs, cancelRequested, cached, cachedFrom,
                webhookUrl, error, artifacts, createdAt, queuedAt, nextAttemptAt, startedAt, completedAt, updatedAt, createdBy,
                revision);
    }

    static TaskView of(Task t) {
        String location = t.status() != TaskStatus.SUCCEEDED ? null : t.resultRef() != null ? "s3" : "inline";
        return new TaskView(t.id(), t.projectId(), t.type(), t.priority().level(), t.priority().wire(), t.payload(),
                t.agentId(), t.agentVersion(), t.status(), t.progress(), t.result(), location, t.resultBytes(),
                t.attempts(), t.retry().maxAttempts(), t.retries(), t.timeoutMs(), t.cancelRequested(), t.cached(),
                t.cachedFrom(), t.webhookUrl(), t.error(), t.artifacts(), t.createdAt(), t.queuedAt(),
                t.status() == TaskStatus.QUEUED ? t.nextAttemptAt() : null, t.startedAt(), t.completedAt(),
                t.updatedAt(), t.createdBy(), t.revision());
    }
}
