package dev.luna.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A task as stored. {@link TaskView} is what the API shows; the lease, generation and cache key are internal.
 *
 * @param generation bumped whenever the task is (re)queued; a queue message carries the generation it was sent
 *                   for, so messages of earlier generations (before a retry, a priority change, a redrive) are
 *                   recognised as stale and dropped
 * @param revision   optimistic-concurrency counter of the stored item: every state change is a conditional write
 *                   on it, which is what makes SQS's at-least-once delivery run each attempt at most once
 * @param followers the users to notify on their devices when the task ends ({@code POST /api/v1/tasks/{id}/follow})
 * @param agentConcurrency the agent's {@code resourceQuota.maxConcurrentTasks} when the task was submitted: at most
 *                   that many of the agent's tasks run at once (null: no limit)
 */
public record Task(String id, String projectId, String type, Priority priority, JsonNode payload, String agentId,
                   String agentVersion, TaskStatus status, Progress progress, JsonNode result, String resultRef,
                   Long resultBytes, int attempts, RetrySettings retry, long timeoutMs, long generation,
                   long revision, Instant createdAt, Instant updatedAt, Instant queuedAt, Instant enqueuedAt,
                   Instant nextAttemptAt, Instant startedAt, Instant completedAt, String leaseOwner, Instant leaseUntil,
                   boolean cancelRequested, String webhookUrl, TaskError error, String cacheKey, boolean cached,
                   String cachedFrom, List<Artifact> artifacts, String createdBy, int retries, Integer agentConcurrency,
                   List<String> followers) {

    public Task {
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        followers = followers == null ? List.of() : List.copyOf(followers);
        progress = progress == null ? Progress.NONE : progress;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public TaskView view() {
        return TaskView.of(this);
    }

    /** A mutable copy for building the next state of a task. */
    public static final class Builder {
        public String id, projectId, type, agentId, agentVersion, resultRef, leaseOwner, webhookUrl, cacheKey, cachedFrom, createdBy;
        public Priority priority;
        public JsonNode payload, result;
        public TaskStatus status;
        public Progress progress;
        public Long resultBytes;
        public int attempts, retries;
        public Integer agentConcurrency;
        public long timeoutMs;
        public RetrySettings retry;
        public long generation, revision;
        public Instant createdAt, updatedAt, queuedAt, enqueuedAt, nextAttemptAt, startedAt, completedAt, leaseUntil;
        public boolean cancelRequested, cached;
        public TaskError error;
        public List<Artifact> artifacts = new ArrayList<>();
        public List<String> followers = new ArrayList<>();

        public Builder() {
        }

        Builder(Task t) {
            id = t.id; projectId = t.projectId; type = t.type; priority = t.priority; payload = t.payload;
            agentId = t.agentId; agentVersion = t.agentVersion; status = t.status; progress = t.progress;
            result = t.result; resultRef = t.resultRef; resultBytes = t.resultBytes; attempts = t.attempts;
            retry = t.retry; timeoutMs = t.timeoutMs; generation = t.generation; revision = t.revision;
            createdAt = t.createdAt; updatedAt = t.updatedAt; queuedAt = t.queuedAt; enqueuedAt = t.enqueuedAt;
            nextAttemptAt = t.nextAttemptAt; startedAt = t.startedAt; completedAt = t.completedAt;
            leaseOwner = t.leaseOwner; leaseUntil = t.leaseUntil; cancelRequested = t.cancelRequested;
            webhookUrl = t.webhookUrl; error = t.error; cacheKey = t.cacheKey; cached = t.cached;
            cachedFrom = t.cachedFrom; artifacts = new ArrayList<>(t.artifacts); createdBy = t.createdBy; retries = t.retries;
            agentConcurrency = t.agentConcurrency;
            followers = new ArrayList<>(t.followers);
        }

        /** A finished (or re-queued) task holds no lease. */
        public Builder releaseLease() {
            leaseOwner = null;
            leaseUntil = null;
            return this;
        }

        public Task build() {
            return new Task(id, projectId, type, priority, payload, agentId, agentVersion, status, progress, result,
                    resultRef, resultBytes, attempts, retry, timeoutMs, generation, revision, createdAt, updatedAt,
                    queuedAt, enqueuedAt, nextAttemptAt, startedAt, completedAt, leaseOwner, leaseUntil, cancelRequested,
                    webhookUrl, error, cacheKey, cached, cachedFrom, artifacts, createdBy, retries, agentConcurrency, followers);
        }
    }
}
