package dev.luna.functions.tasks;

import dev.luna.core.Json;
import dev.luna.tasks.TaskType;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * {@code echo}: the platform's diagnostic task type, built in so the whole pipeline (submission, routing, queue,
 * worker, progress, cancellation, result, webhook) can be exercised on a fresh installation before any product
 * task type is deployed. It answers its message after {@code steps} steps spread over {@code delayMs}, reporting
 * progress at each (so a cancellation stops it at the next step).
 */
final class EchoTask {
    static final String NAME = "echo";
    private static final String SCHEMA = """
            {"type": "object", "additionalProperties": false, "required": ["message"],
             "properties": {
               "message": {"type": "string", "minLength": 1, "maxLength": 1000},
               "delayMs": {"type": "integer", "minimum": 0, "maximum": 20000},
               "steps": {"type": "integer", "minimum": 1, "maximum": 20}}}
            """;

    private EchoTask() {
    }

    static TaskType type() {
        return new TaskType(NAME, "Diagnostic: answers its message, with progress steps over delayMs", Json.tree(SCHEMA),
                Duration.ofSeconds(30), (payload, context) -> {
                    long delay = payload.path("delayMs").asLong(0);
                    int steps = payload.path("steps").asInt(1);
                    for (int i = 1; i <= steps; i++) {
                        String step = "step-" + i;
                        context.startStep(step);
                        if (delay > 0) Thread.sleep(delay / steps);
                        context.completeStep(step);
                        context.progress("echoing", 100 * i / steps, "step " + i + " of " + steps);
                    }
                    var result = new LinkedHashMap<String, Object>();
                    result.put("message", payload.get("message").asString());
                    result.put("attempt", context.attempt());
                    result.put("agentId", context.agentId());
                    return result;
                });
    }
}
