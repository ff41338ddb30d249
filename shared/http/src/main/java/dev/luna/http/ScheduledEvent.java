package dev.luna.http;

import dev.luna.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An EventBridge scheduled event as a Lambda receives it ({@code "detail-type": "Scheduled Event"}, from
 * EventBridge rules or from EventBridge Scheduler with the input Terraform gives it).
 */
public record ScheduledEvent(String id, String detailType, String source, String account, Instant time, String region,
                             List<String> resources, tools.jackson.databind.JsonNode detail) {
    /** Decodes the event JSON; fields AWS may omit stay null, a missing or bad {@code time} is an error. */
    public static ScheduledEvent parse(byte[] json) {
        var node = Json.mapper().readTree(json);
        if (node == null || !node.isObject()) throw new IllegalArgumentException("a scheduled event must be a JSON object");
        String time = node.path("time").asString(null);
        if (time == null) throw new IllegalArgumentException("a scheduled event needs its \"time\"");
        var resources = new ArrayList<String>();
        node.path("resources").forEach(r -> resources.add(r.asString()));
        return new ScheduledEvent(node.path("id").asString(null), node.path("detail-type").asString(null), node.path("source").asString(null),
                node.path("account").asString(null), Instant.parse(time), node.path("region").asString(null), List.copyOf(resources),
                node.path("detail").isObject() ? node.get("detail") : Json.object());
    }
}
