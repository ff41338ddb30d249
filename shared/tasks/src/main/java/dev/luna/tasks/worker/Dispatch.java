package dev.luna.tasks.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.tasks.Progress;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskError;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskMessage;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.TaskTypes;
import dev.luna.tasks.store.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one delivered message comes to. Drop it when stale (an older generation, a finished task, an attempt still
 * leased by a live worker); forward it when it reached another type's worker; park it with a delay when its backoff has
 * not elapsed or the type's circuit is open; end a cancelled task; otherwise claim the task with a conditional write (so
 * a duplicate delivery never runs an attempt twice) and hand it to {@link Execution}. A task whose agent runs all it may
 * waits ({@link AgentWait}).
 */
final class Dispatch {
    /** Extra lease beyond the type's timeout, to record the outcome. */
    static final Duration LEASE_GRACE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);

    private final TaskLifecycle lifecycle;
    private final TaskTypes types;
    private final CircuitBreaker breaker;
    private final String workerId;
    private final Outcomes outcomes;
    private final AgentWait agentWait;
    private final Execution execution;
    private final Clock clock;

    Dispatch(TaskLifecycle lifecycle, TaskTypes types, CircuitBreaker breaker, String workerId, Outcomes outcomes, AgentWait agentWait,
             Execution execution) {
        this.lifecycle = lifecycle;
        this.types = types;
        this.breaker = breaker;
        this.workerId = workerId;
        this.outcomes = outcomes;
        this.agentWait = agentWait;
        this.execution = execution;
        this.clock = lifecycle.clock();
    }

    void run(TaskMessage message, SQSEvent.SQSMessage m, String hostedType) {
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
            outcomes.park(task, Duration.between(now, task.nextAttemptAt()));
            return;
        }
        if (task.cancelRequested()) {
            outcomes.end(task.id(), null, t -> outcomes.finish(t, TaskStatus.CANCELLED, null));
            return;
        }
        var type = types.runnable(task.type()).orElse(null);
        if (type == null) {
            var error = new TaskError("UnknownTaskType", "no handler for task type '" + task.type() + "' in this worker",
                    task.progress().stage(), task.attempts(), false, now);
            outcomes.end(task.id(), null, t -> outcomes.finish(t, TaskStatus.FAILED, error));
            return;
        }
        if (task.status() == TaskStatus.RUNNING && task.attempts() >= task.retry().maxAttempts()) {
            var error = new TaskError("WorkerLost", "the worker running attempt " + task.attempts() + " stopped before recording its outcome",
                    task.progress().stage(), task.attempts(), true, now);
            outcomes.deadLetter(task.id(), null, error);
            return;
        }
        var decision = breaker.admit(task.type(), workerId, type.timeout().plus(LEASE_GRACE));
        if (decision instanceof CircuitBreaker.Decision.Defer defer) {
            log.debug("task {} parked {} ms: {}", task.id(), defer.delay().toMillis(), defer.reason());
            outcomes.park(task, defer.delay());
            return;
        }
        Duration timeout = task.timeoutMs() > 0 && task.timeoutMs() < type.timeout().toMillis()
                ? Duration.ofMillis(task.timeoutMs()) : type.timeout();
        var claim = claim(task, timeout);
        switch (claim.outcome()) {
            case CLAIMED -> execution.execute(claim.task(), type, timeout, m);
            case AGENT_BUSY -> agentWait.waitForAgent(task, m);
            case STALE -> {
            }
        }
    }

    private record Claimed(TaskStore.Claim outcome, Task task) {
    }

    /**
     * Writes the task as running, leased by this worker for its timeout plus {@link #LEASE_GRACE}. When the agent's
     * slots are full and an audit gave a stale one back, the claim is made again with the time of that second attempt,
     * so {@code startedAt} is when the task took its slot. A claim lost to a write that changed nothing the claim
     * depends on (same generation, status and lease; not cancelled) is made again on the task as it is now.
     */
    private Claimed claim(Task seen, Duration timeout) {
        var claimed = running(seen, timeout);
        var outcome = lifecycle.store().claim(claimed);
        // lost to a write that leaves the task as it was for this message (a user following it): claim it as it is now
        for (int tries = 0; outcome == TaskStore.Claim.STALE && tries < 5; tries++) {
            var now = lifecycle.store().get(seen.id()).orElse(null);
            if (now == null || now.revision() == seen.revision() || now.generation() != seen.generation() || now.status() != seen.status()
                    || now.cancelRequested() || !java.util.Objects.equals(now.leaseUntil(), seen.leaseUntil())) break;
            seen = now;
            claimed = running(seen, timeout);
            outcome = lifecycle.store().claim(claimed);
        }
        if (outcome == TaskStore.Claim.AGENT_BUSY && agentWait.auditSlots(seen)) {
            claimed = running(seen, timeout);
            outcome = lifecycle.store().claim(claimed);
        }
        if (outcome == TaskStore.Claim.CLAIMED) dev.luna.tasks.TaskMetrics.started(claimed);
        return new Claimed(outcome, claimed);
    }

    private Task running(Task seen, Duration timeout) {
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
        return b.build();
    }
}
