package dev.luna.functions.agents;

import dev.luna.core.ValidationException;
import dev.luna.http.ApiRequest;
import dev.luna.http.ApiResult;
import dev.luna.http.RouteHandler;
import java.util.Arrays;
import java.util.Map;

/** The HTTP side of the agents API: parse, call {@link AgentService}, answer. One method per catalog function. */
final class AgentHandlers {
    private static final String BASE = "/api/v1/agents/";
    private final AgentService service;

    AgentHandlers(AgentService service) {
        this.service = service;
    }

    /** Handlers by bean name, as the catalog names them. */
    Map<String, RouteHandler> byBean() {
        return Map.ofEntries(
                Map.entry("agentsCreate", this::create),
                Map.entry("agentsList", this::list),
                Map.entry("agentsGet", r -> agent(service.get(r.pathParam("id"), r.access()))),
                Map.entry("agentsUpdate", r -> agent(service.update(r.pathParam("id"), r.bodyAs(AgentUpdate.class),
                        r.ifMatchRevision(), r.access()))),
                Map.entry("agentsDelete", r -> agent(service.deactivate(r.pathParam("id"), r.ifMatchRevision(), r.access()))),
                Map.entry("agentsStart", r -> agent(service.start(r.pathParam("id"), r.ifMatchRevision(), r.access()))),
                Map.entry("agentsStop", r -> agent(service.stop(r.pathParam("id"), r.ifMatchRevision(), r.access()))),
                Map.entry("agentsRollback", r -> agent(service.rollback(r.pathParam("id"),
                        r.optionalBodyAs(RollbackRequest.class), r.ifMatchRevision(), r.access()))),
                Map.entry("agentsVersions", this::versions),
                Map.entry("agentsHealth", r -> ApiResult.ok(service.health(r.pathParam("id"), r.access()))),
                Map.entry("agentsMetrics", r -> ApiResult.ok(service.metrics(r.pathParam("id"), r.access()))),
                Map.entry("agentsHealthSummary", r -> ApiResult.ok(service.healthOverview(query(r), r.access()))),
                Map.entry("agentsHeartbeat", r -> ApiResult.ok(service.heartbeat(r.pathParam("id"),
                        heartbeat(r), r.access()))));
    }

    private ApiResult create(ApiRequest r) {
        var agent = service.register(r.bodyAs(AgentRegistration.class), r.access());
        return ApiResult.created(agent, BASE + agent.id()).etag(agent.revision());
    }

    private ApiResult list(ApiRequest r) {
        return ApiResult.page(service.list(query(r), r.query("cursor").orElse(null), r.intQuery("limit", 20, 1, 100), r.access()));
    }

    private ApiResult versions(ApiRequest r) {
        return ApiResult.page(service.versions(r.pathParam("id"), r.query("cursor").orElse(null), r.intQuery("limit", 20, 1, 100), r.access()));
    }

    private static Heartbeat heartbeat(ApiRequest r) {
        var hb = r.optionalBodyAs(Heartbeat.class);
        return hb == null ? new Heartbeat(null, null) : hb;
    }

    private static ApiResult agent(Agent agent) {
        return ApiResult.ok(agent).etag(agent.revision());
    }

    private static AgentQuery query(ApiRequest r) {
        String project = r.access().project(r.query("projectId").orElse(null));
        AgentStatus status = r.query("status").map(s -> {
            var st = AgentStatus.fromWire(s);
            if (st == null) throw new ValidationException("status", "must be one of " + Arrays.stream(AgentStatus.values()).map(AgentStatus::wire).toList());
            return st;
        }).orElse(null);
        AgentHealth.Status health = r.query("health").map(s -> Arrays.stream(AgentHealth.Status.values())
                .filter(h -> h.wire().equals(s)).findFirst()
                .orElseThrow(() -> new ValidationException("health", "must be one of healthy, degraded, unhealthy"))).orElse(null);
        String prefix = r.query("namePrefix").orElse(null);
        if (prefix != null && prefix.length() > 100) throw new ValidationException("namePrefix", "must be at most 100 characters");
        return new AgentQuery(project, r.query("type").orElse(null), status, health, r.query("capability").orElse(null), prefix);
    }
}
