package dev.luna.tasks;

import dev.luna.core.Violation;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A task type: its name, what it does, its payload schema (JSON Schema 2020-12, see {@link PayloadSchema}), its timeout
 * and — where its worker runs — its handler. Product types are declared in the catalog (the {@code task} block of their
 * {@code task-<type>} function, with the schema in {@code functions/task-types/}), so every function that submits
 * tasks knows them; the type's worker module adds the handler ({@link TaskWorkers#register}). Tests and benchmarks
 * define their own types with handlers.
 *
 * @param handler null for a type whose worker runs in another function
 */
public record TaskType(String name, String description, PayloadSchema schema, Duration timeout, TaskHandler handler) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Longest a task may run: the worker functions' timeout (300 s) less time to record the outcome. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(270);

    public TaskType {
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("bad task type name: " + name);
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout of " + name + " must be between 1 ms and " + MAX_TIMEOUT);
        }
        description = description == null ? name : description;
    }

    public static TaskType of(String name, Duration timeout, TaskHandler handler) {
        return new TaskType(name, name, null, timeout, handler);
    }

    /** The same type with a payload schema (IllegalArgumentException when it is not a valid schema). */
    public TaskType withSchema(JsonNode schema) {
        return new TaskType(name, description, PayloadSchema.of(schema), timeout, handler);
    }

    /** The same type run by {@code newHandler}. */
    public TaskType withHandler(TaskHandler newHandler) {
        return new TaskType(name, description, schema, timeout, newHandler);
    }

    /** The schema document, or null when the type takes any JSON object. */
    public JsonNode payloadSchema() {
        return schema == null ? null : schema.node();
    }

    /** The payload's violations of the schema, fields named {@code payload.…}; empty when valid or unconstrained. */
    public List<Violation> validate(JsonNode payload) {
        return schema == null ? List.of() : schema.validate(payload, "payload");
    }

    public int timeoutSeconds() {
        return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }
}
