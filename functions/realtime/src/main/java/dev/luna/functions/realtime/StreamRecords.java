package dev.luna.functions.realtime;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskNotifications;
import dev.luna.tasks.TaskProgressEvents;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a DynamoDB stream record of a state table means as live events, with the same {@code data} the local runtime's
 * in-process publishers give them: a task item's new image is its {@code task_progress}, plus a
 * {@code system_notification} when the write moved it into dead-lettered or timed out ({@link TaskNotifications});
 * an agent head item whose
 * {@code status} or persisted health verdict changed (old image vs new) is an {@code agent_health} with the computed
 * health; a newly inserted token alert item is a {@code token_alert}. Anything else means nothing.
 */
final class StreamRecords {
    /** A live event to number and fan out. */
    record Change(String projectId, LiveEventKind kind, String subject, JsonNode data) {
    }

    private StreamRecords() {
    }

    /**
     * {@code tasks} table (stream view NEW_AND_OLD_IMAGES): every write of a task item is its progress; a write that
     * changed its {@code status} into one that notifies (the old image's status differs) adds the notification.
     */
    static List<Change> task(JsonNode record) {
        var image = record.path("dynamodb").path("NewImage");
        var doc = image.path("doc").path("S");
        if (!doc.isString() || !"TASK".equals(string(image, "sk"))) return List.of();
        var task = Json.readTrusted(doc.asString(), Task.class);
        String subject = LiveEvent.taskSubject(task.id());
        var progress = new Change(task.projectId(), LiveEventKind.TASK_PROGRESS, subject, TaskProgressEvents.data(task));
        var old = record.path("dynamodb").path("OldImage");
        boolean statusChanged = !task.status().wire().equals(string(old, "status"));
        var notification = statusChanged ? TaskNotifications.of(task).orElse(null) : null;
        return notification == null ? List.of(progress)
                : List.of(progress, new Change(task.projectId(), LiveEventKind.SYSTEM_NOTIFICATION, subject, notification));
    }

    /**
     * {@code agents} table (stream view NEW_AND_OLD_IMAGES): an agent's head item whose status or persisted health
     * verdict ({@code health}) changed, with the computed health written with it ({@code healthDoc}) — the same
     * {@code data} as the local runtime's event: {@code agentId}, {@code name}, {@code agentStatus}, {@code health}.
     */
    static List<Change> agentHealth(JsonNode record) {
        if (!"MODIFY".equals(record.path("eventName").asString(""))) return List.of();
        var image = record.path("dynamodb").path("NewImage");
        var old = record.path("dynamodb").path("OldImage");
        if (!"HEAD".equals(string(image, "sk")) || !image.path("doc").path("S").isString()) return List.of();
        String status = string(image, "status");
        String verdict = string(image, "health");
        boolean statusChanged = status != null && !status.equals(string(old, "status"));
        boolean verdictChanged = verdict != null && !verdict.equals(string(old, "health"));
        if (!statusChanged && !verdictChanged) return List.of();
        var agent = Json.tree(image.path("doc").path("S").asString());
        String id = agent.path("id").asString(null);
        String project = agent.path("projectId").asString(null);
        if (id == null || project == null) return List.of();
        var data = Json.object();
        data.put("agentId", id);
        data.put("name", agent.path("name").asString(""));
        data.put("agentStatus", status);
        String health = string(image, "healthDoc");
        if (health != null) data.set("health", Json.tree(health));
        return List.of(new Change(project, LiveEventKind.AGENT_HEALTH, LiveEvent.agentSubject(id), data));
    }

    /** {@code token-budgets} table (stream view NEW_IMAGE): an alert item inserted (an alert is raised once). */
    static List<Change> tokenAlert(JsonNode record) {
        if (!"INSERT".equals(record.path("eventName").asString(""))) return List.of();
        var image = record.path("dynamodb").path("NewImage");
        String sk = string(image, "sk");
        String project = string(image, "projectId");
        String id = string(image, "id");
        if (sk == null || !sk.startsWith("ALERT#") || project == null || id == null) return List.of();
        String agent = string(image, "agentId");
        ObjectNode data = Json.object();
        data.put("alertId", id);
        if (agent != null) data.put("agentId", agent);
        data.put("period", string(image, "period"));
        data.put("threshold", number(image, "threshold"));
        data.put("spentUsd", number(image, "spentUsd"));
        data.put("limitUsd", number(image, "limitUsd"));
        data.put("utilization", number(image, "utilization"));
        return List.of(new Change(project, LiveEventKind.TOKEN_ALERT, agent == null ? null : LiveEvent.agentSubject(agent), data));
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
