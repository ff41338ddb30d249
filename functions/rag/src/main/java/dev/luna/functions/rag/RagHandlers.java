package dev.luna.functions.rag;

import dev.luna.http.ApiRequest;
import dev.luna.http.ApiResult;
import dev.luna.http.RouteHandler;
import java.util.Map;

/** The HTTP side of the RAG and token APIs. One method per catalog function. */
final class RagHandlers {
    static final String JOBS = "/api/v1/rag/index/";
    static final String GIT_HOOK = "/api/v1/rag/hooks/git";
    private final RagService service;
    private final GitRefresh refresh;

    RagHandlers(RagService service, GitRefresh refresh) {
        this.service = service;
        this.refresh = refresh;
    }

    Map<String, RouteHandler> byBean() {
        return Map.of(
                "ragIndex", this::index,
                "ragIndexStatus", r -> ApiResult.ok(withExtra(service.statusWithFreshness(r.pathParam("id"), r.access()))),
                "ragGitHook", this::gitHook,
                "ragQuery", r -> ApiResult.ok(service.query(r.bodyAs(Requests.QueryRequest.class), r.access())),
                "ragContextGet", r -> ApiResult.ok(service.getContext(r.pathParam("id"), r.query("projectId").orElse(null), r.access())),
                "ragContextUpdate", r -> ApiResult.ok(service.putContext(r.pathParam("id"), r.query("projectId").orElse(null),
                        r.bodyAs(Requests.ContextUpdate.class), r.access())),
                "ragContextDelete", r -> ApiResult.ok(service.deleteContext(r.pathParam("id"), r.query("projectId").orElse(null), r.access())),
                "tokensOptimize", r -> ApiResult.ok(service.optimize(r.bodyAs(Requests.OptimizeRequest.class), r.access())));
    }

    private ApiResult index(ApiRequest r) {
        var submitted = service.submit(r.bodyAs(Requests.IndexRequest.class), r.access());
        var job = submitted.job();
        var body = dev.luna.core.Json.mapper().valueToTree(job);
        if (submitted.refresh() != null) ((tools.jackson.databind.node.ObjectNode) body).set("refresh", dev.luna.core.Json.mapper().valueToTree(submitted.refresh()));
        return ApiResult.accepted(body).header("Location", JOBS + job.id()).link("status", JOBS + job.id());
    }

    /** The job's fields, plus {@code freshness} for a watched git source. */
    private static Object withExtra(RagService.Status status) {
        tools.jackson.databind.node.ObjectNode body = dev.luna.core.Json.mapper().valueToTree(status.job());
        if (status.freshness() != null) body.set("freshness", dev.luna.core.Json.mapper().valueToTree(status.freshness()));
        return body;
    }

    /** A push webhook: 202 when it queued re-indexing, 200 when it did not need to (a ping, another branch, already fresh). */
    private ApiResult gitHook(ApiRequest r) {
        var delivery = refresh.onDelivery(r::header, r.body());
        return delivery.queued().isEmpty() ? ApiResult.ok(delivery) : ApiResult.accepted(delivery);
    }
}
