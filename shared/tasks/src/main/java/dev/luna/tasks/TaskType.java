package dev.luna.tasks;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A task type: its name, its payload schema (JSON Schema, the subset {@link JsonSchema} supports), its timeout
 * and its handler. Product task types come with their modules; tests register their own.
 */
public record TaskType(String name, String description, JsonNode payloadSchema, Duration timeout, TaskHandler handler) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Longest a task may run: the worker functions' timeout (300 s) less time to record the outcome. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(270);

    public TaskType {
        Objects.requireNonNull(handler, "handler");
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("bad task type name: " + name);
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout of " + name + " must be between 1 ms and " + MAX_TIMEOUT);
        }
        if (payloadSchema != null) JsonSchema.check(payloadSchema);
    }

    public static TaskType of(String name, Duration timeout, TaskHandler handler) {
        return new TaskType(name, name, null, timeout, handler);
    }

    public TaskType withSchema(JsonNode schema) {
        return new TaskType(name, description, schema, timeout, handler);
    }

    public int timeoutSeconds() {
        return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    }
}
