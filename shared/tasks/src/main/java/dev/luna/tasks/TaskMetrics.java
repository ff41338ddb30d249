package dev.luna.tasks;

import dev.luna.core.metrics.Metrics;
import java.time.Duration;
import java.time.Instant;

/**
 * The task lifecycle's metrics, by task type and priority: {@code TasksSubmitted} (a stored submission),
 * {@code TasksStarted} with {@code TaskQueueWait} (a won claim), and at the end one of {@code TasksSucceeded},
 * {@code TasksFailed}, {@code TasksTimedOut}, {@code TasksCancelled}, {@code TasksDeadLettered} with
 * {@code TaskDuration}; and the result cache's {@code CacheHits} / {@code CacheMisses} ({@code Cache=task-result}).
 */
public final class TaskMetrics {
    private TaskMetrics() {
    }

    /** A task was stored by a submission (a cache hit too: it is stored succeeded). */
    public static void submitted(Task task) {
        if (Metrics.enabled()) event(task).value("TasksSubmitted", 1).emit();
    }

    /** A worker won the claim of {@code running}: one attempt starts. */
    public static void started(Task running) {
        if (!Metrics.enabled()) return;
        var event = event(running).value("TasksStarted", 1);
        Instant queued = running.enqueuedAt() != null ? running.enqueuedAt() : running.queuedAt();
        if (queued != null && running.startedAt() != null) {
            // a retry's backoff is not waiting for a worker
            Instant due = running.nextAttemptAt() != null && running.nextAttemptAt().isAfter(queued) ? running.nextAttemptAt() : queued;
            event.value("TaskQueueWait", Math.max(0, Duration.between(due, running.startedAt()).toMillis()));
        }
        event.emit();
    }

    /** {@code task} was just written in a terminal status. */
    public static void finished(Task task) {
        if (!Metrics.enabled() || !task.status().isTerminal()) return;
        String metric = switch (task.status()) {
            case SUCCEEDED -> "TasksSucceeded";
            case FAILED -> "TasksFailed";
            case TIMED_OUT -> "TasksTimedOut";
            case CANCELLED -> "TasksCancelled";
            default -> "TasksDeadLettered";
        };
        var event = event(task).value(metric, 1);
        if (!task.cached() && task.startedAt() != null && task.completedAt() != null && !task.completedAt().isBefore(task.startedAt())) {
            event.value("TaskDuration", Duration.between(task.startedAt(), task.completedAt()).toMillis());
        }
        event.emit();
    }

    /** A lookup in the task result cache. */
    public static void cacheLookup(boolean hit) {
        if (Metrics.enabled()) Metrics.event().dimension("Cache", "task-result").value(hit ? "CacheHits" : "CacheMisses", 1).emit();
    }

    private static Metrics.Event event(Task task) {
        return Metrics.event().dimension("Type", task.type())
                .dimension("Priority", task.priority() == null ? "normal" : task.priority().wire());
    }
}
