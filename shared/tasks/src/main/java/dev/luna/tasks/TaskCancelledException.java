package dev.luna.tasks;

/** Raised inside a handler by {@link TaskContext} when its task was cancelled; the worker records the cancellation. */
public final class TaskCancelledException extends RuntimeException {
    public TaskCancelledException(String taskId) {
        super("task " + taskId + " was cancelled", null, false, false);
    }
}
