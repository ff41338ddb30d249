package dev.luna.queue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * The five task priorities. Each has its own SQS queue ({@code tasks-<name>}) and its own worker function
 * ({@code tasks-worker-<name>}) whose concurrency reflects the priority, so a backlog of background work never
 * delays critical tasks.
 */
public enum Priority {
    CRITICAL(1), HIGH(2), NORMAL(3), LOW(4), BACKGROUND(5);

    private final int level;

    Priority(int level) {
        this.level = level;
    }

    @JsonValue
    public int level() {
        return level;
    }

    /** Lower-case name: {@code critical} … {@code background}; also the queue id of the queues API. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Logical queue name in {@code data.json}. */
    public String queue() {
        return "tasks-" + wire();
    }

    /** Catalog name of the worker function that consumes this priority's queue. */
    public String workerFunction() {
        return "tasks-worker-" + wire();
    }

    @JsonCreator
    public static Priority ofLevel(int level) {
        for (var p : values()) if (p.level == level) return p;
        throw new IllegalArgumentException("priority must be between 1 and 5");
    }

    public static Optional<Priority> parse(String s) {
        if (s == null) return Optional.empty();
        for (var p : values()) {
            if (p.wire().equals(s) || Integer.toString(p.level).equals(s)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
