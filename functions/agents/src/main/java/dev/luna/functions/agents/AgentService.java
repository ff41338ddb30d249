package dev.luna.functions.agents;

import dev.luna.catalog.Access;
import dev.luna.core.ErrorCode;
import dev.luna.core.Ids;
import dev.luna.core.LunaException;
import dev.luna.core.Semver;
import dev.luna.core.ValidationException;
import dev.luna.store.Keyset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The agent lifecycle: registration, updates that each leave an immutable version record, start/stop with valid
 * transitions only, deactivation, rollback, heartbeats and health. Knows nothing of HTTP or Lambda.
 */
public final class AgentService {

    private final AgentRepository repository;
    private final Clock clock;
    private final Ids ids;
    private final HealthReader health;
    private final AgentMeters meters;
    private final HealthVerdicts verdicts;

    AgentService(AgentRepository repository, Clock clock, Ids ids, HealthReader health, AgentMeters meters) {
        this.repository = repository;
        this.verdicts = new HealthVerdicts(repository);
        this.clock = clock;
        this.ids = ids;
        this.health = health;
        this.meters = meters;
    }

    public record HealthOverview(List<AgentHealth> agents, Map<String, Integer> summary) {
    }

    Agent register(AgentRegistration request, Access access) {
        String projectId = access.requireProject(request.projectId());
        request.spec().validate();
        var spec = request.spec().withDefaults();
        Instant now = clock.instant();
        String id = ids.next("agt");
        var agent = new Agent(id, projectId, spec.name(), spec.type(), spec.version(), spec.description(),
                spec.config(), spec.resourceQuota(), AgentStatus.REGISTERED, 1, 1, now, now, access.principal().id(), null, null, null, null, null);
        var first = health.ofNew(agent);
        repository.create(agent, new AgentVersion(id, 1, spec, AgentVersion.Change.CREATED, null, now, access.principal().id()), first);
        return agent.withHealth(first);
    }

    Agent get(String id, Access access) {
        var stored = load(id, access);
        return withHealth(stored.agent(), stored.heartbeat()).withQuotaUsage(meters.quotaUsage(stored.agent()));
    }

    /** The agent's metrics of today ({@link AgentMeters}). */
    AgentMeters.AgentMetrics metrics(String id, Access access) {
        return meters.metrics(load(id, access).agent());
    }

    Keyset.Page<Agent> list(AgentQuery query, String cursor, int limit, Access access) {
        access.require(query.projectId(), "Project", query.projectId());
        var batch = health.batch();
        return repository.list(query.projectId(), query.namePrefix(), cursor, limit, s -> {
            var h = batch.of(s);
            return query.matches(s.agent(), h) ? s.agent().withHealth(h) : null;
        });
    }

    Agent update(String id, AgentUpdate update, Optional<Long> ifMatch, Access access) {
        if (update.isEmpty()) {
            throw new ValidationException("body", "must change at least one of name, type, version, description, config, resourceQuota");
        }
        return mutate(id, update.revision(), ifMatch, access, agent -> {
            requireNot(agent, AgentStatus.DEACTIVATED, "update");
            var spec = update.applyTo(agent.spec());
            spec.validate();
            var normalised = spec.withDefaults();
            return new Change(agent.withSpec(normalised), normalised, AgentVersion.Change.UPDATED, null);
        });
    }

    Agent deactivate(String id, Optional<Long> ifMatch, Access access) {
        return mutate(id, null, ifMatch, access, agent -> {
            requireNot(agent, AgentStatus.DEACTIVATED, "deactivate");
            return new Change(agent, null, null, AgentStatus.DEACTIVATED);
        });
    }

    Agent start(String id, Optional<Long> ifMatch, Access access) {
        return mutate(id, null, ifMatch, access, agent -> {
            if (agent.status() != AgentStatus.REGISTERED && agent.status() != AgentStatus.STOPPED) {
                throw invalidTransition(agent, "start", "registered or stopped");
            }
            return new Change(agent, null, null, AgentStatus.RUNNING);
        });
    }

