package dev.luna.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Follows a task through GET /api/v1/tasks/{id}/events, the long-polling Server-Sent Events form: each answer holds
 * the events newer than Last-Event-ID (or only a keep-alive comment); the follower asks again with the id of the last
 * event it saw until the API answers 204, which it does once the finished task has been delivered.
 */
final class TaskFollower {
    /** How long an answer may wait for a change (the API allows 0-25 s). */
    static final int WAIT_SECONDS = 20;
    /** On a terminal: short waits, so the bars are redrawn every second or two. */
    static final int TTY_WAIT_SECONDS = 1;
    private final Api api;

    TaskFollower(Api api) {
        this.api = api;
    }

    /** An event of the stream: its id (the task's revision), its name and its data. */
    record Event(String id, String name, JsonNode data) {
    }

    /**
     * Shows every event to the view, and shows the last state again when an answer brings none (so a terminal's bars
     * and ETA move between events); returns the last event's data (the finished task's state).
     */
    JsonNode follow(String taskId, ProgressView view, int waitSeconds) {
        String lastEventId = null;
        JsonNode last = Json.object();
        while (true) {
            var headers = new HashMap<String, String>(Map.of("Accept", "text/event-stream"));
            if (lastEventId != null) headers.put("Last-Event-ID", lastEventId);
            var answer = api.send("GET", Api.path(TasksCommand.taskPath(taskId) + "/events", Api.query("wait", waitSeconds)),
                    null, headers, Duration.ofSeconds(waitSeconds + 30));
            if (answer.status() == 204) break;
            var events = parse(answer.body());
            if (events.isEmpty() && last.has("status")) view.show(last);
            for (var event : events) {
                if (event.id() != null) lastEventId = event.id();
                if (event.data() != null) {
                    last = event.data();
                    view.show(event.data());
                }
            }
        }
        view.finish();
        return last;
    }

    /** Parses a text/event-stream body: blocks separated by blank lines; id:, event:, data: fields; ':' comments. */
    static List<Event> parse(String body) {
        var events = new ArrayList<Event>();
        String id = null;
        String name = null;
        var data = new StringBuilder();
        for (var line : (body + "\n\n").split("\r?\n", -1)) {
            if (line.isEmpty()) {
                if (id != null || !data.isEmpty()) {
                    events.add(new Event(id, name, data.isEmpty() ? null : Json.parse(data.toString())));
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                var field = colon < 0 ? line : line.substring(0, colon);
                var value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                    default -> { } // retry: and unknown fields
                }
            }
        }
        return events;
    }
}
