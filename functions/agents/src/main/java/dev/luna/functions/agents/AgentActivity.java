package dev.luna.functions.agents;

import dev.luna.tasks.Task;
import dev.luna.tasks.store.TaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the platform saw of agents' work: the tasks of a project created since an instant, read newest first from the
 * tasks table's project index (at most {@link #MAX_TASKS}; beyond that the oldest are not looked at), grouped by agent.
 */
final class AgentActivity {
    static final int MAX_TASKS = 2_000;
    private final TaskStore tasks;

    AgentActivity(TaskStore tasks) {
        this.tasks = tasks;
    }

    /** Tasks of the project created since {@code from}, by agent id. */
    Map<String, List<Task>> byAgent(String projectId, Instant from, Instant now) {
        var out = new HashMap<String, List<Task>>();
        read(projectId, from, now, t -> t.agentId() != null, t -> out.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(t));
        return out;
    }

    /** Tasks of one agent created since {@code from}. */
    List<Task> ofAgent(String projectId, String agentId, Instant from, Instant now) {
        var out = new ArrayList<Task>();
        read(projectId, from, now, t -> agentId.equals(t.agentId()), out::add);
        return out;
    }

    private void read(String projectId, Instant from, Instant now, java.util.function.Predicate<Task> keep,
                      java.util.function.Consumer<Task> sink) {
        Map<String, AttributeValue> start = null;
        int seen = 0;
        do {
            var page = tasks.page(projectId, from, now, start, 500);
            for (var t : page.items()) if (keep.test(t)) sink.accept(t);
            seen += page.items().size();
            start = page.lastKey();
        } while (start != null && seen < MAX_TASKS);
    }
}
