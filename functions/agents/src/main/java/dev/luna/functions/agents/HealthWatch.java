package dev.luna.functions.agents;

import dev.luna.core.Json;
import dev.luna.tasks.Task;
import dev.luna.tasks.routing.AgentRouting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code agents-health-watch}: the tasks table's DynamoDB stream (old and new images) in AWS. A task of an agent that
 * ended — its status changed into a terminal one — re-evaluates that agent's health ({@link AgentRouting#recheckHealth}),
 * once per agent per batch, so a verdict moved by the agent's work (failures in a row, timeouts, or a success after
 * them) is persisted on the agent at once, and the agents table's stream announces it ({@code ws-fanout-agents}). The
 * task path itself reads nothing more. The local runtime does the same from its live event hub (a task's terminal
 * {@code task_progress}). A failure reports the first record of the agent it was for, so Lambda retries from there.
 */
final class HealthWatch {
    private static final Logger log = LoggerFactory.getLogger(HealthWatch.class);
    private final AgentRouting agents;

    HealthWatch(AgentRouting agents) {
        this.agents = agents;
    }

    /** The agents whose tasks a stream batch ended, each with the sequence number of the first record that did. */
    static Map<String, String> endedTasksAgents(JsonNode streamEvent) {
        var out = new LinkedHashMap<String, String>();
        for (var record : streamEvent.path("Records")) {
            var dynamodb = record.path("dynamodb");
            var doc = dynamodb.path("NewImage").path("doc").path("S");
            if (!doc.isString() || !"TASK".equals(dynamodb.path("NewImage").path("sk").path("S").asString(""))) continue;
            var task = Json.readTrusted(doc.asString(), Task.class);
            if (task.agentId() == null || !task.status().isTerminal()) continue;
            if (task.status().wire().equals(dynamodb.path("OldImage").path("status").path("S").asString(null))) continue;
            out.putIfAbsent(task.agentId(), dynamodb.path("SequenceNumber").asString(""));
        }
        return out;
    }

    /** Handles a stream batch; answers the partial-batch failures. */
    Map<String, Object> handle(JsonNode streamEvent) {
        var failures = new ArrayList<Map<String, String>>();
        int changed = 0;
        var agentsOfBatch = endedTasksAgents(streamEvent);
        for (var e : agentsOfBatch.entrySet()) {
            try {
                if (agents.recheckHealth(e.getKey())) changed++;
            } catch (RuntimeException ex) {
                log.error("health re-evaluation of agent {} failed", e.getKey(), ex);
                failures.add(Map.of("itemIdentifier", e.getValue()));
                break;
            }
        }
        log.info("health watch: {} records, {} agents re-evaluated, {} verdicts changed", streamEvent.path("Records").size(),
                agentsOfBatch.size(), changed);
        return Map.of("batchItemFailures", List.copyOf(failures));
    }
}
