package dev.luna.functions.realtime;

import dev.luna.realtime.LiveEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The fan-out from state changes in AWS, one per table stream: each record that {@link StreamRecords} maps to a live
 * event (a task's new state, an agent's status change, a newly raised token alert) becomes numbered events in the
 * {@link EventLog}, posted to every matching subscription of its project; a connection that answers 410 Gone is
 * forgotten. Records are handled in stream order; the first that fails is reported ({@code batchItemFailures}, its
 * sequence number) so Lambda retries from it.
 */
final class StreamFanout {
    private static final Logger log = LoggerFactory.getLogger(StreamFanout.class);
    private final WsConnections connections;
    private final EventLog events;
    private final ConnectionPoster poster;
    private final Function<JsonNode, List<StreamRecords.Change>> changes;

    StreamFanout(WsConnections connections, EventLog events, ConnectionPoster poster, Function<JsonNode, List<StreamRecords.Change>> changes) {
        this.connections = connections;
        this.events = events;
        this.poster = poster;
        this.changes = changes;
    }

    /** Handles a DynamoDB stream batch; returns the partial-batch answer. */
    Map<String, Object> handle(JsonNode streamEvent) {
        var failures = new ArrayList<Map<String, String>>();
        int records = 0;
        int delivered = 0;
        for (var record : streamEvent.path("Records")) {
            try {
                var found = changes.apply(record);
                if (found.isEmpty()) continue;
                records++;
                for (var c : found) delivered += deliver(events.append(c.projectId(), c.kind(), c.subject(), c.data()));
            } catch (RuntimeException e) {
                log.error("fan-out of stream record {} failed", record.path("dynamodb").path("SequenceNumber").asString(""), e);
                failures.add(Map.of("itemIdentifier", record.path("dynamodb").path("SequenceNumber").asString("")));
                break;
            }
        }
        log.info("fan-out: {} records ({} with live events), {} frames posted", streamEvent.path("Records").size(), records, delivered);
        return Map.of("batchItemFailures", failures);
    }

    /** Numbers and stores an event that no table stream carries (an operator's notification), then posts it. */
    LiveEvent publish(String projectId, dev.luna.realtime.LiveEventKind kind, String subject, JsonNode data) {
        var event = events.append(projectId, kind, subject, data);
        deliver(event);
        return event;
    }

    int deliver(LiveEvent event) {
        int posted = 0;
        List<String> gone = new ArrayList<>();
        for (var sub : connections.ofProject(event.projectId())) {
            if (gone.contains(sub.connectionId()) || !sub.filter().matches(event)) continue;
            var graphql = sub.graphql();
            if (!poster.post(sub.connectionId(), graphql == null ? Frames.event(sub.id(), event) : graphql.next(sub.id(), event))) {
                gone.add(sub.connectionId());
                continue;
            }
            posted++;
            if (graphql != null && graphql.completesAfter(event)) {
                connections.unsubscribe(sub.connectionId(), sub.id());
                poster.post(sub.connectionId(), GraphqlSubscription.complete(sub.id()));
            }
        }
        for (var c : gone) connections.close(c);
        return posted;
    }
}
