package dev.luna.functions.tasks;

import dev.luna.core.Json;
import dev.luna.http.ScheduledEvent;
import dev.luna.tasks.Priority;
import dev.luna.tasks.Progress;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskError;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskMessage;
import dev.luna.tasks.TaskQueues;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.routing.AgentRouting;
import dev.luna.tasks.store.TaskKeys;
import dev.luna.tasks.store.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code health-check} (scheduled): (1) derives every agent's health from its heartbeats and persists it on the
 * agent; (2) times out tasks stuck in {@code running} (started longer ago than their timeout plus a grace, with no
 * outcome recorded: their worker died); (3) re-sends the queue message of tasks queued for longer than
 * {@code LUNA_TASK_REQUEUE_AFTER_SECONDS} past their due time (sent, or end of backoff) without being picked up (a
 * message lost between the DynamoDB write and
 * the SQS send; a duplicate is harmless, the claim is conditional); (4) reconciles the tasks DLQ: a message SQS
 * moved there after {@code maxReceiveCount} failed deliveries dead-letters its task; messages of tasks that are
 * no longer dead-lettered (retried, redriven) are deleted; (5) queues the webhooks still owed a minute after the
 * task ended (the process died between writing the end and queueing the delivery).
 * With {@code detail.recover = true} (sent by the local runtime when it restarts on a data directory, since its
 * queues live in memory) every queued task is re-sent and every running task is treated as abandoned.
 */
final class HealthCheck {
    static final String STUCK_GRACE = "LUNA_TASK_STUCK_GRACE_SECONDS";
    static final String REQUEUE_AFTER = "LUNA_TASK_REQUEUE_AFTER_SECONDS";
    private final java.util.function.Supplier<AgentRouting> agents;
    private final TaskLifecycle lifecycle;
    private final TaskStore store;
    private final Clock clock;
    private final Duration stuckGrace;
    private final Duration requeueAfter;

    HealthCheck(java.util.function.Supplier<AgentRouting> agents, TaskLifecycle lifecycle, Clock clock, Duration stuckGrace, Duration requeueAfter) {
        this.agents = agents;
        this.lifecycle = lifecycle;
        this.store = lifecycle.store();
        this.clock = clock;
        this.stuckGrace = stuckGrace;
        this.requeueAfter = requeueAfter;
    }

    Map<String, Object> run(ScheduledEvent event) {
        boolean recover = event.detail().path("recover").asBoolean(false);
        var summary = new LinkedHashMap<String, Object>();
        var sweep = agents.get().sweepHealth();
        dev.luna.tasks.routing.AgentMetrics.swept(sweep);
        summary.put("agentsChecked", sweep.checked());
        summary.put("agentHealthChanged", sweep.changed());
        summary.put("agentsByHealth", sweep.byHealth());
        summary.put("recover", recover);
        int[] running = sweepRunning(recover);
        summary.put("timedOut", running[0]);
        summary.put("requeuedAbandoned", running[1]);
        summary.put("requeued", sweepQueued(recover));
        summary.put("deadLetterQueue", reconcileDeadLetters());
        summary.put("webhooksResent", resendOwedWebhooks(recover));
        return summary;
    }

    private int[] sweepRunning(boolean recover) {
        int timedOut = 0, requeued = 0;
        Map<String, AttributeValue> start = null;
        do {
            var page = store.state(TaskKeys.RUNNING_PARTITION, start, 200);
            for (var seen : page.items()) {
                Instant now = clock.instant();
                if (recover) {
                    var next = lifecycle.update(seen.id(), t -> {
                        if (t.status() != TaskStatus.RUNNING) return null;
                        var error = new TaskError("WorkerLost", "the local runtime stopped during attempt " + t.attempts(),
                                t.progress().stage(), t.attempts(), true, now);
                        if (t.cancelRequested()) return end(t, TaskStatus.CANCELLED, null);
                        if (t.attempts() >= t.retry().maxAttempts()) return end(t, TaskStatus.DEAD_LETTERED, error);
                        var b = lifecycle.requeued(t, Duration.ZERO);
                        b.error = error;
                        b.progress = new Progress("queued", 0, null, "re-queued after a restart", t.progress().steps());
                        return b;
                    });
                    if (next.isPresent()) {
                        if (next.get().status() == TaskStatus.QUEUED) {
                            lifecycle.enqueue(next.get());
                            requeued++;
                        } else {
                            deadLetterMessage(next.get());
                            lifecycle.finished(next.get());
                        }
                    }
                    continue;
                }
                if (seen.startedAt() == null || seen.startedAt().plusMillis(seen.timeoutMs()).plus(stuckGrace).isAfter(now)) continue;
                var next = lifecycle.update(seen.id(), t -> {
                    if (t.status() != TaskStatus.RUNNING || t.attempts() != seen.attempts()) return null;
                    if (t.cancelRequested()) return end(t, TaskStatus.CANCELLED, null);
                    return end(t, TaskStatus.TIMED_OUT, new TaskError("Stuck", "no outcome recorded within the timeout of "
                            + t.timeoutMs() + " ms plus " + stuckGrace.toSeconds() + " s; the worker is presumed lost",
                            t.progress().stage(), t.attempts(), false, now));
                });
                if (next.isPresent()) {
                    if (next.get().status() == TaskStatus.TIMED_OUT) timedOut++;
                    lifecycle.finished(next.get());
                }
            }
            start = page.lastKey();
        } while (start != null);
        return new int[] {timedOut, requeued};
    }