    Agent stop(String id, Optional<Long> ifMatch, Access access) {
        return mutate(id, null, ifMatch, access, agent -> {
            if (agent.status() != AgentStatus.RUNNING) throw invalidTransition(agent, "stop", "running");
            return new Change(agent, null, null, AgentStatus.STOPPED);
        });
    }

    Agent rollback(String id, RollbackRequest request, Optional<Long> ifMatch, Access access) {
        var req = request == null ? new RollbackRequest(null, null, null) : request;
        if (req.versionNumber() != null && req.version() != null) {
            throw new ValidationException("versionNumber", "give either versionNumber or version, not both");
        }
        if (req.version() != null && !Semver.isValid(req.version())) {
            throw new ValidationException("version", "must be a semantic version like 1.2.3");
        }
        if (req.versionNumber() != null && req.versionNumber() < 1) {
            throw new ValidationException("versionNumber", "must be at least 1");
        }
        return mutate(id, req.revision(), ifMatch, access, agent -> {
            requireNot(agent, AgentStatus.DEACTIVATED, "roll back");
            var target = rollbackTarget(agent, req);
            if (target.versionNumber() == agent.versionNumber()) {
                throw new LunaException(ErrorCode.CONFLICT, "Version " + target.versionNumber() + " is already the current version");
            }
            return new Change(agent.withSpec(target.spec()), target.spec(), AgentVersion.Change.ROLLED_BACK, null,
                    target.versionNumber());
        });
    }

    Keyset.Page<AgentVersion> versions(String id, String cursor, int limit, Access access) {
        load(id, access);
        return repository.versions(id, cursor, limit);
    }

    AgentHealth health(String id, Access access) {
        return health.of(load(id, access));
    }

    AgentHealth heartbeat(String id, Heartbeat request, Access access) {
        request.validate();
        var stored = load(id, access);
        if (stored.agent().status() == AgentStatus.DEACTIVATED) {
            throw invalidTransition(stored.agent(), "report a heartbeat for", "not deactivated");
        }
        var beat = new Heartbeat(request.metrics() != null ? request.metrics() : AgentHealth.Metrics.EMPTY, clock.instant());
        if (!repository.heartbeat(id, beat)) throw LunaException.notFound("Agent", id);
        var h = health.of(stored.agent(), beat);
        verdicts.record(stored.agent(), h, stored.persistedHealth(), clock.instant());
        return h;
    }

    HealthOverview healthOverview(AgentQuery query, Access access) {
        access.require(query.projectId(), "Project", query.projectId());
        var counts = new EnumMap<AgentHealth.Status, Integer>(AgentHealth.Status.class);
        for (var s : AgentHealth.Status.values()) counts.put(s, 0);
        var agents = new ArrayList<AgentHealth>();
        var batch = health.batch();
        Map<String, AttributeValue> start = null;
        do {
            var page = repository.page(query.projectId(), query.namePrefix(), start, 500);
            for (var s : page.items()) {
                var h = batch.of(s);
                if (!query.matches(s.agent(), h)) continue;
                counts.merge(h.status(), 1, Integer::sum);
                agents.add(h);
            }
            start = page.lastKey();
        } while (start != null);
        var summary = new LinkedHashMap<String, Integer>();
        summary.put("total", agents.size());
        counts.forEach((k, v) -> summary.put(k.wire(), v));
        return new HealthOverview(agents, summary);
    }

    // --- internals

    /** What a mutation changes: a new spec (and version record kind) and/or a new status. */
    private record Change(Agent agent, AgentSpec spec, AgentVersion.Change versionChange, AgentStatus status,
                          Integer restoredFrom) {
        Change(Agent agent, AgentSpec spec, AgentVersion.Change versionChange, AgentStatus status) {
            this(agent, spec, versionChange, status, null);
        }
    }

