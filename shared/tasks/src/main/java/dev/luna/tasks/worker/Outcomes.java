package dev.luna.tasks.worker;

import dev.luna.core.Json;
import dev.luna.tasks.Progress;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskError;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskMessage;
import dev.luna.tasks.TaskQueues;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.TaskType;
import dev.luna.tasks.store.AttemptLog;
import dev.luna.tasks.store.TaskKeys;
import dev.luna.tasks.store.TaskObjects;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * How an attempt's outcome is written, each a conditional write that the attempt still owns the task: success (with the
 * handler's staged effects, the cache entry and the attempt's statistics, atomically), retry with exponential backoff
 * and jitter, dead letter after the last attempt, timeout (with a partial result when the handler left one), and the
 * other terminal states. Results above {@link TaskObjects#INLINE_RESULT_BYTES} go to S3.
 */
final class Outcomes {
    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);
    private final TaskLifecycle lifecycle;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Random random = new Random();

    Outcomes(TaskLifecycle lifecycle, CircuitBreaker breaker) {
        this.lifecycle = lifecycle;
        this.breaker = breaker;
        this.clock = lifecycle.clock();
    }

    /** One run of a handler: the task as claimed, its context, and its times for the statistics. */
    record Attempt(Task claimed, WorkerContext context, long waitMs, long runMs) {
    }

    /** A result as stored: inline when small, else the S3 key it was written to. */
    private record StoredResult(JsonNode inline, String ref, Long bytes) {
    }

    private StoredResult store(Task claimed, Object result) {
        JsonNode tree = result == null ? null : result instanceof JsonNode n ? n : Json.mapper().valueToTree(result);
        if (tree == null) return new StoredResult(null, null, null);
        byte[] json = Json.writeBytes(tree);
        if (json.length <= TaskObjects.INLINE_RESULT_BYTES) return new StoredResult(tree, null, (long) json.length);
        String ref = TaskKeys.resultKey(claimed.id());
        lifecycle.stores().objects().put(ref, json, "application/json");
        return new StoredResult(null, ref, (long) json.length);
    }

    void succeed(Attempt attempt, Object result, TaskType type) {
        var claimed = attempt.claimed();
        var context = attempt.context();
        var stored = store(claimed, result);
        Task known = context.latest();
        for (int tries = 0; tries < 20; tries++) {
            var current = known != null ? known : lifecycle.store().get(claimed.id()).orElse(null);
            known = null; // on a lost race, read what is stored now
            if (current == null || !context.owns(current)) return;
            if (current.cancelRequested()) {
                end(claimed.id(), null, t -> finish(t, TaskStatus.CANCELLED, null));
                return;
            }
            var b = current.toBuilder().releaseLease();
            b.status = TaskStatus.SUCCEEDED;
            b.result = stored.inline();
            b.resultRef = stored.ref();
            b.resultBytes = stored.bytes();
            b.completedAt = clock.instant();
            b.error = null;
            b.progress = new Progress("completed", 100, 0L, current.progress().message(), current.progress().steps());
            b.revision = current.revision() + 1;
            b.updatedAt = b.completedAt;
            var next = b.build();
            var writes = new ArrayList<>(context.effects());
            if (next.cacheKey() != null) {
                writes.add(lifecycle.stores().cache().write(next.projectId(), next.cacheKey(), next.id(), next.completedAt(),
                        next.completedAt().plus(TaskLifecycle.CACHE_TTL)));
            }
            writes.add(lifecycle.stores().attempts().write(new AttemptLog.AttemptEvent(claimed.id(), claimed.priority(), claimed.type(),
                    "succeeded", attempt.waitMs(), attempt.runMs(), next.completedAt()), claimed.attempts()));
            if (lifecycle.store().replace(next, writes)) {
                breaker.recordSuccess(type.name());
                lifecycle.finished(next);
                return;
            }
        }
        throw new IllegalStateException("could not record the success of task " + claimed.id());
    }

    /** Ends the attempt {@code timed_out}, keeping {@code partial} (when given) as the task's result. */
    void timedOut(Attempt attempt, TaskError error, Object partial) {
        var claimed = attempt.claimed();
        record(claimed, "timed_out", attempt);
        var stored = store(claimed, partial);
        end(claimed.id(), attempt.context(), t -> {
            var b = finish(t, TaskStatus.TIMED_OUT, error);
            if (partial != null) {
                b.result = stored.inline();
                b.resultRef = stored.ref();
                b.resultBytes = stored.bytes();
            }
            return b;
        });
    }

    void retry(Task claimed, WorkerContext context, TaskError error) {
        Duration delay = claimed.retry().backoff(claimed.attempts(), random);
        var next = lifecycle.update(claimed.id(), t -> {
            if (!context.owns(t)) return null;
            if (t.cancelRequested()) return finish(t, TaskStatus.CANCELLED, error);
            var b = lifecycle.requeued(t, delay);
            b.queuedAt = t.queuedAt();
            b.error = error;
            b.progress = new Progress("retry scheduled", t.progress().percentage(), null,
                    "attempt " + t.attempts() + " failed; retrying in " + delay.toMillis() + " ms", t.progress().steps());
            return b;
        });
        next.ifPresent(t -> {
            if (t.status() == TaskStatus.QUEUED) lifecycle.enqueue(t);
            else lifecycle.finished(t);
        });
    }

    void deadLetter(String taskId, WorkerContext context, TaskError error) {
        var next = lifecycle.update(taskId, t -> {
            if (context != null ? !context.owns(t) : t.status().isTerminal()) return null;
            return finish(t, TaskStatus.DEAD_LETTERED, error);
        });
        next.ifPresent(t -> {
            lifecycle.queues().send(TaskQueues.DLQ, Json.write(new TaskMessage(t.id(), t.generation())), Duration.ZERO,
                    Map.of("taskType", t.type(), "errorClass", error.errorClass(), "reason", error.message(),
                            "attempts", Integer.toString(t.attempts())));
            lifecycle.finished(t);
        });
    }

    /** Ends a task with a terminal status (when {@code context} is given, only while that attempt owns it). */
    void end(String taskId, WorkerContext context, Function<Task, Task.Builder> change) {
        lifecycle.update(taskId, t -> {
            if (context != null ? !context.owns(t) : t.status().isTerminal()) return null;
            return change.apply(t);
        }).ifPresent(lifecycle::finished);
    }

    Task.Builder finish(Task t, TaskStatus status, TaskError error) {
        var b = t.toBuilder().releaseLease();
        b.status = status;
        b.completedAt = clock.instant();
        b.nextAttemptAt = null;
        if (error != null) b.error = error;
        b.progress = new Progress(status.wire(), t.progress().percentage(), null, error == null ? t.progress().message() : error.message(),
                t.progress().steps());
        return b;
    }

    /** Sends the same message again with a delay and lets this delivery go: waiting without holding a worker. */
    void park(Task task, Duration wait) {
        lifecycle.queues().enqueue(task, wait);
    }

    void record(Task claimed, String outcome, Attempt attempt) {
        try {
            lifecycle.stores().attempts().record(new AttemptLog.AttemptEvent(claimed.id(), claimed.priority(), claimed.type(), outcome,
                    attempt.waitMs(), attempt.runMs(), clock.instant()), claimed.attempts());
        } catch (RuntimeException e) {
            log.warn("could not record statistics of task {}: {}", claimed.id(), e.toString());
        }
    }
}
