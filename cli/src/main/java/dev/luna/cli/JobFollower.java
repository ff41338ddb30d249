package dev.luna.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Follows an index job by polling its links.status until it succeeds or fails, showing it as a task-like state
 * (percentage = files processed of files total) so the task progress views draw it.
 */
final class JobFollower {
    private static final long POLL_MILLIS = 250;
    private final Api api;

    JobFollower(Api api) {
        this.api = api;
    }

    JsonNode follow(String statusPath, ProgressView view) {
        String shown = null;
        while (true) {
            var job = api.get(statusPath).data();
            var state = asTaskState(job);
            var key = Json.compact(state);
            if (!key.equals(shown)) {
                view.show(state);
                shown = key;
            }
            var status = Json.text(job, "status");
            if (status.equals("succeeded") || status.equals("failed")) {
                view.finish();
                return job;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.API, "interrupted");
            }
        }
    }

    static ObjectNode asTaskState(JsonNode job) {
        var progress = job.path("progress");
        long total = progress.path("filesTotal").asLong(0);
        long done = progress.path("filesProcessed").asLong(0);
        var state = Json.object().put("status", Json.text(job, "status"));
        var p = state.putObject("progress");
        p.put("percentage", total == 0 ? 0 : (int) Math.min(100, done * 100 / total));
        p.put("stage", total == 0 ? "" : done + "/" + total + " files");
        return state;
    }
}
