package dev.luna.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Lifecycle of a task: {@code pending → queued → running → succeeded | failed | cancelled | timed_out |
 * dead_lettered}; a retriable failure goes back to {@code queued} with backoff; retry and redrive re-queue
 * finished tasks.
 */
public enum TaskStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("queued") QUEUED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("succeeded") SUCCEEDED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("timed_out") TIMED_OUT,
    @JsonProperty("dead_lettered") DEAD_LETTERED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this != PENDING && this != QUEUED && this != RUNNING;
    }

    /** Finished without a result: the states retry accepts. */
    public boolean isRetriable() {
        return this == FAILED || this == CANCELLED || this == TIMED_OUT || this == DEAD_LETTERED;
    }

    public static TaskStatus fromWire(String s) {
        for (var v : values()) if (v.wire().equals(s)) return v;
        return null;
    }
}
