package dev.luna.functions.agents;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an agent's tasks show, computed from the tasks themselves: counts by status, how many finished and how many of
 * those failed or timed out, the failures in a row at the end, the last time a worker started one, and run durations.
 * Used both for health (a recent window) and for metrics (today).
 *
 * @param finished            succeeded, failed, timed out or dead-lettered (cancelled ones say nothing of the agent)
 * @param errors              finished without a result: failed, timed out or dead-lettered
 * @param consecutiveFailures errors among the most recently completed tasks, before the latest success
 */
public record TaskFigures(Map<String, Integer> byStatus, int finished, int errors, int timedOut, int consecutiveFailures,
                          Instant lastInvocationAt, Long p50DurationMs, Long p95DurationMs) {
    public static final TaskFigures NONE = of(List.of());

    /** The figures of {@code tasks} (any order). */
    public static TaskFigures of(List<Task> tasks) {
        var byStatus = new LinkedHashMap<String, Integer>();
        for (var s : TaskStatus.values()) byStatus.put(s.wire(), 0);
        int finished = 0, errors = 0, timedOut = 0;
        Instant lastInvocation = null;
        var durations = new ArrayList<Long>();
        var completed = new ArrayList<Task>();
        for (var t : tasks) {
            byStatus.merge(t.status().wire(), 1, Integer::sum);
            if (t.startedAt() != null && (lastInvocation == null || t.startedAt().isAfter(lastInvocation))) lastInvocation = t.startedAt();
            if (!counts(t.status())) continue;
            finished++;
            if (isError(t.status())) errors++;
            if (t.status() == TaskStatus.TIMED_OUT) timedOut++;
            if (t.completedAt() != null) completed.add(t);
            if (t.startedAt() != null && t.completedAt() != null && !t.cached()) {
                durations.add(Duration.between(t.startedAt(), t.completedAt()).toMillis());
            }
        }
        completed.sort(Comparator.comparing(Task::completedAt).reversed());
        int inARow = 0;
        for (var t : completed) {
            if (!isError(t.status())) break;
            inARow++;
        }
        durations.sort(null);
        return new TaskFigures(byStatus, finished, errors, timedOut, inARow, lastInvocation,
                percentile(durations, 50), percentile(durations, 95));
    }

    /** Errors among finished tasks, percent (0 when none finished). */
    public double errorRate() {
        return finished == 0 ? 0 : Math.round(1000.0 * errors / finished) / 10.0;
    }

    @JsonIgnore
    public int count(TaskStatus status) {
        return byStatus.getOrDefault(status.wire(), 0);
    }

    private static boolean counts(TaskStatus s) {
        return s == TaskStatus.SUCCEEDED || isError(s);
    }

    private static boolean isError(TaskStatus s) {
        return s == TaskStatus.FAILED || s == TaskStatus.TIMED_OUT || s == TaskStatus.DEAD_LETTERED;
    }

    /** Nearest-rank percentile of sorted values (null when there are none). */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
