package dev.luna.tasks;

import tools.jackson.databind.JsonNode;

/**
 * The body of a task type: gets the (already schema-validated) payload and a {@link TaskContext}, returns the
 * result (a {@link JsonNode}, a record or a map; {@code null} means no result). Throw
 * {@link TaskFailedException} to fail with an explicit retriable flag; any other exception is retriable.
 * Handlers must be idempotent in their side effects (a crashed attempt is retried): write artifacts under the
 * task's own keys, and commit database effects through {@link TaskContext#effect} so they land exactly once,
 * together with the success.
 */
@FunctionalInterface
public interface TaskHandler {
    Object handle(JsonNode payload, TaskContext context) throws Exception;
}
