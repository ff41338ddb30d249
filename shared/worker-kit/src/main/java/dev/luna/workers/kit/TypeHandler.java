package dev.luna.workers.kit;

/**
 * The body of a product task type: given a {@link TaskRun} (payload, steps, the checked-out source, the model,
 * retrieval, artifacts), returns the result ({@code {"summary", "artifacts", "model", …}}).
 */
@FunctionalInterface
public interface TypeHandler {
    Object run(TaskRun run) throws Exception;
}
