package dev.luna.tasks;

/**
 * Thrown by a handler to fail its task. {@code retriable} failures are retried with backoff up to the retry
 * policy and then dead-lettered; non-retriable ones fail the task at once. Any other exception a handler throws
 * counts as retriable.
 */
public class TaskFailedException extends RuntimeException {
    private final boolean retriable;

    public TaskFailedException(String message, boolean retriable) {
        this(message, retriable, null);
    }

    public TaskFailedException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
