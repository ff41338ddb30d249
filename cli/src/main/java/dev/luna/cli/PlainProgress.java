package dev.luna.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Progress for logs and pipes: one line per change (status, step, percentage), nothing redrawn. */
final class PlainProgress implements ProgressView {
    private final PrintWriter out;
    private final Clock clock;
    private Instant firstRunning;
    private String status = "";
    private int percentage = -1;
    private List<ProgressView.Step> steps = List.of();

    PlainProgress(PrintWriter out) {
        this(out, Clock.systemUTC());
    }

    PlainProgress(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void show(JsonNode state) {
        var now = clock.instant();
        if (firstRunning == null && "running".equals(state.path("status").asString(""))) firstRunning = now;
        var newStatus = state.path("status").asString("");
        int newPercentage = ProgressView.percentage(state);
        var newSteps = ProgressView.steps(state, now);
        var head = String.format("%-9s %3d%%", newStatus, newPercentage);
        var eta = ProgressView.eta(state, firstRunning, now);
        var lines = new ArrayList<String>();
        for (int i = 0; i < newSteps.size(); i++) {
            var step = newSteps.get(i);
            boolean changed = i >= steps.size() || !steps.get(i).status().equals(step.status());
            if (changed && !"pending".equals(step.status())) {
                lines.add(head + "  step " + (i + 1) + "/" + newSteps.size() + " " + step.name() + ": " + step.status()
                        + (eta.isEmpty() ? "" : "  " + eta));
            }
        }
        if (lines.isEmpty() && (!newStatus.equals(status) || newPercentage != percentage)) {
            lines.add(head + (eta.isEmpty() ? "" : "  " + eta));
        }
        lines.forEach(out::println);
        out.flush();
        status = newStatus;
        percentage = newPercentage;
        steps = newSteps;
    }
}
