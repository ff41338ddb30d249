package dev.luna.functions.realtime;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskProgressEvents;
import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a DynamoDB stream record of a state table means as a live event, with the same {@code data} the local runtime's
 * in-process publishers give it: a task item's new image is its {@code task_progress}; an agent head item whose
 * {@code status} changed (old image vs new) is an {@code agent_health} (status and name; the computed health verdict
 * is local-only); a newly inserted token alert item is a {@code token_alert}. Anything else means nothing.
 */
final class StreamRecords {
    /** A live event to number and fan out. */
    record Change(String projectId, LiveEventKind kind, String subject, JsonNode data) {
    }

    private StreamRecords() {
    }

    /** {@code tasks} table (stream view NEW_IMAGE): every write of a task item. */
    static Optional<Change> task(JsonNode record) {
        var image = record.path("dynamodb").path("NewImage");
        var doc = image.path("doc").path("S");
        if (!doc.isString() || !"TASK".equals(string(image, "sk"))) return Optional.empty();
        var task = Json.readTrusted(doc.asString(), Task.class);
        return Optional.of(new Change(task.projectId(), LiveEventKind.TASK_PROGRESS, LiveEvent.taskSubject(task.id()),
                TaskProgressEvents.data(task)));
    }

    /** {@code agents} table (stream view NEW_AND_OLD_IMAGES): an agent's head item whose status changed. */
    static Optional<Change> agentHealth(JsonNode record) {
        if (!"MODIFY".equals(record.path("eventName").asString(""))) return Optional.empty();
        var image = record.path("dynamodb").path("NewImage");
        var old = record.path("dynamodb").path("OldImage");
        if (!"HEAD".equals(string(image, "sk")) || !image.path("doc").path("S").isString()) return Optional.empty();
        String status = string(image, "status");
        if (status == null || status.equals(string(old, "status"))) return Optional.empty();
        var agent = Json.tree(image.path("doc").path("S").asString());
        String id = agent.path("id").asString(null);
        String project = agent.path("projectId").asString(null);
        if (id == null || project == null) return Optional.empty();
        var data = Json.object();
        data.put("agentId", id);
        data.put("name", agent.path("name").asString(""));
        data.put("agentStatus", status);
        return Optional.of(new Change(project, LiveEventKind.AGENT_HEALTH, LiveEvent.agentSubject(id), data));
    }

    /** {@code token-budgets} table (stream view NEW_IMAGE): an alert item inserted (an alert is raised once). */
    static Optional<Change> tokenAlert(JsonNode record) {
        if (!"INSERT".equals(record.path("eventName").asString(""))) return Optional.empty();
        var image = record.path("dynamodb").path("NewImage");
        String sk = string(image, "sk");
        String project = string(image, "projectId");
        String id = string(image, "id");
        if (sk == null || !sk.startsWith("ALERT#") || project == null || id == null) return Optional.empty();
        String agent = string(image, "agentId");
        ObjectNode data = Json.object();
        data.put("alertId", id);
        if (agent != null) data.put("agentId", agent);
        data.put("period", string(image, "period"));
        data.put("threshold", number(image, "threshold"));
        data.put("spentUsd", number(image, "spentUsd"));
        data.put("limitUsd", number(image, "limitUsd"));
        data.put("utilization", number(image, "utilization"));
        return Optional.of(new Change(project, LiveEventKind.TOKEN_ALERT, agent == null ? null : LiveEvent.agentSubject(agent), data));
    }

    private static String string(JsonNode image, String attribute) {
        var v = image.path(attribute).path("S");
        return v.isString() ? v.asString() : null;
    }

    private static BigDecimal number(JsonNode image, String attribute) {
        var v = image.path(attribute).path("N");
        return v.isString() ? new BigDecimal(v.asString()) : null;
    }
}
