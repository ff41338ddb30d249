package dev.luna.functions.agents;

import dev.luna.store.AwsClients;
import dev.luna.tasks.TaskStatus;
import dev.luna.tasks.routing.AgentRouting;
import dev.luna.tasks.routing.LeastLoaded;
import dev.luna.tasks.store.TaskStores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the task domain may know of agents ({@link AgentRouting}), read from the agents table through this module's repository and health
 * reader (no second copy of either): an agent by id, the running agents of a project that have a capability, the
 * agent a submission is routed to ({@link LeastLoaded}), and the health sweep the scheduled {@code health-check} runs,
 * which persists each agent's health on its head item ({@code health}, {@code healthReason}, {@code healthChangedAt},
 * {@code healthDoc}) where its verdict changed, so alarms can read it and subscribers hear of it ({@link HealthVerdicts}).
 */
public final class AgentDirectory implements AgentRouting {
    private final AgentRepository repository;
    private final HealthReader health;
    private final HealthVerdicts verdicts;
    private final LeastLoaded routing = new LeastLoaded();

    AgentDirectory(AgentRepository repository, HealthReader health) {
        this.repository = repository;
        this.health = health;
        this.verdicts = new HealthVerdicts(repository);
    }

    public static AgentDirectory create(AwsClients aws, Clock clock) {
        return new AgentDirectory(new AgentRepository(aws), healthReader(aws, clock));
    }

    /** The health reader of a container, over the tasks table's stores. */
    static HealthReader healthReader(AwsClients aws, Clock clock) {
        var stores = TaskStores.create(aws);
        return new HealthReader(HealthPolicy.from(aws.config()), new AgentActivity(stores.tasks()), stores.breakers(), clock);
    }

    @Override
    public Optional<AgentRef> find(String id) {
        var batch = health.batch();
        return repository.find(id).map(s -> ref(s, batch.of(s)));
    }

    @Override
    public List<AgentRef> runningWith(String projectId, String capability) {
        var out = new ArrayList<AgentRef>();
        running(projectId, capability, (ref, figures) -> out.add(ref));
        out.sort((x, y) -> Integer.compare(rank(x.health()), rank(y.health())));
        return out;
    }

    @Override
    public Optional<AgentRef> pick(String projectId, String capability) {
        var candidates = new ArrayList<LeastLoaded.Candidate>();
        running(projectId, capability, (ref, figures) -> candidates.add(new LeastLoaded.Candidate(ref,
                figures.count(TaskStatus.PENDING) + figures.count(TaskStatus.QUEUED) + figures.count(TaskStatus.RUNNING))));
        return routing.choose(projectId, capability, candidates);
    }

    private void running(String projectId, String capability, BiConsumer<AgentRef, TaskFigures> sink) {
        var batch = health.batch();
        Map<String, AttributeValue> start = null;
        do {
            var page = repository.page(projectId, null, start, 200);
            for (var s : page.items()) {
                var a = s.agent();
                if (a.status() == AgentStatus.RUNNING && a.config().capabilities().contains(capability)) {
                    sink.accept(ref(s, batch.of(s)), batch.figures(a));
                }
            }
            start = page.lastKey();
        } while (start != null);
    }

    @Override
    public HealthSweep sweepHealth() {
        var batch = health.batch();
        int checked = 0, changed = 0;
        var counts = new java.util.TreeMap<String, Integer>();
        Map<String, AttributeValue> start = null;
        do {
            var page = repository.scanActiveHeads(start);
            for (var s : page.items()) {
                var h = batch.of(s);
                checked++;
                counts.merge(h.status().wire(), 1, Integer::sum);
                if (verdicts.record(s.agent(), h, s.persistedHealth(), batch.now())) changed++;
            }
            start = page.lastKey();
        } while (start != null);
        return new HealthSweep(checked, changed, counts);
    }

    @Override
    public boolean recheckHealth(String agentId) {
        var stored = repository.find(agentId).orElse(null);
        if (stored == null || stored.agent().status() == AgentStatus.DEACTIVATED) return false;
        var batch = health.batch();
        return verdicts.record(stored.agent(), batch.of(stored), stored.persistedHealth(), batch.now());
    }

    private static AgentRef ref(AgentRepository.Stored s, AgentHealth h) {
        var a = s.agent();
        var retry = a.config().retryPolicy() == null ? RetryPolicy.DEFAULT : a.config().retryPolicy().withDefaults();
        return new AgentRef(a.id(), a.projectId(), a.name(), a.version(), a.status().wire(), a.config().capabilities(),
                retry.maxAttempts(), retry.initialDelayMs(), retry.multiplier(), retry.maxDelayMs(),
                ResourceQuota.taskTimeoutMs(a), h.status().wire(), h.reason(),
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
