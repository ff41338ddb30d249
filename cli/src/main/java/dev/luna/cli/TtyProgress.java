package dev.luna.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Progress bars for a terminal: one bar per step and one for the whole task with its percentage and ETA, redrawn in
 * place with ANSI escapes (cursor up, clear line) at every event.
 */
final class TtyProgress implements ProgressView {
    static final String CLEAR_LINE = "\r\u001b[2K";
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final Clock clock;
    private Instant firstRunning;
    private int drawnLines;

    TtyProgress(PrintWriter out) {
        this(out, Clock.systemUTC());
    }

    TtyProgress(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void show(JsonNode state) {
        var now = clock.instant();
        if (firstRunning == null && "running".equals(state.path("status").asString(""))) firstRunning = now;
        var frame = new StringBuilder();
        if (drawnLines > 0) frame.append("\u001b[").append(drawnLines).append('A');
        var steps = ProgressView.steps(state, now);
        int nameWidth = Math.max(5, steps.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        int lines = 0;
        for (var step : steps) {
            frame.append(CLEAR_LINE).append(line(step.name(), nameWidth, step.percent(), mark(step.status()) + " " + step.status())).append('\n');
            lines++;
        }
        var stage = state.path("progress").path("stage").asString("");
        var status = state.path("status").asString("");
        var detail = status + (stage.isEmpty() || stage.equals(status) ? "" : " · " + stage);
        var eta = ProgressView.eta(state, firstRunning, now);
        frame.append(CLEAR_LINE).append(line("total", nameWidth, ProgressView.percentage(state), detail + (eta.isEmpty() ? "" : "  " + eta))).append('\n');
        lines++;
        // lines left over from a taller frame are cleared
        for (int i = lines; i < drawnLines; i++) frame.append(CLEAR_LINE).append('\n');
        drawnLines = Math.max(lines, drawnLines);
        out.print(frame);
        out.flush();
    }

    private static String line(String name, int nameWidth, int percent, String detail) {
        return String.format("  %-" + nameWidth + "s %s %3d%%  %s", name, ProgressView.bar(percent, WIDTH), percent, detail);
    }

    private static String mark(String status) {
        return switch (status) {
            case "completed" -> "✓";
            case "running" -> "›";
            case "failed" -> "✗";
            default -> " ";
        };
    }
}
