package dev.luna.tasks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * Runs the tasks of an SQS batch, as a task type's worker function does in Lambda. Per message: drop it when stale
 * (an older generation, a finished task, an attempt still leased by a live worker); park it with a delay when its
 * backoff has not elapsed or the type's circuit is open; otherwise claim the task with a conditional write (so a
 * duplicate delivery never runs an attempt twice), run the handler with the type's timeout, extend the message's
 * visibility while it runs, and record the outcome with another conditional write: success (with the handler's
 * staged effects, atomically), retry with exponential backoff and jitter, dead letter after the last attempt,
 * failure, timeout or cancellation. Only infrastructure errors fail a message (partial batch response), so SQS
 * redelivers it after its visibility timeout; after {@code maxReceiveCount} receives SQS moves it to the DLQ.
 */
public final class WorkerRuntime {
    /** Extra lease beyond the type's timeout, to record the outcome. */
    static final Duration LEASE_GRACE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

    private final TaskLifecycle lifecycle;
    private final TaskTypes types;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final String workerId;
    private final Duration visibilityTimeout;
    private final Random random = new Random();

    public WorkerRuntime(TaskLifecycle lifecycle, TaskTypes types, CircuitBreaker breaker, String workerId, Duration visibilityTimeout) {
        this.lifecycle = lifecycle;
        this.types = types;
        this.breaker = breaker;
        this.clock = lifecycle.clock();
        this.workerId = workerId;
        this.visibilityTimeout = visibilityTimeout;
    }

    public String workerId() {
        return workerId;
    }

