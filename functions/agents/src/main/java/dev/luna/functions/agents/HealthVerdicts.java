package dev.luna.functions.agents;

import dev.luna.core.Json;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agent's computed health verdict as the platform keeps and announces it: persisted on the agent's head item
 * when it changes (by the {@code health-check} sweep, a heartbeat, a status change, or the end of one of its tasks),
 * and announced as an {@code agent_health} live event. In the local runtime the event is published here; in AWS the
 * agents table's stream carries the persisted verdict ({@code healthDoc}) to {@code ws-fanout-agents}, which sends
 * the same {@link #data}.
 */
final class HealthVerdicts {
    private final AgentRepository repository;

    HealthVerdicts(AgentRepository repository) {
        this.repository = repository;
    }

    /** The {@code data} of an {@code agent_health} event: the agent, its status and its computed health. */
    static ObjectNode data(AgentHealth health) {
        var data = Json.object();
        data.put("agentId", health.agentId());
        data.put("name", health.name());
        data.put("agentStatus", health.agentStatus().wire());
        data.set("health", Json.mapper().valueToTree(health));
        return data;
    }

    /**
     * Persists {@code health} when its verdict differs from {@code persisted} (the one on the head item when it was
     * read) and announces it; false when it is the same, or another writer recorded a verdict first.
     */
    boolean record(Agent agent, AgentHealth health, String persisted, Instant at) {
        if (health.status().wire().equals(persisted)) return false;
        if (!repository.recordHealth(agent.id(), health, persisted, at)) return false;
        publish(agent, health);
        return true;
    }

    /** Announces an agent's health to the live subscribers of this process (nothing in Lambda: the stream does). */
    void publish(Agent agent, AgentHealth health) {
        var live = repository.live();
        if (!live.delivers()) return;
        live.publish(agent.projectId(), LiveEventKind.AGENT_HEALTH, LiveEvent.agentSubject(agent.id()), data(health));
    }
}
