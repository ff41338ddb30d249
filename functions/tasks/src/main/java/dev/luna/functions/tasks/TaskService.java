package dev.luna.functions.tasks;

import dev.luna.core.IdFormat;
import dev.luna.core.ErrorCode;
import dev.luna.core.Hashes;
import dev.luna.core.Ids;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.store.Keyset;
import dev.luna.tasks.Priority;
import dev.luna.tasks.Progress;
import dev.luna.tasks.RetrySettings;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskError;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.TaskTypes;
import dev.luna.tasks.TaskView;
import dev.luna.tasks.routing.AgentRouting.AgentRef;
import dev.luna.tasks.routing.AgentRouting;
import dev.luna.tasks.store.TaskKeys;
import dev.luna.tasks.store.TaskStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Tasks: submission (validation, routing to an agent, the result cache, queueing), listing, cancellation,
 * retry, results and dead letters. Knows nothing of HTTP or Lambda; the same submission path serves
 * {@code POST /api/v1/tasks} and the submission queue.
 */
final class TaskService {
    private final TaskLifecycle lifecycle;
    private final TaskStore store;
    private final TaskTypes types;
    private final PayloadSources sources;
    private final java.util.function.Supplier<AgentRouting> agents;
    private final Clock clock;
    private final Ids ids;
    private final boolean allowPrivateWebhooks;

    TaskService(TaskLifecycle lifecycle, TaskTypes types, PayloadSources sources, java.util.function.Supplier<AgentRouting> agents, Clock clock,
                Ids ids, boolean allowPrivateWebhooks) {
        this.sources = sources;
        this.lifecycle = lifecycle;
        this.store = lifecycle.store();
        this.types = types;
        this.agents = agents;
        this.clock = clock;
        this.ids = ids;
        this.allowPrivateWebhooks = allowPrivateWebhooks;
    }

    /** A dead-lettered task with its failure analysis. */
    record DeadLetter(String taskId, String type, int priority, String queue, String agentId, int attempts,
                      Instant deadLetteredAt, TaskError analysis) {
    }

    record Redrive(List<String> redriven, List<Map<String, String>> skipped) {
    }

    record Result(String taskId, TaskStatus status, JsonNode result, String location, Long bytes, boolean cached, String cachedFrom) {
    }

    /** Submits a task; {@code taskId} is given for queue submissions (derived from the message, so redelivery is harmless). */
    Task submit(TaskSubmission s, String projectId, String createdBy, String taskId) {
        Priority priority = s.validate(allowPrivateWebhooks);
        var type = types.require(s.type());
        var violations = type.validate(s.payload());
        if (!violations.isEmpty()) throw new ValidationException(violations);
        sources.check(s.payload());
        var agent = route(s, projectId);
        Instant now = clock.instant();
        String cacheKey = cacheKey(s.type(), s.payload(), agent);
        var b = new Task.Builder();
        b.id = taskId != null ? taskId : ids.next("tsk");
        b.projectId = projectId;
        b.type = s.type();
        b.priority = priority;
        b.payload = s.payload();
        b.agentId = agent.id();
        b.agentVersion = agent.version();
        b.retry = new RetrySettings(agent.maxAttempts(), agent.initialDelayMs(), agent.multiplier(), agent.maxDelayMs());
        b.timeoutMs = Math.min(type.timeout().toMillis(), agent.timeoutMs());
        b.agentConcurrency = agent.maxConcurrentTasks();
        b.webhookUrl = s.webhookUrl();
        b.cacheKey = cacheKey;
        b.createdAt = now;
        b.updatedAt = now;
        b.createdBy = createdBy;
        b.revision = 1;
        if (s.useCache()) {
            var hit = lifecycle.stores().cache().find(projectId, cacheKey, now).flatMap(store::get)
                    .filter(t -> t.status() == TaskStatus.SUCCEEDED && t.cacheKey() != null && t.cacheKey().equals(cacheKey));
            if (hit.isPresent()) {
                var source = hit.get();
                b.status = TaskStatus.SUCCEEDED;
                b.cached = true;
                b.cachedFrom = source.cached() && source.cachedFrom() != null ? source.cachedFrom() : source.id();
                b.result = source.result();
                b.resultRef = source.resultRef();
                b.resultBytes = source.resultBytes();
                b.artifacts = new ArrayList<>(source.artifacts());
                b.completedAt = now;
                b.progress = new Progress("completed", 100, 0L, "result served from the cache of task " + b.cachedFrom, List.of());
                var task = b.build();
                if (!store.create(task)) return existing(task.id());
                lifecycle.finished(task);
                return task;
            }
        }
        b.status = TaskStatus.QUEUED;
        b.generation = 1;
        b.queuedAt = now;
        b.enqueuedAt = now;
        var task = b.build();
        if (!store.create(task)) {
            var existing = existing(task.id());
            if (existing.status() == TaskStatus.QUEUED) lifecycle.enqueue(existing);
            return existing;
        }
        lifecycle.enqueue(task);
        return task;
    }

