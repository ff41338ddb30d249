package dev.luna.functions.tasks;

import dev.luna.core.Json;
import dev.luna.core.ValidationException;
import dev.luna.http.ApiResult;
import dev.luna.tasks.Task;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * A task's progress as Server-Sent Events, in the long-polling form API Gateway and Lambda can serve (a response is
 * delivered whole): each response carries the task's state as soon as it is newer than the client's
 * {@code Last-Event-ID} (the task's revision, which grows with every change), or a keep-alive comment after
 * {@code wait} seconds, with {@code retry:} so an {@code EventSource} reconnects at once and resumes from its last id.
 * Every event holds the whole state (status, progress with stage, percentage, ETA and steps, error), so a client that
 * skips intermediate revisions misses no information. Once the client has seen a finished task the answer is
 * {@code 204 No Content}, which tells an {@code EventSource} to stop reconnecting.
 */
final class TaskEventStream {
    static final int MAX_WAIT_SECONDS = 25;
    static final int DEFAULT_WAIT_SECONDS = 20;
    private static final int RETRY_MS = 250;
    private final Duration pollEvery;

    TaskEventStream(Duration pollEvery) {
        this.pollEvery = pollEvery;
    }

    /** The next response for a client that has seen revision {@code lastSeen} (-1: none) of the task {@code read} returns. */
    ApiResult next(Supplier<Task> read, long lastSeen, int waitSeconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        Task task = read.get();
        while (task.revision() <= lastSeen && !task.status().isTerminal() && System.nanoTime() < deadline) {
            sleep();
            task = read.get();
        }
        if (task.revision() > lastSeen) return stream(event(task));
        if (task.status().isTerminal()) return ApiResult.raw(204, "text/event-stream", "").header("Cache-Control", "no-store");
        return stream(": no change in " + waitSeconds + " s\n\n");
    }

    static long lastEventId(String header, String query) {
        String value = header != null && !header.isBlank() ? header.strip() : query;
        if (value == null || value.isBlank()) return -1;
        try {
            long id = Long.parseLong(value);
            if (id >= 0) return id;
        } catch (NumberFormatException ignored) {
            // named below
        }
        throw new ValidationException(header != null && !header.isBlank() ? "Last-Event-ID" : "lastEventId",
                "must be the id of an event this stream sent (a non-negative integer)");
    }

    static int waitSeconds(String query) {
        if (query == null) return DEFAULT_WAIT_SECONDS;
        try {
            int seconds = Integer.parseInt(query);
            if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) return seconds;
        } catch (NumberFormatException ignored) {
            // named below
        }
        throw new ValidationException("wait", "must be 0 to " + MAX_WAIT_SECONDS + " seconds");
    }

    private static String event(Task t) {
        var data = new LinkedHashMap<String, Object>();
        data.put("taskId", t.id());
        data.put("type", t.type());
        data.put("status", t.status());
        data.put("progress", t.progress());
        data.put("attempts", t.attempts());
        if (t.error() != null) data.put("error", t.error());
        data.put("revision", t.revision());
        data.put("updatedAt", t.updatedAt());
        String name = t.status().isTerminal() ? "task_status" : "task_progress";
        return "id: " + t.revision() + "\nevent: " + name + "\ndata: " + Json.write(data) + "\n\n";
    }

    private static ApiResult stream(String body) {
        return ApiResult.raw(200, "text/event-stream; charset=utf-8", "retry: " + RETRY_MS + "\n" + body)
                .header("Cache-Control", "no-store").header("X-Accel-Buffering", "no");
    }

    private void sleep() {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for task changes", e);
        }
    }
}
