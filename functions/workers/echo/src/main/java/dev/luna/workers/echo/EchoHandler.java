package dev.luna.workers.echo;

import dev.luna.tasks.TaskContext;
import dev.luna.tasks.TaskFailedException;
import dev.luna.tasks.TaskHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import tools.jackson.databind.JsonNode;

/**
 * {@code echo}: the platform's diagnostic task type, so the whole pipeline (submission, routing, queue, worker,
 * progress, cancellation, result, webhook) can be exercised on a fresh installation. It answers its message after
 * {@code steps} steps spread over {@code delayMs}, reporting progress at each (so a cancellation stops it at the next
 * step), and writes it as an artifact when asked. With {@code failUntil} (an instant) every attempt that starts before
 * then fails with a retriable error, as during a downstream outage, so retries, dead letters and their redrive can be
 * tried too. Its payload schema is {@code functions/task-types/echo.schema.json}.
 */
final class EchoHandler implements TaskHandler {
    private final Clock clock;

    EchoHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Object handle(JsonNode payload, TaskContext context) throws InterruptedException {
        if (payload.hasNonNull("failUntil")) {
            Instant until;
            try {
                until = Instant.parse(payload.get("failUntil").asString());
            } catch (java.time.format.DateTimeParseException e) {
                throw new TaskFailedException("failUntil is not an instant: " + payload.get("failUntil").asString(), false);
            }
            if (clock.instant().isBefore(until)) {
                throw new TaskFailedException("simulated outage until " + until + " (attempt " + context.attempt() + ")", true);
            }
        }
        long delay = payload.path("delayMs").asLong(0);
        int steps = payload.path("steps").asInt(1);
        for (int i = 1; i <= steps; i++) {
            String step = "step-" + i;
            context.startStep(step);
            if (delay > 0) Thread.sleep(delay / steps);
            context.completeStep(step);
            context.progress("echoing", 100 * i / steps, "step " + i + " of " + steps);
        }
        String message = payload.get("message").asString();
        var result = new LinkedHashMap<String, Object>();
        result.put("message", message);
        if (payload.hasNonNull("artifactName")) {
            var artifact = context.writeArtifact(payload.get("artifactName").asString(), message.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
            result.put("artifact", artifact.name());
        }
        result.put("attempt", context.attempt());
        result.put("agentId", context.agentId());
        return result;
    }
}
