package dev.luna.tasks.worker;

import dev.luna.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.luna.core.Json;
import dev.luna.tasks.TaskLifecycle;
import dev.luna.tasks.TaskMessage;
import dev.luna.tasks.TaskQueues;
import dev.luna.tasks.TaskTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the tasks of an SQS batch, as a task type's worker function does in Lambda: each message concurrently, on a
 * virtual thread, through {@link Dispatch} (drop, park, claim and run). Only infrastructure errors fail a message
 * (partial batch response), so SQS redelivers it after its visibility timeout; after {@code maxReceiveCount} receives
 * SQS moves it to the DLQ. A message that is not a task message goes to the tasks' DLQ at once.
 */
public final class WorkerRuntime {
    private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);
    private final TaskLifecycle lifecycle;
    private final Dispatch dispatch;
    private final String workerId;

    public WorkerRuntime(TaskLifecycle lifecycle, TaskTypes types, CircuitBreaker breaker, String workerId, Duration visibilityTimeout) {
        this.lifecycle = lifecycle;
        this.workerId = workerId;
        var outcomes = new Outcomes(lifecycle, breaker);
        var execution = new Execution(lifecycle, outcomes, breaker, workerId, visibilityTimeout);
        this.dispatch = new Dispatch(lifecycle, types, breaker, workerId, outcomes, new AgentWait(lifecycle), execution);
    }

    public String workerId() {
        return workerId;
    }

    /** Processes a batch of the worker function of {@code hostedType} and reports the messages to retry. */
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
        try (var traced = Tracing.extract(message.trace()).makeCurrent()) {
            Tracing.inSpan("task " + hostedType, SpanKind.CONSUMER, Map.of(Tracing.FUNCTION, "task-" + hostedType,
                    "luna.task_id", message.taskId(), "messaging.message.id", m.getMessageId()), () -> {
                dispatch.run(message, m, hostedType);
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            log.error("task {}: infrastructure failure, message {} will be redelivered", message.taskId(), m.getMessageId(), e);
            return false;
        } finally {
            MDC.remove("taskId");
        }
    }
}
