package dev.luna.tasks;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a running handler can do besides computing its result: report progress and steps (each report also
 * checks for cancellation, so a cancelled task stops at its next progress step), check cancellation explicitly,
 * write artifacts to S3, and stage database effects that commit atomically with the task's success.
 */
public interface TaskContext {
    String taskId();

    String projectId();

    String type();

    /** 1 for the first attempt. */
    int attempt();

    /** The agent the task was routed to. */
    String agentId();

    /** Reports the current stage; throws {@link TaskCancelledException} when the task was cancelled. */
    default void progress(String stage, int percentage, String message) {
        progress(stage, percentage, message, null);
    }

    void progress(String stage, int percentage, String message, Long etaSeconds);

    /** Marks a step running (adds it if new); checks cancellation. */
    void startStep(String name);

    /** Marks a step completed; checks cancellation. */
    void completeStep(String name);

    /** Marks a step failed with the error; does not check cancellation. */
    void failStep(String name, String error);

    /** Whether the task was cancelled (reads the stored flag). */
    boolean isCancelled();

    /** Throws {@link TaskCancelledException} when the task was cancelled. */
    default void checkCancelled() {
        if (isCancelled()) throw new TaskCancelledException(taskId());
    }

    /** Stores an artifact at {@code tasks/<taskId>/artifacts/<name>} in the artifacts bucket (idempotent by key). */
    Artifact writeArtifact(String name, byte[] content, String contentType);

    /**
     * Stages a DynamoDB write that commits in the same transaction as the task's success, and only if this attempt
     * still owns the task: the way to make a handler's database effect happen exactly once.
     */
    void effect(TransactWriteItem write);

    /** Time left before the task type's timeout. */
    Duration remaining();
}
