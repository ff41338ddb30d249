package dev.luna.tasks;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveEvents;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task's state as a {@code task_progress} live event: status, stage, percentage, ETA, message and steps while it
 * runs, then its terminal status (with the error, if any). Published on every stored change of a task.
 */
public final class TaskProgressEvents {
    private TaskProgressEvents() {
    }

    public static void publish(LiveEvents live, Task task) {
        live.publish(task.projectId(), LiveEventKind.TASK_PROGRESS, LiveEvent.taskSubject(task.id()), data(task));
    }

    public static ObjectNode data(Task task) {
        var data = Json.object();
        data.put("taskId", task.id());
        data.put("taskType", task.type());
        if (task.agentId() != null) data.put("agentId", task.agentId());
        data.put("status", task.status().wire());
        data.put("terminal", task.status().isTerminal());
        var p = task.progress() == null ? Progress.NONE : task.progress();
        data.put("stage", p.stage());
        data.put("percentage", p.percentage());
        if (p.eta() != null) data.put("etaSeconds", p.eta());
        if (p.message() != null) data.put("message", p.message());
        data.set("steps", Json.mapper().valueToTree(p.steps()));
        data.put("attempts", task.attempts());
        data.put("revision", task.revision());
        if (task.error() != null) data.set("error", Json.mapper().valueToTree(task.error()));
        return data;
    }
}