    private Task existing(String id) {
        return store.get(id).orElseThrow(() -> new IllegalStateException("task " + id + " vanished"));
    }

    private AgentRef route(TaskSubmission s, String projectId) {
        if (s.agentId() != null) {
            var agent = agents.get().find(s.agentId()).filter(a -> a.projectId().equals(projectId))
                    .orElseThrow(() -> LunaException.notFound("Agent", s.agentId()));
            if (!agent.isRunning()) {
                throw new LunaException(ErrorCode.AGENT_UNAVAILABLE, "Agent '" + agent.id() + "' is " + agent.status()
                        + "; start it before sending it tasks", Map.of("agentId", agent.id(), "status", agent.status()));
            }
            if (!agent.capabilities().contains(s.type())) {
                throw new LunaException(ErrorCode.AGENT_UNAVAILABLE, "Agent '" + agent.id() + "' does not have the capability '"
                        + s.type() + "'", Map.of("agentId", agent.id(), "capabilities", agent.capabilities()));
            }
            return agent;
        }
        return agents.get().pick(projectId, s.type())
                .orElseThrow(() -> new LunaException(ErrorCode.AGENT_UNAVAILABLE, "No running, healthy agent has the capability '"
                        + s.type() + "'; register or start one, or name an agentId", Map.of("capability", s.type())));
    }

    /** Same type, same normalised payload, same agent version: the same result. */
    static String cacheKey(String type, JsonNode payload, AgentRef agent) {
        String text = type + "\n" + Json.write(normalise(payload)) + "\n" + agent.id() + "@" + agent.version();
        return Hashes.sha256(text);
    }

