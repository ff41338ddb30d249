package dev.luna.tasks;

import java.util.Map;

/**
 * The body of a message on a priority queue: which task, for which (re)queueing of it, and the trace context of the
 * request that queued it ({@code traceparent}, {@code baggage}, {@code X-Amzn-Trace-Id}; absent on messages sent
 * outside a request), so the worker's spans join the request's trace.
 */
public record TaskMessage(String taskId, long generation, Map<String, String> trace) {
    public TaskMessage(String taskId, long generation) {
        this(taskId, generation, null);
    }
}
