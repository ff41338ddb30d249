package dev.luna.tasks;

/**
 * Thrown by a handler that stops because its time is nearly up ({@link TaskContext#remaining()}): the task ends
 * {@code timed_out}, like one the worker interrupts at its timeout, but keeps {@code partialResult} as its result
 * (next to the artifacts it wrote so far), so what was done is not lost.
 */
public final class TaskTimedOutException extends RuntimeException {
    private final transient Object partialResult;

    public TaskTimedOutException(String message, Object partialResult) {
        super(message);
        this.partialResult = partialResult;
    }

    public Object partialResult() {
        return partialResult;
    }
}
