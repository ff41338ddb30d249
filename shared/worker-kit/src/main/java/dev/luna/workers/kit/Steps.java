package dev.luna.workers.kit;

import dev.luna.tasks.TaskContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's named steps ({@code checkout}, {@code analyse}, {@code generate}, {@code validate}, {@code enhance},
 * {@code package}) with their share of the work, reported as the task's steps and as one overall percentage with an
 * ETA (elapsed time scaled by what is left), so a client can follow them live. Progress inside a step is written at
 * most once a second (each report is a conditional write, and checks for cancellation).
 */
public final class Steps {
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private final TaskContext context;
    private final Clock clock;
    private final Map<String, Integer> weights;
    private final int total;
    private final Instant started;
    private String current;
    private double done;
    private Instant lastReport = Instant.EPOCH;

    /** {@code weights}: the steps in order with their relative share of the work. */
    public Steps(TaskContext context, Clock clock, Map<String, Integer> weights) {
        if (weights.isEmpty()) throw new IllegalArgumentException("at least one step");
        this.context = context;
        this.clock = clock;
        this.weights = new LinkedHashMap<>(weights);
        this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
        this.started = clock.instant();
    }

    public List<String> names() {
        return new ArrayList<>(weights.keySet());
    }

    /** Starts {@code name}: the step is running and the overall percentage is what the steps before it add up to. */
    public void start(String name, String message) {
        requireStep(name);
        if (current != null) complete(current);
        current = name;
        context.startStep(name);
        report(name, 0, message, true);
    }

    /** Progress within the current step ({@code fraction} 0..1), written at most once a second. */
    public void progress(double fraction, String message) {
        if (current == null) throw new IllegalStateException("no step started");
        report(current, Math.max(0, Math.min(1, fraction)), message, false);
    }

    /** Completes {@code name} (a no-op when it is not the running step). */
    public void complete(String name) {
        if (!name.equals(current)) return;
        done += weights.get(name);
        current = null;
        context.completeStep(name);
        report(name, 0, name + " done", true);
    }

    /** Marks the running step failed with {@code error} (then the task ends however the handler decides). */
    public void fail(String error) {
        if (current == null) return;
        context.failStep(current, error);
        current = null;
    }

    /** Whole seconds since the first step started. */
    public long elapsedSeconds() {
        return Duration.between(started, clock.instant()).toSeconds();
    }

    private void report(String stage, double withinStep, String message, boolean force) {
        Instant now = clock.instant();
        if (!force && Duration.between(lastReport, now).compareTo(MIN_INTERVAL) < 0) return;
        lastReport = now;
        double stepShare = current == null ? 0 : weights.get(current) * withinStep;
        double fraction = Math.min(1, (done + stepShare) / total);
        Long eta = null;
        if (fraction >= 0.02 && fraction < 1) {
            double elapsed = Duration.between(started, now).toMillis() / 1000.0;
            eta = Math.round(elapsed / fraction * (1 - fraction));
        } else if (fraction >= 1) {
            eta = 0L;
        }
        context.progress(stage, (int) Math.floor(fraction * 100), message, eta);
    }

    private void requireStep(String name) {
        if (!weights.containsKey(name)) throw new IllegalArgumentException("unknown step " + name + "; steps: " + weights.keySet());
    }
}
