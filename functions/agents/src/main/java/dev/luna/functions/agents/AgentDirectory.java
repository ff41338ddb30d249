package dev.luna.functions.agents;

import dev.luna.store.AwsClients;
import dev.luna.tasks.routing.AgentRouting;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the task domain may know of agents ({@link AgentRouting}), read from the agents table through this module's repository and health
 * policy (no second copy of either): an agent by id, the running agents of a project that have a capability,
 * and the health sweep the scheduled {@code health-check} runs, which persists each agent's health on its head
 * item ({@code health}, {@code healthReason}, {@code healthChangedAt}) so alarms and routing can read it.
 */
public final class AgentDirectory implements AgentRouting {
    private final AgentRepository repository;
    private final HealthPolicy policy;
    private final Clock clock;

    AgentDirectory(AgentRepository repository, HealthPolicy policy, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.clock = clock;
    }

    public static AgentDirectory create(AwsClients aws, Clock clock) {
        return new AgentDirectory(new AgentRepository(aws), HealthPolicy.from(aws.config()), clock);
    }

    @Override
    public Optional<AgentRef> find(String id) {
        return repository.find(id).map(s -> ref(s, clock.instant()));
    }

    @Override
    public List<AgentRef> runningWith(String projectId, String capability) {
        var out = new ArrayList<AgentRef>();
        Instant now = clock.instant();
        Map<String, AttributeValue> start = null;
        do {
            var page = repository.page(projectId, null, start, 200);
            for (var s : page.items()) {
                var a = s.agent();
                if (a.status() == AgentStatus.RUNNING && a.config().capabilities().contains(capability)) out.add(ref(s, now));
            }
            start = page.lastKey();
        } while (start != null);
        out.sort((x, y) -> Integer.compare(rank(x.health()), rank(y.health())));
        return out;
    }

    @Override
    public HealthSweep sweepHealth() {
        Instant now = clock.instant();
        int checked = 0, changed = 0;
        var counts = new java.util.TreeMap<String, Integer>();
        Map<String, AttributeValue> start = null;
        do {
            var page = repository.scanActiveHeads(start);
            for (var s : page.items()) {
                var h = policy.evaluate(s.stored().agent(), s.stored().heartbeat(), now);
                checked++;
                counts.merge(h.status().wire(), 1, Integer::sum);
                if (!h.status().wire().equals(s.persistedHealth())) {
                    if (repository.recordHealth(s.stored().agent().id(), h.status().wire(), h.reason(), now)) changed++;
                }
            }
            start = page.lastKey();
        } while (start != null);
        return new HealthSweep(checked, changed, counts);
    }

    private AgentRef ref(AgentRepository.Stored s, Instant now) {
        var a = s.agent();
        var h = policy.evaluate(a, s.heartbeat(), now);
        var retry = a.config().retryPolicy() == null ? RetryPolicy.DEFAULT : a.config().retryPolicy().withDefaults();
        return new AgentRef(a.id(), a.projectId(), a.name(), a.version(), a.status().wire(), a.config().capabilities(),
                retry.maxAttempts(), retry.initialDelayMs(), retry.multiplier(), retry.maxDelayMs(),
                a.config().timeout() == null ? 300_000 : a.config().timeout(), h.status().wire(), h.reason(),
                (a.resourceQuota() == null ? ResourceQuota.DEFAULT : a.resourceQuota().withDefaults()).maxConcurrentTasks());
    }

    private static int rank(String health) {
        return switch (health) {
            case "healthy" -> 0;
            case "degraded" -> 1;
            default -> 2;
        };
    }
}
