package dev.luna.functions.realtime;

import dev.luna.core.ValidationException;
import dev.luna.realtime.LiveEventKind;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A {@code subscribe} message of the live protocol ({@code luna.v1}), validated:
 * {@code {"type":"subscribe","id","events"?,"projectId"?,"taskId"?,"agentId"?,"since"?}}. {@code since} is -1 when
 * absent (only new events).
 */
public record Subscribe(String id, Set<LiveEventKind> kinds, long since, String projectId, String taskId, String agentId) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public static Subscribe parse(JsonNode message) {
        var idNode = message.path("id");
        String id = idNode.isString() ? idNode.asString() : null;
        if (id == null || !ID.matcher(id).matches()) {
            throw new ValidationException("id", "'id' must be 1 to 64 letters, digits or _.:- (it names the subscription)");
        }
        var kinds = new LinkedHashSet<LiveEventKind>();
        var events = message.path("events");
        if (!events.isMissingNode() && !events.isNull()) {
            if (!events.isArray()) throw new ValidationException("events", "must be an array of event types");
            for (var e : events) {
                var kind = e.isString() ? LiveEventKind.fromWire(e.asString()) : null;
                if (kind == null) {
                    throw new ValidationException("events", "unknown event type " + abbreviate(e.toString())
                            + "; known: task_progress, agent_health, token_alert, system_notification");
                }
                kinds.add(kind);
            }
        }
        String taskId = text(message, "taskId");
        String agentId = text(message, "agentId");
        if (taskId != null && agentId != null) throw new ValidationException("taskId", "give taskId or agentId, not both");
        return new Subscribe(id, Set.copyOf(kinds), since(message.path("since")), text(message, "projectId"), taskId, agentId);
    }

    private static long since(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return -1;
        if (!node.isIntegralNumber() || node.asLong() < 0) {
            throw new ValidationException("since", "must be the last sequence number seen (an integer >= 0)");
        }
        return node.asLong();
    }

    private static String text(JsonNode message, String field) {
        var v = message.path(field);
        if (v.isMissingNode() || v.isNull()) return null;
        if (!v.isString()) throw new ValidationException(field, "must be a string");
        return v.asString();
    }

    /** Whether {@code id} can name a subscription. */
    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
