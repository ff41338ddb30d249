package dev.luna.functions.agents;

import dev.luna.core.Json;
import dev.luna.tasks.Task;
import dev.luna.tasks.store.BreakerStates;
import dev.luna.tasks.worker.CircuitBreaker;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates agents' health with its inputs read from the platform: the agents' recent tasks ({@link AgentActivity}) and
 * the circuit breakers of their task types. A {@link Batch} serves many agents of one request with one read of each
 * project's recent tasks and one read of each breaker.
 */
final class HealthReader {
    private final HealthPolicy policy;
    private final AgentActivity activity;
    private final BreakerStates breakers;
    private final Clock clock;

    HealthReader(HealthPolicy policy, AgentActivity activity, BreakerStates breakers, Clock clock) {
        this.policy = policy;
        this.activity = activity;
        this.breakers = breakers;
        this.clock = clock;
    }

    HealthPolicy policy() {
        return policy;
    }

    /** The health of one agent. */
    AgentHealth of(AgentRepository.Stored stored) {
        return batch().of(stored);
    }

    /** The health of one agent given a heartbeat just received. */
    AgentHealth of(Agent agent, Heartbeat heartbeat) {
        return batch().of(new AgentRepository.Stored(agent, heartbeat));
    }

    /** The health of an agent just registered: no task can name it yet, so only its task types' circuits are read. */
    AgentHealth ofNew(Agent agent) {
        return batch().of(new AgentRepository.Stored(agent, null), TaskFigures.NONE);
    }

    Batch batch() {
        return new Batch(clock.instant());
    }

    /** Evaluations at one instant that share their reads. */
    final class Batch {
        private final Instant now;
        private final Map<String, Map<String, List<Task>>> projects = new HashMap<>();
        private final Map<String, Boolean> open = new HashMap<>();

        private Batch(Instant now) {
            this.now = now;
        }

        Instant now() {
            return now;
        }

        /** The figures of the agent's tasks of the window. */
        TaskFigures figures(Agent agent) {
            return TaskFigures.of(projects.computeIfAbsent(agent.projectId(),
                    p -> activity.byAgent(p, now.minus(policy.window()), now)).getOrDefault(agent.id(), List.of()));
        }

        AgentHealth of(AgentRepository.Stored stored) {
            return of(stored, figures(stored.agent()));
        }

        private AgentHealth of(AgentRepository.Stored stored, TaskFigures work) {
            var agent = stored.agent();
            var caps = agent.config() == null || agent.config().capabilities() == null ? List.<String>of() : agent.config().capabilities();
            var openCircuits = new ArrayList<String>();
            for (String type : caps) if (open.computeIfAbsent(type, this::isOpen)) openCircuits.add(type);
            return policy.evaluate(agent, stored.heartbeat(), work, openCircuits, now);
        }

        private boolean isOpen(String type) {
            return breakers.read(type).map(doc -> Json.readTrusted(doc, CircuitBreaker.State.class))
                    .map(s -> s.status() == CircuitBreaker.Status.OPEN && (s.openUntil() == null || s.openUntil().isAfter(now)))
                    .orElse(false);
        }
    }
}
