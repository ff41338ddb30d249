package dev.luna.tasks;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveEvents;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code system_notification} live events of the task lifecycle: what an operator watching a project should
 * hear about without following every task — a task dead-lettered (its last attempt failed, or SQS gave up on its
 * message) or timed out. Published when the task is stored in that state, beside its {@code task_progress} event.
 */
public final class TaskNotifications {
    private TaskNotifications() {
    }

    public static void publish(LiveEvents live, Task task) {
        of(task).ifPresent(data -> live.publish(task.projectId(), LiveEventKind.SYSTEM_NOTIFICATION, LiveEvent.taskSubject(task.id()), data));
    }

    /** The notification a task in its stored state raises, if any. */
    public static Optional<ObjectNode> of(Task task) {
        String code, level, what;
        switch (task.status()) {
            case DEAD_LETTERED -> {
                code = "TASK_DEAD_LETTERED";
                level = "error";
                what = "was dead-lettered after " + task.attempts() + (task.attempts() == 1 ? " attempt" : " attempts");
            }
            case TIMED_OUT -> {
                code = "TASK_TIMED_OUT";
                level = "warning";
                what = "timed out";
            }
            default -> {
                return Optional.empty();
            }
        }
        var data = Json.object();
        data.put("level", level);
        data.put("code", code);
        data.put("source", "tasks");
        data.put("taskId", task.id());
        data.put("taskType", task.type());
        if (task.agentId() != null) data.put("agentId", task.agentId());
        String reason = task.error() == null ? null : task.error().message();
        data.put("message", "Task " + task.id() + " (" + task.type() + ") " + what + (reason == null ? "" : ": " + reason));
        return Optional.of(data);
    }
}
