package dev.luna.tasks.routing;

import dev.luna.tasks.routing.AgentRouting.AgentRef;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The routing policy for submissions that name no agent. Among the candidates (running agents with the capability):
 * unhealthy ones are skipped; healthy ones are preferred to degraded ones; agents below their
 * {@code maxConcurrentTasks} to those at it (a task for a full agent waits as {@code pending}); then the least tasks
 * in flight (pending, queued or running); ties are broken round-robin, one turn counter per project and capability.
 */
public final class LeastLoaded {
    private final Map<String, AtomicLong> turns = new ConcurrentHashMap<>();

    /** An agent that could take the task, with its tasks in flight. */
    public record Candidate(AgentRef agent, int inFlight) {
        int tier() {
            return "healthy".equals(agent.health()) ? 0 : 1;
        }

        boolean full() {
            return inFlight >= agent.maxConcurrentTasks();
        }
    }

    public Optional<AgentRef> choose(String projectId, String capability, List<Candidate> candidates) {
        var order = Comparator.comparingInt(Candidate::tier).thenComparing(Candidate::full).thenComparingInt(Candidate::inFlight);
        var eligible = candidates.stream().filter(c -> !"unhealthy".equals(c.agent().health()))
                .sorted(order.thenComparing(c -> c.agent().id())).toList();
        if (eligible.isEmpty()) return Optional.empty();
        var best = eligible.stream().filter(c -> order.compare(c, eligible.get(0)) == 0).toList();
        long turn = turns.computeIfAbsent(projectId + "\u0000" + capability, k -> new AtomicLong()).getAndIncrement();
        return Optional.of(best.get((int) Math.floorMod(turn, best.size())).agent());
    }
}