    private int sweepQueued(boolean recover) {
        int requeued = 0;
        Instant threshold = clock.instant().minus(requeueAfter);
        for (var p : Priority.values()) {
            Map<String, AttributeValue> start = null;
            do {
                var page = store.state(TaskKeys.queuedPartition(p), start, 200);
                for (var seen : page.items()) {
                    if (!recover && seen.queuedAt() != null && seen.queuedAt().isAfter(threshold)) break;
                    // a pending task's message keeps coming back while its agent is busy; only a restart loses it
                    if (!recover && seen.status() == TaskStatus.PENDING) continue;
                    // due = when its message should have been picked up: sent, or its backoff ended (a delayed message
                    // is parked again until then, so it is not lost, merely waiting)
                    Instant due = seen.enqueuedAt();
                    if (seen.nextAttemptAt() != null && (due == null || seen.nextAttemptAt().isAfter(due))) due = seen.nextAttemptAt();
                    if (!recover && due != null && due.isAfter(threshold)) continue;
                    var next = lifecycle.update(seen.id(), t -> {
                        if ((t.status() != TaskStatus.QUEUED && t.status() != TaskStatus.PENDING) || t.generation() != seen.generation()) return null;
                        var b = t.toBuilder();
                        b.enqueuedAt = clock.instant();
                        return b;
                    });
                    if (next.isPresent()) {
                        lifecycle.enqueue(next.get());
                        requeued++;
                    }
                }
                start = page.lastKey();
                if (!recover && !page.items().isEmpty() && page.items().get(page.items().size() - 1).queuedAt() != null
                        && page.items().get(page.items().size() - 1).queuedAt().isAfter(threshold)) {
                    start = null;
                }
            } while (start != null);
        }
        return requeued;
    }

    private Map<String, Integer> reconcileDeadLetters() {
        int seen = 0, deadLettered = 0, deleted = 0;
        var queues = lifecycle.queues();
        for (int round = 0; round < 10; round++) {
            var messages = queues.receive(TaskQueues.DLQ, Duration.ofSeconds(60));
            if (messages.isEmpty()) break;
            for (var m : messages) {
                seen++;
                TaskMessage message;
                try {
                    message = Json.readTrusted(m.body(), TaskMessage.class);
                } catch (RuntimeException e) {
                    continue; // not ours to judge: left for an operator
                }
                var task = store.get(message.taskId()).orElse(null);
                if (task == null || task.generation() != message.generation()
                        || (task.status().isTerminal() && task.status() != TaskStatus.DEAD_LETTERED)) {
                    queues.delete(TaskQueues.DLQ, m.receiptHandle());
                    deleted++;
                    continue;
                }
                if (task.status() == TaskStatus.DEAD_LETTERED) continue;
                Instant now = clock.instant();
                if (task.status() == TaskStatus.RUNNING && task.leaseUntil() != null && task.leaseUntil().isAfter(now)) continue;
                var next = lifecycle.update(task.id(), t -> {
                    if (t.status().isTerminal() || t.generation() != message.generation()) return null;
                    return end(t, TaskStatus.DEAD_LETTERED, new TaskError("MaxReceiveCountExceeded",
                            "SQS moved the task's message to the dead-letter queue after " + m.attributesAsStrings()
                                    .getOrDefault("ApproximateReceiveCount", "repeated") + " deliveries without an outcome",
                            t.progress().stage(), t.attempts(), true, now));
                });
                if (next.isPresent()) {
                    deadLettered++;
                    lifecycle.finished(next.get());
                }
            }
        }
        var out = new LinkedHashMap<String, Integer>();
        out.put("seen", seen);
        out.put("deadLettered", deadLettered);
        out.put("deletedStale", deleted);
        return out;
    }

    private void deadLetterMessage(Task t) {
        if (t.status() != TaskStatus.DEAD_LETTERED) return;
        lifecycle.queues().send(TaskQueues.DLQ, Json.write(new TaskMessage(t.id(), t.generation())), Duration.ZERO,
                Map.of("taskType", t.type(), "errorClass", t.error().errorClass(), "reason", t.error().message()));
    }

    private Task.Builder end(Task t, TaskStatus status, TaskError error) {
        var b = t.toBuilder().releaseLease();
        b.status = status;
        b.completedAt = clock.instant();
        b.nextAttemptAt = null;
        if (error != null) b.error = error;
        b.progress = new Progress(status.wire(), t.progress().percentage(), null, error == null ? null : error.message(), t.progress().steps());
        return b;
    }

    /** Queues the webhooks owed for more than a minute (every one when recovering); how many. */
    private int resendOwedWebhooks(boolean recover) {
        int sent = 0;
        var before = recover ? clock.instant().plusSeconds(1) : clock.instant().minusSeconds(60);
        for (var owed : lifecycle.stores().outbox().owed(before, 1000)) {
            lifecycle.sendWebhook(owed);
            sent++;
        }
        return sent;
    }
}