    /**
     * Processes a batch of the worker function of {@code hostedType} (messages concurrently, on virtual threads)
     * and reports the messages to retry.
     */
    public SQSBatchResponse process(SQSEvent event, String hostedType) {
        var records = event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords();
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Boolean>>();
            for (var m : records) futures.add(executor.submit(() -> processOne(m, hostedType)));
            for (int i = 0; i < records.size(); i++) {
                boolean ok;
                try {
                    ok = futures.get(i).get();
                } catch (ExecutionException e) {
                    ok = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    ok = false;
                }
                if (!ok) failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(records.get(i).getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** True when the message is done with (delete it), false to have SQS redeliver it. */
    private boolean processOne(SQSEvent.SQSMessage m, String hostedType) {
        TaskMessage message;
        try {
            message = Json.readTrusted(m.getBody(), TaskMessage.class);
            if (message.taskId() == null) throw new IllegalArgumentException("no taskId");
        } catch (RuntimeException e) {
            log.warn("dropping malformed task message {}: {}", m.getMessageId(), e.toString());
            lifecycle.queues().send(TaskQueues.DLQ, m.getBody() == null ? "" : m.getBody(), Duration.ZERO,
                    Map.of("reason", "malformed task message: " + e.getMessage(), "sourceMessageId", m.getMessageId()));
            return true;
        }
        MDC.put("taskId", message.taskId());
        try {
            run(message, m, hostedType);
            return true;
        } catch (RuntimeException e) {
            log.error("task {}: infrastructure failure, message {} will be redelivered", message.taskId(), m.getMessageId(), e);
            return false;
        } finally {
            MDC.remove("taskId");
        }
    }

    private void run(TaskMessage message, SQSEvent.SQSMessage m, String hostedType) {
        var task = lifecycle.store().get(message.taskId()).orElse(null);
        if (task == null) {
            log.warn("message for unknown task {} dropped", message.taskId());
            return;
        }
        if (!task.type().equals(hostedType)) {
            // a message on another type's queue (sent by hand, or a queue wired to the wrong function): route it on
            log.warn("task {} of type {} reached the {} worker; forwarded to its own queue", task.id(), task.type(), hostedType);
            lifecycle.queues().enqueue(task, Duration.ZERO);
            return;
        }
        if (task.generation() != message.generation() || task.status().isTerminal()) return;
        Instant now = clock.instant();
        if (task.status() == TaskStatus.RUNNING && task.leaseUntil() != null && task.leaseUntil().isAfter(now)) return;
        if (task.status() == TaskStatus.QUEUED && task.nextAttemptAt() != null && task.nextAttemptAt().isAfter(now)) {
            park(task, Duration.between(now, task.nextAttemptAt()));
            return;
        }
        if (task.cancelRequested()) {
            end(task.id(), null, t -> finish(t, TaskStatus.CANCELLED, null));
            return;
        }
        var type = types.find(task.type()).orElse(null);
        if (type == null) {
            var error = new TaskError("UnknownTaskType", "no handler for task type '" + task.type() + "' in this worker",
                    task.progress().stage(), task.attempts(), false, now);
            end(task.id(), null, t -> finish(t, TaskStatus.FAILED, error));
            return;
        }
        if (task.status() == TaskStatus.RUNNING && task.attempts() >= task.retry().maxAttempts()) {
            var error = new TaskError("WorkerLost", "the worker running attempt " + task.attempts() + " stopped before recording its outcome",
                    task.progress().stage(), task.attempts(), true, now);
            deadLetter(task.id(), null, error);
            return;
        }
        var decision = breaker.admit(task.type(), workerId, type.timeout().plus(LEASE_GRACE));
        if (decision instanceof CircuitBreaker.Decision.Defer defer) {
            log.debug("task {} parked {} ms: {}", task.id(), defer.delay().toMillis(), defer.reason());
            park(task, defer.delay());
            return;
        }
        Duration timeout = task.timeoutMs() > 0 && task.timeoutMs() < type.timeout().toMillis()
                ? Duration.ofMillis(task.timeoutMs()) : type.timeout();
        var claimed = claim(task, timeout);
        if (claimed == null) return;
        if (claimed == AGENT_BUSY) {
            waitForAgent(task, m);
            return;
        }
        execute(claimed, type, timeout, m);
    }

    /** Marker of a claim refused because the task's agent already runs {@code agentConcurrency} tasks. */
    private static final Task AGENT_BUSY = new Task.Builder().build();
    /** Longest pause between two looks at a busy agent's free slots. */
    static final int MAX_AGENT_WAIT_SECONDS = 10;
    private final Map<String, Instant> slotAudits = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The agent runs all the tasks its quota allows: the task becomes {@code pending} (once) and its message comes
     * back after a pause that grows with each look (1 s, 2 s, … up to {@value #MAX_AGENT_WAIT_SECONDS} s; the count
     * travels in the message's {@code agentWaits} attribute), so waiting holds no worker and costs one receive per look.
     */
    private void waitForAgent(Task task, SQSEvent.SQSMessage m) {
        var current = task;
        if (task.status() == TaskStatus.QUEUED) {
            int max = task.agentConcurrency();
            String message = "waiting for agent " + task.agentId() + ", which already runs " + max + (max == 1 ? " task" : " tasks") + ", its maximum";
            current = lifecycle.update(task.id(), t -> {
                if (t.status() != TaskStatus.QUEUED || t.generation() != task.generation()) return null;
                var b = t.toBuilder();
                b.status = TaskStatus.PENDING;
                b.progress = new Progress("pending", t.progress().percentage(), null, message, t.progress().steps());
                return b;
            }).orElse(null);
            if (current == null) return; // changed meanwhile (cancelled, moved): its own message carries on
        }
        int waits = 0;
        var attr = m.getMessageAttributes() == null ? null : m.getMessageAttributes().get("agentWaits");
        if (attr != null && attr.getStringValue() != null) {
            try {
                waits = Integer.parseInt(attr.getStringValue());
            } catch (NumberFormatException ignored) {
                waits = 0;
            }
        }
        lifecycle.queues().enqueue(current, Duration.ofSeconds(Math.min(MAX_AGENT_WAIT_SECONDS, waits + 1)),
                Map.of("agentWaits", Integer.toString(waits + 1)));
    }

    /**
     * Gives back the slots of an agent's tasks that no longer run (a worker died between its writes), at most once
     * a minute per agent and worker; true when a slot was freed.
     */
    private boolean auditSlots(Task task) {
        Instant now = clock.instant();
        var last = slotAudits.get(task.agentId());
        if (last != null && last.isAfter(now.minusSeconds(60))) return false;
        slotAudits.put(task.agentId(), now);
        boolean freed = false;
        for (String holder : lifecycle.store().slotHolders(task.agentId())) {
            var held = lifecycle.store().get(holder).orElse(null);
            boolean stale = held == null || held.status() != TaskStatus.RUNNING
                    || (held.leaseUntil() != null && held.leaseUntil().isBefore(now));
            if (stale) {
                log.info("agent {}: slot of task {} given back ({})", task.agentId(), holder, held == null ? "no such task" : held.status().wire());
                lifecycle.store().releaseSlot(task.agentId(), holder);
                freed = true;
            }
        }
        return freed;
    }

    /** The running task, {@link #AGENT_BUSY} when its agent has no free slot, or null when the task changed meanwhile. */
    private Task claim(Task seen, Duration timeout) {
        Instant now = clock.instant();
        var b = seen.toBuilder();
        b.status = TaskStatus.RUNNING;
        b.attempts = seen.attempts() + 1;
        b.startedAt = now;
        b.completedAt = null;
        b.nextAttemptAt = null;
        b.leaseOwner = workerId;
        b.leaseUntil = now.plus(timeout).plus(LEASE_GRACE);
        b.progress = new Progress("running", 0, null, null, seen.progress().steps());
        b.revision = seen.revision() + 1;
        b.updatedAt = now;
        var claimed = b.build();
        var outcome = lifecycle.store().claim(claimed);
        if (outcome == TaskStore.Claim.AGENT_BUSY && auditSlots(seen)) outcome = lifecycle.store().claim(claimed);
        return switch (outcome) {
            case CLAIMED -> claimed;
            case STALE -> null;
            case AGENT_BUSY -> AGENT_BUSY;
        };
    }

    private void execute(Task claimed, TaskType type, Duration timeout, SQSEvent.SQSMessage m) {
        Instant started = clock.instant();
        var context = new WorkerContext(lifecycle, claimed, workerId, started.plus(timeout));
        String queueUrl = m.getEventSourceArn() == null ? null : lifecycle.queues().urlOfArn(m.getEventSourceArn());
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        Future<Object> future = executor.submit(() -> type.handler().handle(claimed.payload(), context));
        Object result = null;
        Throwable failure = null;
        boolean timedOut = false;
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            Duration beat = visibilityTimeout.dividedBy(3);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new TimeoutException();
                try {
                    result = future.get(Math.min(left, Math.max(beat.toNanos(), 1_000_000)), TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (System.nanoTime() >= deadline) throw e;
                    if (queueUrl != null && m.getReceiptHandle() != null) {
                        lifecycle.queues().changeVisibility(queueUrl, m.getReceiptHandle(), visibilityTimeout); // visibility heartbeat
                    }
                }
            }
        } catch (TimeoutException e) {
            timedOut = true;
            future.cancel(true);
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            failure = e;
        } finally {
            executor.shutdownNow();
        }
        Instant now = clock.instant();
        long waitMs = claimed.enqueuedAt() == null ? 0 : Math.max(0, Duration.between(claimed.enqueuedAt(), claimed.startedAt()).toMillis());
        long runMs = Duration.between(started, now).toMillis();
        java.util.function.Supplier<String> stageNow = () -> lifecycle.store().get(claimed.id()).map(t -> t.progress().stage()).orElse("running");
        if (timedOut) {
            String stage = stageNow.get();
            var error = new TaskError("Timeout", "exceeded its timeout of " + timeout.toMillis() + " ms",
                    stage, claimed.attempts(), false, now);
            breaker.recordFailure(type.name(), error.message());
            record(claimed, "timed_out", waitMs, runMs);
            end(claimed.id(), context, t -> finish(t, TaskStatus.TIMED_OUT, error));
        } else if (failure instanceof TaskCancelledException) {
            record(claimed, "cancelled", waitMs, runMs);
            end(claimed.id(), null, t -> t.cancelRequested() ? finish(t, TaskStatus.CANCELLED, null) : null);
        } else if (failure != null) {
            String stage = stageNow.get();
            boolean retriable = !(failure instanceof TaskFailedException tfe) || tfe.retriable();
            var error = new TaskError(failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()), stage,
                    claimed.attempts(), retriable, now);
            if (!retriable) {
                record(claimed, "failed", waitMs, runMs);
                end(claimed.id(), context, t -> finish(t, TaskStatus.FAILED, error));
            } else {
                breaker.recordFailure(type.name(), error.errorClass() + ": " + error.message());
                if (claimed.attempts() < claimed.retry().maxAttempts()) {
                    record(claimed, "retried", waitMs, runMs);
                    retry(claimed, context, error);
                } else {
                    record(claimed, "dead_lettered", waitMs, runMs);
                    deadLetter(claimed.id(), context, error);
                }
            }
        } else {
            succeed(claimed, context, result, waitMs, runMs, type);
        }
    }

    private void succeed(Task claimed, WorkerContext context, Object result, long waitMs, long runMs, TaskType type) {
        JsonNode tree = result == null ? null : result instanceof JsonNode n ? n : Json.mapper().valueToTree(result);
        String resultRef = null;
        Long bytes = null;
        if (tree != null) {
            byte[] json = Json.writeBytes(tree);
            bytes = (long) json.length;
            if (json.length > TaskStore.INLINE_RESULT_BYTES) {
                resultRef = TaskStore.resultKey(claimed.id());
                lifecycle.store().putObject(resultRef, json, "application/json");
            }
        }
        String ref = resultRef;
        Long size = bytes;
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
            b.result = ref == null ? tree : null;
            b.resultRef = ref;
            b.resultBytes = size;
            b.completedAt = clock.instant();
            b.error = null;
            b.progress = new Progress("completed", 100, 0L, current.progress().message(), current.progress().steps());
            b.revision = current.revision() + 1;
            b.updatedAt = b.completedAt;
            var next = b.build();
            var writes = new ArrayList<>(context.effects());
            if (next.cacheKey() != null) {
                writes.add(lifecycle.store().cacheWrite(next.projectId(), next.cacheKey(), next.id(), next.completedAt(),
                        next.completedAt().plus(TaskLifecycle.CACHE_TTL)));
            }
            writes.add(lifecycle.store().attemptWrite(new TaskStore.AttemptEvent(claimed.id(), claimed.priority(), claimed.type(),
                    "succeeded", waitMs, runMs, next.completedAt()), claimed.attempts()));
            if (lifecycle.store().replace(next, writes)) {
                breaker.recordSuccess(type.name());
                lifecycle.finished(next);
                return;
            }
        }
        throw new IllegalStateException("could not record the success of task " + claimed.id());
    }

    private void retry(Task claimed, WorkerContext context, TaskError error) {
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

    private void deadLetter(String taskId, WorkerContext context, TaskError error) {
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
    private void end(String taskId, WorkerContext context, java.util.function.Function<Task, Task.Builder> change) {
        lifecycle.update(taskId, t -> {
            if (context != null ? !context.owns(t) : t.status().isTerminal()) return null;
            return change.apply(t);
        }).ifPresent(lifecycle::finished);
    }

    private Task.Builder finish(Task t, TaskStatus status, TaskError error) {
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
    private void park(Task task, Duration wait) {
        lifecycle.queues().enqueue(task, wait);
    }

    private void record(Task claimed, String outcome, long waitMs, long runMs) {
        try {
            lifecycle.store().recordAttempt(new TaskStore.AttemptEvent(claimed.id(), claimed.priority(), claimed.type(), outcome,
                    waitMs, runMs, clock.instant()), claimed.attempts());
        } catch (RuntimeException e) {
            log.warn("could not record statistics of task {}: {}", claimed.id(), e.toString());
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
