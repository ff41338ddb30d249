package dev.luna.tasks;

import dev.luna.core.Json;
import dev.luna.tasks.store.TaskStore;
import dev.luna.tasks.store.TaskStores;
import dev.luna.tasks.store.WebhookOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State changes of tasks that the API, the workers and the schedules share: optimistic read-modify-write
 * loops, (re)queueing with the queue message, and what follows a task's end (the result cache entry, the webhook
 * delivery). DynamoDB is the truth; a queue message only says "look at task X, generation G".
 */
public final class TaskLifecycle {
    public static final Duration CACHE_TTL = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(TaskLifecycle.class);
    private final TaskStores stores;
    private final TaskStore store;
    private final TaskQueues queues;
    private final Clock clock;

    public TaskLifecycle(TaskStores stores, TaskQueues queues, Clock clock) {
        this.stores = stores;
        this.store = stores.tasks();
        this.queues = queues;
        this.clock = clock;
    }

    /** The tasks themselves. */
    public TaskStore store() {
        return store;
    }

    /** Every store of the task domain. */
    public TaskStores stores() {
        return stores;
    }

    public TaskQueues queues() {
        return queues;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Applies {@code change} to the current task until the conditional write wins. {@code change} returns null
     * to leave the task as it is (the result is then empty); revision and updatedAt are set here.
     */
    public Optional<Task> update(String taskId, Function<Task, Task.Builder> change) {
        for (int tries = 0; tries < 20; tries++) {
            var current = store.get(taskId).orElse(null);
            if (current == null) return Optional.empty();
            var b = change.apply(current);
            if (b == null) return Optional.empty();
            b.revision = current.revision() + 1;
            b.updatedAt = clock.instant();
            var next = b.build();
            if (store.replace(next)) return Optional.of(next);
        }
        throw new IllegalStateException("task " + taskId + " is contended; gave up after 20 attempts");
    }

    /** Builder for putting a task (back) on its queue: a new generation, so older messages become stale. */
    public Task.Builder requeued(Task current, Duration delay) {
        Instant now = clock.instant();
        var b = current.toBuilder().releaseLease();
        b.status = TaskStatus.QUEUED;
        b.generation = current.generation() + 1;
        b.queuedAt = (current.status() == TaskStatus.QUEUED || current.status() == TaskStatus.PENDING) && current.queuedAt() != null
                ? current.queuedAt() : now;
        b.enqueuedAt = now;
        b.nextAttemptAt = delay.isZero() ? null : now.plus(delay);
        b.cancelRequested = false;
        return b;
    }

    /** What a batch requeue did: the tasks requeued, and for each of the others why not ({@code taskId}, {@code reason}). */
    public record Requeued(java.util.List<String> requeued, java.util.List<Map<String, String>> skipped) {
    }

    /**
     * Requeues each of a project's tasks named in {@code ids}, one conditional write and one message each: a task of
     * another project is "not found"; {@code refusal} answers why a task cannot be requeued (null when it can), and
     * {@code change} builds its next state.
     */
    public Requeued requeueEach(java.util.List<String> ids, String projectId, Function<Task, String> refusal,
                                Function<Task, Task.Builder> change) {
        var requeued = new java.util.ArrayList<String>();
        var skipped = new java.util.ArrayList<Map<String, String>>();
        for (String id : ids) {
            var reason = new String[1];
            var next = update(id, t -> {
                reason[0] = t.projectId().equals(projectId) ? refusal.apply(t) : "not found";
                return reason[0] == null ? change.apply(t) : null;
            });
            if (next.isPresent()) {
                enqueue(next.get());
                requeued.add(id);
            } else {
                var m = new java.util.LinkedHashMap<String, String>();
                m.put("taskId", id);
                m.put("reason", reason[0] == null ? "not found" : reason[0]);
                skipped.add(m);
            }
        }
        return new Requeued(requeued, skipped);
    }

    /** Sends the queue message of a task just written as queued. */
    public void enqueue(Task queued) {
        Duration delay = queued.nextAttemptAt() == null ? Duration.ZERO : Duration.between(clock.instant(), queued.nextAttemptAt());
        queues.enqueue(queued, delay.isNegative() ? Duration.ZERO : delay);
    }

    /**
     * What follows a task's end: the webhook delivery (the cache entry commits with the success itself). The
     * webhook is owed from the write of the end (its outbox entry commits with it); should this send not happen,
     * the health-check sends it.
     */
    public void finished(Task task) {
        TaskMetrics.finished(task);
        if (!WebhookOutbox.OwedWebhook.owedFor(task)) return;
        try {
            sendWebhook(WebhookOutbox.OwedWebhook.of(task));
        } catch (RuntimeException e) {
            log.warn("webhook of task {} ({}) not queued yet, the health-check will: {}", task.id(), task.status().wire(), e.toString());
        }
    }

    /**
     * Puts an owed webhook on the delivery queue and clears it from the outbox; the pushes to the devices of a followed
     * task's users go as a second message ({@code "channel": "push"}) on the same queue, so each is retried on its own.
     */
    public void sendWebhook(WebhookOutbox.OwedWebhook owed) {
        if (!Boolean.FALSE.equals(owed.webhook())) {
            queues.send(TaskQueues.WEBHOOKS, Json.write(Map.of("taskId", owed.taskId(), "status", owed.status(),
                    "revision", owed.revision())), Duration.ZERO, Map.of("taskType", owed.type()));
        }
        if (Boolean.TRUE.equals(owed.push())) {
            queues.send(TaskQueues.WEBHOOKS, Json.write(Map.of("taskId", owed.taskId(), "status", owed.status(),
                    "revision", owed.revision(), "channel", "push")), Duration.ZERO, Map.of("taskType", owed.type()));
        }
        stores.outbox().queued(owed.taskId(), owed.revision());
    }
}
