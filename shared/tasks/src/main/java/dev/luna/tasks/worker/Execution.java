package dev.luna.tasks.worker;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskCancelledException;
import dev.luna.tasks.TaskError;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.TaskTimedOutException;
import dev.luna.tasks.TaskType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a claimed task's handler on a virtual thread with the type's timeout, extending the message's visibility while
 * it runs (a heartbeat every third of the visibility timeout), and hands what happened to {@link Outcomes}: success,
 * cancellation, a failure (retried with backoff while retriable and attempts remain, then dead-lettered) or a timeout
 * (the handler is interrupted; what it wrote stays).
 */
final class Execution {
    private final TaskLifecycle lifecycle;
    private final Outcomes outcomes;
    private final CircuitBreaker breaker;
    private final String workerId;
    private final Duration visibilityTimeout;
    private final Clock clock;

    Execution(TaskLifecycle lifecycle, Outcomes outcomes, CircuitBreaker breaker, String workerId, Duration visibilityTimeout) {
        this.lifecycle = lifecycle;
        this.outcomes = outcomes;
        this.breaker = breaker;
        this.workerId = workerId;
        this.visibilityTimeout = visibilityTimeout;
        this.clock = lifecycle.clock();
    }

    void execute(Task claimed, TaskType type, Duration timeout, SQSEvent.SQSMessage m) {
        Instant started = clock.instant();
        var context = new WorkerContext(lifecycle, claimed, workerId, started.plus(timeout));
        Object result = null;
        Throwable failure = null;
        boolean timedOut = false;
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        // the handler's spans (model calls, retrieval) join the task's trace
        Future<Object> future = executor.submit(io.opentelemetry.context.Context.current().wrap(() -> type.handler().handle(claimed.payload(), context)));
        try {
            result = await(future, timeout, m);
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
        var attempt = new Outcomes.Attempt(claimed, context, waitMs(claimed), Duration.between(started, clock.instant()).toMillis());
        if (timedOut || failure instanceof TaskTimedOutException) {
            var partial = failure instanceof TaskTimedOutException t ? t.partialResult() : null;
            String why = failure != null ? failure.getMessage() : "exceeded its timeout of " + timeout.toMillis() + " ms";
            var error = new TaskError("Timeout", why, currentStage(claimed), claimed.attempts(), false, clock.instant());
            breaker.recordFailure(type.name(), error.message());
            outcomes.timedOut(attempt, error, partial);
        } else if (failure instanceof TaskCancelledException) {
            outcomes.record(claimed, "cancelled", attempt);
            outcomes.end(claimed.id(), null, t -> t.cancelRequested() ? outcomes.finish(t, TaskStatus.CANCELLED, null) : null);
        } else if (failure != null) {
            failed(attempt, type, failure);
        } else {
            outcomes.succeed(attempt, result, type);
        }
    }

    /** The handler's result, extending the message's visibility while waiting; TimeoutException past the timeout. */
    private Object await(Future<Object> future, Duration timeout, SQSEvent.SQSMessage m)
            throws TimeoutException, ExecutionException, InterruptedException {
        String queueUrl = m.getEventSourceArn() == null ? null : lifecycle.queues().urlOfArn(m.getEventSourceArn());
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration beat = visibilityTimeout.dividedBy(3);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new TimeoutException();
            try {
                return future.get(Math.min(left, Math.max(beat.toNanos(), 1_000_000)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() >= deadline) throw e;
                if (queueUrl != null && m.getReceiptHandle() != null) {
                    lifecycle.queues().changeVisibility(queueUrl, m.getReceiptHandle(), visibilityTimeout); // visibility heartbeat
                }
            }
        }
    }

    private void failed(Outcomes.Attempt attempt, TaskType type, Throwable failure) {
        var claimed = attempt.claimed();
        boolean retriable = !(failure instanceof TaskFailedException tfe) || tfe.retriable();
        var error = new TaskError(failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()), currentStage(claimed),
                claimed.attempts(), retriable, clock.instant());
        if (!retriable) {
            outcomes.record(claimed, "failed", attempt);
            outcomes.end(claimed.id(), attempt.context(), t -> outcomes.finish(t, TaskStatus.FAILED, error));
            return;
        }
        breaker.recordFailure(type.name(), error.errorClass() + ": " + error.message());
        if (claimed.attempts() < claimed.retry().maxAttempts()) {
            outcomes.record(claimed, "retried", attempt);
            outcomes.retry(claimed, attempt.context(), error);
        } else {
            outcomes.record(claimed, "dead_lettered", attempt);
            outcomes.deadLetter(claimed.id(), attempt.context(), error);
        }
    }

    private String currentStage(Task claimed) {
        return lifecycle.store().get(claimed.id()).map(t -> t.progress().stage()).orElse("running");
    }

    private static long waitMs(Task claimed) {
        return claimed.enqueuedAt() == null ? 0 : Math.max(0, Duration.between(claimed.enqueuedAt(), claimed.startedAt()).toMillis());
    }
}