    private Agent mutate(String id, Long bodyRevision, Optional<Long> ifMatch, Access access, Function<Agent, Change> change) {
        for (int attempt = 0; ; attempt++) {
            var current = load(id, access);
            var agent = current.agent();
            if (ifMatch.isPresent() && ifMatch.get() != agent.revision()) {
                throw new LunaException(ErrorCode.PRECONDITION_FAILED, "If-Match revision " + ifMatch.get()
                        + " does not match the current revision " + agent.revision(), Map.of("currentRevision", agent.revision()));
            }
            if (bodyRevision != null && bodyRevision != agent.revision()) {
                throw new LunaException(ErrorCode.VERSION_CONFLICT, "Field 'revision' is " + bodyRevision
                        + " but the agent is at revision " + agent.revision() + "; reload and retry", Map.of("currentRevision", agent.revision()));
            }
            var c = change.apply(agent);
            Instant now = clock.instant();
            int versionNumber = c.spec() != null ? agent.versionNumber() + 1 : agent.versionNumber();
            var next = c.agent().with(c.status() != null ? c.status() : agent.status(), agent.revision() + 1, versionNumber, now);
            var version = c.spec() == null ? null
                    : new AgentVersion(id, versionNumber, c.spec(), c.versionChange(), c.restoredFrom(), now, access.principal().id());
            // the health of the new head is written with it, so the agents stream carries the verdict with the change
            var h = health.of(next, current.heartbeat());
            boolean verdictChanged = !h.status().wire().equals(current.persistedHealth());
            if (repository.replace(next, agent.revision(), version, h, verdictChanged ? now : null)) {
                if (next.status() != agent.status() || verdictChanged) verdicts.publish(next, h);
                return next.withHealth(h);
            }
            if (ifMatch.isPresent() || bodyRevision != null) {
                throw new LunaException(ifMatch.isPresent() ? ErrorCode.PRECONDITION_FAILED : ErrorCode.VERSION_CONFLICT,
                        "The agent was changed concurrently; reload and retry");
            }
            if (attempt >= 4) {
                throw new LunaException(ErrorCode.VERSION_CONFLICT, "The agent is being changed concurrently; retry");
            }
        }
    }

    private AgentVersion rollbackTarget(Agent agent, RollbackRequest req) {
        if (req.versionNumber() != null) {
            return repository.version(agent.id(), req.versionNumber()).orElseThrow(() ->
                    new LunaException(ErrorCode.NOT_FOUND, "Agent " + agent.id() + " has no version " + req.versionNumber()));
        }
        if (req.version() != null) {
            Map<String, AttributeValue> start = null;
            do {
                var page = repository.versions(agent.id(), start, 100, true);
                for (var v : page.items()) {
                    if (v.spec().version().equals(req.version()) && v.versionNumber() != agent.versionNumber()) return v;
                }
                start = page.lastKey();
            } while (start != null);
            throw new LunaException(ErrorCode.NOT_FOUND, "Agent " + agent.id() + " has no earlier version " + req.version());
        }
        if (agent.versionNumber() <= 1) {
            throw new LunaException(ErrorCode.CONFLICT, "Agent " + agent.id() + " has no previous version to roll back to");
        }
        return repository.version(agent.id(), agent.versionNumber() - 1).orElseThrow(() ->
                new IllegalStateException("version record " + (agent.versionNumber() - 1) + " of " + agent.id() + " is missing"));
    }

    private AgentRepository.Stored load(String id, Access access) {
        var stored = repository.find(id).orElseThrow(() -> LunaException.notFound("Agent", id));
        access.require(stored.agent().projectId(), "Agent", id);
        return stored;
    }


    private Agent withHealth(Agent agent, Heartbeat heartbeat) {
        return agent.withHealth(health.of(agent, heartbeat));
    }

    private static void requireNot(Agent agent, AgentStatus status, String action) {
        if (agent.status() == status) throw invalidTransition(agent, action, "not " + status.wire());
    }

    private static LunaException invalidTransition(Agent agent, String action, String required) {
        return new LunaException(ErrorCode.INVALID_TRANSITION, "Cannot " + action + " agent " + agent.id() + ": it is "
                + agent.status().wire() + " (must be " + required + ")",
                Map.of("status", agent.status().wire(), "action", action));
    }
}
