package dev.luna.functions.tasks;

import dev.luna.catalog.Catalog;
import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.tasks.Priority;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskQueues;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.TaskTypes;
import dev.luna.tasks.store.TaskKeys;
import dev.luna.tasks.store.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The five priority queues, each made of one SQS queue per task type ({@code tasks-<type>-<priority>}, consumed by
 * the type's worker function): what is waiting (SQS depth and in-flight, the oldest queued task from the state
 * index), how they perform (per-attempt records: throughput, wait and run latency percentiles, failures, dead
 * letters), and moving a project's waiting tasks to another priority.
 */
final class QueueService {
    private final TaskLifecycle lifecycle;
    private final TaskStore store;
    private final TaskQueues queues;
    private final Clock clock;
    private final TaskTypes types;

    QueueService(TaskLifecycle lifecycle, TaskTypes types, Clock clock) {
        this.lifecycle = lifecycle;
        this.types = types;
        this.store = lifecycle.store();
        this.queues = lifecycle.queues();
        this.clock = clock;
    }

    /** A priority queue: its totals over the task types, the oldest waiting task, and each type's own queue. */
    record QueueInfo(String id, int priority, long depth, long inFlight, long delayed, Long oldestAgeSeconds, String oldestTaskId,
                     List<TypeQueue> types) {
    }

    /** One task type's SQS queue at a priority, with the worker function and event source mapping that consume it. */
    record TypeQueue(String type, String queue, String worker, int batchSize, int maxConcurrency, long depth, long inFlight, long delayed) {
    }

    record Latency(Long p50, Long p95, Long max) {
    }

    record QueueStats(String id, int priority, int windowMinutes, Instant from, Instant to, long depth, long inFlight,
                      long delayed, Long oldestAgeSeconds, double throughputPerMinute, Map<String, Integer> attempts,
                      Latency waitMs, Latency runMs, int failures, int deadLettered, long deadLetterQueueDepth,
                      boolean truncated) {
    }

    record PrioritizeRequest(tools.jackson.databind.JsonNode priority, List<String> taskIds, Integer limit) {
    }

    record Moved(String from, String to, List<String> moved, List<Map<String, String>> skipped) {
    }

    static Priority queueId(String id) {
        return Priority.parse(id).orElseThrow(() -> LunaException.notFound("Queue", id));
    }

    List<QueueInfo> list() {
        var out = new ArrayList<QueueInfo>();
        for (var p : Priority.values()) out.add(info(p));
        return out;
    }

    QueueInfo info(Priority p) {
        var workers = Catalog.load().taskWorkers();
        var perType = new ArrayList<TypeQueue>();
        long visible = 0, inFlight = 0, delayed = 0;
        for (String type : types.names()) {
            var worker = workers.containsKey(type) ? workers.get(type) : Catalog.FunctionSpec.taskWorker(type);
            var binding = worker.trigger().queues().get(p.ordinal());
            var depth = queues.depth(binding.queue());
            perType.add(new TypeQueue(type, binding.queue(), worker.name(), binding.batchSize(), binding.maxConcurrency(),
                    depth.visible(), depth.inFlight(), depth.delayed()));
            visible += depth.visible();
            inFlight += depth.inFlight();
            delayed += depth.delayed();
        }
        var oldest = store.state(TaskKeys.queuedPartition(p), null, 1).items().stream().findFirst();
        Instant now = clock.instant();
        return new QueueInfo(p.wire(), p.level(), visible, inFlight, delayed,
                oldest.map(t -> Math.max(0, Duration.between(t.queuedAt(), now).toSeconds())).orElse(null),
                oldest.map(Task::id).orElse(null), perType);
    }

