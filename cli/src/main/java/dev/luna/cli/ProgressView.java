package dev.luna.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Shows a followed task's state (a TaskEvent's data: status, progress with percentage, eta and steps, error). */
interface ProgressView {
    void show(JsonNode state);

    default void finish() {
    }

    static ProgressView silent() {
        return state -> { };
    }

    /** A step of the task's progress and its estimated completion (0-100). */
    record Step(String name, String status, int percent) {
    }

    /**
     * The steps of a state, each with a percentage: completed 100, pending 0, running the share of the average
     * completed step's duration it has run so far (at most 99; 0 before any step completed).
     */
    static List<Step> steps(JsonNode state, Instant now) {
        var steps = state.path("progress").path("steps");
        long completedMillis = 0;
        int completed = 0;
        for (var step : steps) {
            var started = instant(step.path("startedAt"));
            var ended = instant(step.path("completedAt"));
            if (started != null && ended != null) {
                completedMillis += Duration.between(started, ended).toMillis();
                completed++;
            }
        }
        var result = new ArrayList<Step>();
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            var status = step.path("status").asString("pending");
            var started = instant(step.path("startedAt"));
            int percent = switch (status) {
                case "completed" -> 100;
                case "running" -> completed == 0 || started == null ? 0
                        : (int) Math.max(0, Math.min(99, Duration.between(started, now).toMillis() * 100 * completed / Math.max(1, completedMillis)));
                default -> 0;
            };
            result.add(new Step(step.path("name").asString("step " + (i + 1)), status, percent));
        }
        return result;
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isString() ? Instant.parse(node.asString()) : null;
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    static int percentage(JsonNode state) {
        var status = state.path("status").asString("");
        if ("succeeded".equals(status)) return 100;
        return state.path("progress").path("percentage").asInt(0);
    }

    /**
     * "ETA 12s": the task's own estimate (progress.eta, seconds), else extrapolated from the time since the task was
     * first seen running and its percentage; "" when finished or unknown.
     */
    static String eta(JsonNode state, Instant firstRunning, Instant now) {
        if (!isActive(state)) return "";
        var eta = state.path("progress").path("eta");
        if (eta.isNumber()) return "ETA " + Durations.eta(eta.asLong());
        int p = percentage(state);
        if (firstRunning == null || p <= 0 || p >= 100) return "";
        long elapsed = Duration.between(firstRunning, now).toMillis();
        return "ETA " + Durations.eta(Math.round(elapsed * (100.0 - p) / p / 1000.0));
    }

    static boolean isActive(JsonNode state) {
        var status = state.path("status").asString("");
        return status.equals("queued") || status.equals("running") || status.equals("pending");
    }

    /** A text bar: [#########...........]. */
    static String bar(int percent, int width) {
        int filled = Math.max(0, Math.min(width, percent * width / 100));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }
}
