package dev.luna.tasks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Live progress of a task: the current stage, a percentage, an optional ETA (seconds) and message, and the
 * steps the handler reported.
 */
public record Progress(String stage, int percentage, Long eta, String message, List<Step> steps) {
    public static final Progress NONE = new Progress("queued", 0, null, null, List.of());

    public Progress {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public record Step(String name, StepStatus status, Instant startedAt, Instant completedAt, String error) {
    }

    public enum StepStatus {
        @JsonProperty("pending") PENDING,
        @JsonProperty("running") RUNNING,
        @JsonProperty("completed") COMPLETED,
        @JsonProperty("failed") FAILED
    }

    public Progress withStage(String newStage, int pct, Long newEta, String newMessage) {
        return new Progress(newStage, pct, newEta, newMessage, steps);
    }

    public Progress withStep(Step step) {
        var list = new ArrayList<>(steps);
        int at = -1;
        for (int i = 0; i < list.size(); i++) if (list.get(i).name().equals(step.name())) at = i;
        if (at >= 0) list.set(at, step);
        else list.add(step);
        return new Progress(stage, percentage, eta, message, list);
    }

    public Step step(String name) {
        for (var s : steps) if (s.name().equals(name)) return s;
        return null;
    }
}