    /** Keys sorted at every level, numbers in their shortest exact form (1.0 and 1 are the same). */
    static Object normalise(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isObject()) {
            var map = new TreeMap<String, Object>();
            for (var e : node.properties()) map.put(e.getKey(), normalise(e.getValue()));
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>();
            node.forEach(n -> list.add(normalise(n)));
            return list;
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger() : d;
        }
        if (node.isBoolean()) return node.asBoolean();
        return node.asString();
    }

    /** A task type as {@code GET /api/v1/task-types} lists it. */
    record TypeInfo(String name, String description, boolean available, Integer timeoutSeconds, JsonNode payloadSchema) {
    }

    /** Every type this deployment knows (declared in the catalog or defined in code), and the product types it does not run. */
    List<TypeInfo> types() {
        var out = new TreeMap<String, TypeInfo>();
        for (String name : types.names()) {
            var t = types.find(name).orElseThrow();
            out.put(name, new TypeInfo(name, t.description(), true, t.timeoutSeconds(), t.payloadSchema()));
        }
        for (String name : TaskTypes.PRODUCT_TYPES) out.putIfAbsent(name, new TypeInfo(name, null, false, null, null));
        return List.copyOf(out.values());
    }

    /** The project a task belongs to, if the task exists. */
    java.util.Optional<String> projectOfTask(String id) {
        return store.get(id).map(Task::projectId);
    }

    Task get(String id, String projectId) {
        return store.get(id).filter(t -> t.projectId().equals(projectId)).orElseThrow(() -> LunaException.notFound("Task", id));
    }

    Keyset.Page<TaskView> list(TaskQuery q, String cursor, int limit) {
        var page = store.list(q.projectId(), q.createdAfter(), q.createdBefore(), cursor, limit, q::matches);
        return new Keyset.Page<>(page.items().stream().map(t -> t.view().summary()).toList(), page.next(), page.prev());
    }

    /** Cancels: a queued task never runs; a running one stops at its next progress step. */
    Task cancel(String id, String projectId) {
        var next = lifecycle.update(id, t -> {
            if (!t.projectId().equals(projectId)) throw LunaException.notFound("Task", id);
            if (t.status().isTerminal()) {
                throw new LunaException(ErrorCode.INVALID_TRANSITION, "Task '" + id + "' is already " + t.status().wire()
                        + "; only pending, queued or running tasks can be cancelled", Map.of("status", t.status().wire()));
            }
            var b = t.toBuilder();
            if (t.status() == TaskStatus.RUNNING) {
                if (t.cancelRequested()) return null;
                b.cancelRequested = true;
            } else {
                b.releaseLease();
                b.status = TaskStatus.CANCELLED;
                b.completedAt = clock.instant();
                b.nextAttemptAt = null;
                b.progress = new Progress("cancelled", t.progress().percentage(), null, "cancelled before it ran", t.progress().steps());
            }
            return b;
        });
        if (next.isEmpty()) return get(id, projectId);
        lifecycle.finished(next.get());
        return next.get();
    }

    /** The answer to a follow: whether the user now follows the task (false once it has ended), and its status. */
    record Follow(String taskId, String userId, boolean following, String status) {
    }

    /**
     * Follows (or, with {@code follow} false, unfollows) a task for a user: when it ends, the user's devices that
     * follow tasks get a push. A task that has already ended is left as it is ({@code following: false}): its end is
     * there to read.
     */
    Follow follow(String id, String projectId, String userId, boolean follow) {
        var next = lifecycle.update(id, t -> {
            if (!t.projectId().equals(projectId)) throw LunaException.notFound("Task", id);
            if (t.status().isTerminal() || t.followers().contains(userId) == follow) return null;
            var b = t.toBuilder();
            if (follow) b.followers.add(userId);
            else b.followers.remove(userId);
            return b;
        });
        var t = next.orElseGet(() -> get(id, projectId));
        return new Follow(t.id(), userId, !t.status().isTerminal() && t.followers().contains(userId), t.status().wire());
    }

    /** Runs a finished, unsuccessful task again, with a fresh attempt budget. */
    Task retry(String id, String projectId) {
        var next = lifecycle.update(id, t -> {
            if (!t.projectId().equals(projectId)) throw LunaException.notFound("Task", id);
            if (!t.status().isRetriable()) {
                throw new LunaException(ErrorCode.INVALID_TRANSITION, "Task '" + id + "' is " + t.status().wire()
                        + "; only failed, cancelled, timed_out or dead_lettered tasks can be retried", Map.of("status", t.status().wire()));
            }
            return requeueFresh(t);
        }).orElseThrow(() -> LunaException.notFound("Task", id));
        lifecycle.enqueue(next);
        return next;
    }

    private Task.Builder requeueFresh(Task t) {
        var b = lifecycle.requeued(t, Duration.ZERO);
        b.attempts = 0;
        b.retries = t.retries() + 1;
        b.completedAt = null;
        b.startedAt = null;
        b.result = null;
        b.resultRef = null;
        b.resultBytes = null;
        b.progress = new Progress("queued", 0, null, "retry " + b.retries + " requested", List.of());
        return b;
    }

    Result result(String id, String projectId) {
        var t = get(id, projectId);
        if (t.status() != TaskStatus.SUCCEEDED) {
            throw new LunaException(ErrorCode.CONFLICT, "Task '" + id + "' has no result: it is " + t.status().wire(),
                    Map.of("status", t.status().wire()));
        }
        var result = lifecycle.stores().objects().result(t).orElse(null);
        return new Result(t.id(), t.status(), result, t.resultRef() != null ? "s3" : "inline", t.resultBytes(), t.cached(), t.cachedFrom());
    }

    Keyset.Page<DeadLetter> deadLetters(String projectId, String cursor, int limit) {
        var page = store.stateList(TaskKeys.deadPartition(projectId), cursor, limit);
        var items = page.items().stream().map(t -> new DeadLetter(t.id(), t.type(), t.priority().level(), t.priority().wire(),
                t.agentId(), t.attempts(), t.completedAt(), t.error())).toList();
        return new Keyset.Page<>(items, page.next(), page.prev());
    }

    /** Re-queues dead-lettered tasks (the named ones, or the oldest {@code limit} of the project). */
    Redrive redrive(List<String> taskIds, Integer limit, String projectId) {
        var ids = new ArrayList<String>();
        if (taskIds != null && !taskIds.isEmpty()) {
            if (taskIds.size() > 100) throw new ValidationException("taskIds", "must have at most 100 entries");
            for (int i = 0; i < taskIds.size(); i++) IdFormat.TASK.require(taskIds.get(i), "taskIds[" + i + "]");
            ids.addAll(new java.util.LinkedHashSet<>(taskIds));
        } else {
            int n = limit == null ? 100 : limit;
            if (n < 1 || n > 100) throw new ValidationException("limit", "must be between 1 and 100");
            store.state(TaskKeys.deadPartition(projectId), null, n).items().forEach(t -> ids.add(t.id()));
        }
        var r = lifecycle.requeueEach(ids, projectId,
                t -> t.status() == TaskStatus.DEAD_LETTERED ? null : "is " + t.status().wire() + ", not dead_lettered", this::requeueFresh);
        return new Redrive(r.requeued(), r.skipped());
    }
}
