package dev.luna.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * The five task priorities. Every task type has one SQS queue per priority ({@code tasks-<type>-<priority>}), all
 * consumed by the type's worker function through one event source mapping each, whose maximum concurrency
 * reflects the priority ({@link dev.luna.catalog.Catalog.Trigger#DEFAULT_PRIORITY_CONCURRENCY}): a backlog of
 * background work can only ever hold the background share of workers, so critical tasks start at once.
 */
public enum Priority {
    CRITICAL(1), HIGH(2), NORMAL(3), LOW(4), BACKGROUND(5);

    /** How the API names the accepted values, in every message about a bad priority. */
    public static final String CHOICES = "1-5 or one of critical, high, normal, low, background";

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

    /** Logical name of the queue of a task type at this priority. */
    public String queue(String taskType) {
        return dev.luna.catalog.Catalog.Trigger.taskQueue(taskType, wire());
    }

    static {
        // the catalog (and so Terraform and the local runtime) names the five queues; they must be these
        var wires = java.util.Arrays.stream(values()).map(Priority::wire).toList();
        if (!wires.equals(dev.luna.catalog.Catalog.Trigger.PRIORITIES) || !CHOICES.endsWith(String.join(", ", wires))) {
            throw new ExceptionInInitializerError("Priority and Catalog.Trigger.PRIORITIES disagree: " + wires);
        }
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
