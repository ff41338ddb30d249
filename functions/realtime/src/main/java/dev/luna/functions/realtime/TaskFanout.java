package dev.luna.functions.realtime;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskProgressEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The fan-out from state changes in AWS: each record of the {@code tasks} table's DynamoDB stream (new image) that is a
 * task becomes a numbered {@code task_progress} event in the {@link EventLog}, posted to every matching subscription of
 * the task's project; a connection that answers 410 Gone is forgotten. Records are handled in stream order; the first
 * that fails is reported ({@code batchItemFailures}, its sequence number) so Lambda retries from it.
 */
final class TaskFanout {
    private static final Logger log = LoggerFactory.getLogger(TaskFanout.class);
    private final WsConnections connections;
    private final EventLog events;
    private final ConnectionPoster poster;

    TaskFanout(WsConnections connections, EventLog events, ConnectionPoster poster) {
        this.connections = connections;
        this.events = events;
        this.poster = poster;
    }

    /** Handles a DynamoDB stream batch; returns the partial-batch answer. */
    Map<String, Object> handle(JsonNode streamEvent) {
        var failures = new ArrayList<Map<String, String>>();
        int delivered = 0;
        for (var record : streamEvent.path("Records")) {
            try {
                delivered += record(record);
            } catch (RuntimeException e) {
                log.error("fan-out of stream record {} failed", record.path("dynamodb").path("SequenceNumber").asString(""), e);
                failures.add(Map.of("itemIdentifier", record.path("dynamodb").path("SequenceNumber").asString("")));
                break;
            }
        }
        log.info("fan-out: {} records, {} frames posted", streamEvent.path("Records").size(), delivered);
        return Map.of("batchItemFailures", failures);
    }

    private int record(JsonNode record) {
        var doc = record.path("dynamodb").path("NewImage").path("doc").path("S");
        if (!doc.isString() || !"TASK".equals(record.path("dynamodb").path("NewImage").path("sk").path("S").asString(""))) return 0;
        var task = Json.readTrusted(doc.asString(), Task.class);
        var event = events.append(task.projectId(), LiveEventKind.TASK_PROGRESS, LiveEvent.taskSubject(task.id()), TaskProgressEvents.data(task));
        return deliver(event);
    }

    int deliver(LiveEvent event) {
        int posted = 0;
        List<String> gone = new ArrayList<>();
        for (var sub : connections.ofProject(event.projectId())) {
            if (gone.contains(sub.connectionId()) || !sub.filter().matches(event)) continue;
            if (poster.post(sub.connectionId(), Frames.event(sub.id(), event))) posted++;
            else gone.add(sub.connectionId());
        }
        for (var c : gone) connections.close(c);
        return posted;
    }
}
