package dev.luna.realtime;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which events of one project a subscriber wants: some kinds (all when empty) about one subject (any when null).
 * A filter is always bound to a project: events of other projects never match.
 */
public record LiveFilter(String projectId, Set<LiveEventKind> kinds, String subject) {
    public LiveFilter {
        Objects.requireNonNull(projectId, "projectId");
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** Every event of the project. */
    public static LiveFilter project(String projectId) {
        return new LiveFilter(projectId, Set.of(), null);
    }

    /** The progress events of one task. */
    public static LiveFilter task(String projectId, String taskId) {
        return new LiveFilter(projectId, Set.of(LiveEventKind.TASK_PROGRESS), LiveEvent.taskSubject(taskId));
    }

    /** The health and token events of one agent. */
    public static LiveFilter agent(String projectId, String agentId) {
        return new LiveFilter(projectId, Set.of(LiveEventKind.AGENT_HEALTH, LiveEventKind.TOKEN_ALERT), LiveEvent.agentSubject(agentId));
    }

    public boolean matches(LiveEvent event) {
        return projectId.equals(event.projectId())
                && (kinds.isEmpty() || kinds.contains(event.kind()))
                && (subject == null || subject.equals(event.subject()));
    }
}
