package dev.luna.tasks.store;

import dev.luna.tasks.Priority;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * How task data is addressed in the {@code tasks} table and the artifacts bucket: item keys, the partitions of the
 * indexes, sortable instants, and S3 keys of results and artifacts.
 */
public final class TaskKeys {
    /** Sort key of a task's item. */
    static final String TASK_SK = "TASK";
    /** The state index's partition of running tasks (stuck-task sweeps read it, oldest start first). */
    public static final String RUNNING_PARTITION = "RUNNING";
    private static final DateTimeFormatter SORTABLE = new DateTimeFormatterBuilder().appendInstant(9).toFormatter(Locale.ROOT);

    private TaskKeys() {
    }

    /** Fixed-width ISO-8601 (nanoseconds), so sort keys order like the instants they hold. */
    public static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    public static String pk(String taskId) {
        return "TASK#" + taskId;
    }

    public static String projectPartition(String projectId) {
        return "P#" + projectId;
    }

    public static String queuedPartition(Priority p) {
        return "Q#" + p.wire();
    }

    public static String deadPartition(String projectId) {
        return "DEAD#" + projectId;
    }

    /** Where a result too large for the task item lives. */
    public static String resultKey(String taskId) {
        return "tasks/" + taskId + "/result.json";
    }

    /** Where a task's artifact lives. */
    public static String artifactKey(String taskId, String name) {
        return "tasks/" + taskId + "/artifacts/" + name;
    }
}