    QueueStats stats(Priority p, int windowMinutes) {
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofMinutes(windowMinutes));
        int max = 50_000;
        var attempts = lifecycle.stores().attempts().since(p, from, max);
        var byOutcome = new TreeMap<String, Integer>();
        var wait = new ArrayList<Long>();
        var run = new ArrayList<Long>();
        int finished = 0, failures = 0, dead = 0;
        for (var a : attempts) {
            byOutcome.merge(a.outcome(), 1, Integer::sum);
            wait.add(a.waitMs());
            run.add(a.runMs());
            if (!a.outcome().equals("retried")) finished++;
            if (List.of("failed", "retried", "timed_out", "dead_lettered").contains(a.outcome())) failures++;
            if (a.outcome().equals("dead_lettered")) dead++;
        }
        var info = info(p);
        long dlq = queues.depth(TaskQueues.DLQ).visible();
        return new QueueStats(p.wire(), p.level(), windowMinutes, from, to, info.depth(), info.inFlight(), info.delayed(),
                info.oldestAgeSeconds(), Math.round(finished * 100.0 / windowMinutes) / 100.0, byOutcome, latency(wait),
                latency(run), failures, dead, dlq, attempts.size() >= max);
    }

    private static Latency latency(List<Long> values) {
        if (values.isEmpty()) return new Latency(null, null, null);
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return new Latency(pct(v, 0.50), pct(v, 0.95), v[v.length - 1]);
    }

    private static long pct(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Moves the project's waiting tasks of queue {@code from} (the named ones, or the oldest {@code limit}) to another priority. */
    Moved prioritize(Priority from, PrioritizeRequest request, String projectId) {
        if (request == null || request.priority() == null || request.priority().isNull()) {
            throw new ValidationException("priority", "is required: the priority to move the waiting tasks to (1-5 or a name)");
        }
        var target = (request.priority().isIntegralNumber() ? Priority.parse(Integer.toString(request.priority().asInt()))
                : request.priority().isString() ? Priority.parse(request.priority().asString()) : java.util.Optional.<Priority>empty())
                .orElseThrow(() -> new ValidationException("priority", "must be " + Priority.CHOICES));
        if (target == from) throw new ValidationException("priority", "is the queue's own priority (" + from.wire() + ")");
        var ids = new ArrayList<String>();
        if (request.taskIds() != null && !request.taskIds().isEmpty()) {
            if (request.limit() != null) throw new ValidationException("limit", "give either taskIds or limit, not both");
            if (request.taskIds().size() > 100) throw new ValidationException("taskIds", "must have at most 100 entries");
            ids.addAll(new java.util.LinkedHashSet<>(request.taskIds()));
        } else {
            int limit = request.limit() == null ? 100 : request.limit();
            if (limit < 1 || limit > 100) throw new ValidationException("limit", "must be between 1 and 100");
            var start = (Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>) null;
            do {
                var page = store.state(TaskKeys.queuedPartition(from), start, 200);
                for (var t : page.items()) {
                    if (t.projectId().equals(projectId) && ids.size() < limit) ids.add(t.id());
                }
                start = page.lastKey();
            } while (start != null && ids.size() < limit);
        }
        var r = lifecycle.requeueEach(ids, projectId,
                t -> (t.status() == TaskStatus.QUEUED || t.status() == TaskStatus.PENDING) && t.priority() == from ? null
                        : "is not waiting in queue " + from.wire() + " (" + t.status().wire() + ", " + t.priority().wire() + ")",
                t -> {
                    var wait = t.nextAttemptAt() == null ? Duration.ZERO : Duration.between(clock.instant(), t.nextAttemptAt());
                    var b = lifecycle.requeued(t, wait.isNegative() ? Duration.ZERO : wait);
                    b.priority = target;
                    return b;
                });
        var moved = r.requeued();
        var skipped = r.skipped();
        if (moved.isEmpty() && skipped.isEmpty() && request.taskIds() != null && !request.taskIds().isEmpty()) {
            throw new LunaException(ErrorCode.NOT_FOUND, "None of the named tasks exist");
        }
        return new Moved(from.wire(), target.wire(), moved, skipped);
    }
}
