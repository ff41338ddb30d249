package dev.luna.tasks;

import java.time.Instant;

/**
 * Failure analysis of a task's last failed attempt: what failed (error class and message), where (the last
 * progress stage), on which attempt, and whether it was worth retrying.
 */
public record TaskError(String errorClass, String message, String lastStage, int attempt, boolean retriable, Instant at) {
}
