package dev.luna.functions.tasks;

import dev.luna.tasks.Priority;
import dev.luna.tasks.Task;
import dev.luna.tasks.TaskStatus;
import java.time.Instant;

/** Filters of the task list; null means "any". Created range bounds are inclusive. */
record TaskQuery(String projectId, TaskStatus status, String type, Priority priority, String agentId, Instant createdAfter,
                 Instant createdBefore) {
    boolean matches(Task t) {
        return (status == null || status == t.status()) && (type == null || type.equals(t.type()))
                && (priority == null || priority == t.priority()) && (agentId == null || agentId.equals(t.agentId()));
    }
}
