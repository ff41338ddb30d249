package dev.luna.functions.rag;

import dev.luna.http.ApiRequest;
import dev.luna.http.ApiResult;
import dev.luna.http.RouteHandler;
import java.util.Map;

/** The HTTP side of the RAG and token APIs. One method per catalog function. */
final class RagHandlers {
    static final String JOBS = "/api/v1/rag/index/";
    private final RagService service;

    RagHandlers(RagService service) {
        this.service = service;
    }

    Map<String, RouteHandler> byBean() {
        return Map.of(
                "ragIndex", this::index,
                "ragIndexStatus", r -> ApiResult.ok(service.status(r.pathParam("id"), r.access())),
                "ragQuery", r -> ApiResult.ok(service.query(r.bodyAs(Requests.QueryRequest.class), r.access())),
                "ragContextGet", r -> ApiResult.ok(service.getContext(r.pathParam("id"), r.query("projectId").orElse(null), r.access())),
                "ragContextUpdate", r -> ApiResult.ok(service.putContext(r.pathParam("id"), r.query("projectId").orElse(null),
                        r.bodyAs(Requests.ContextUpdate.class), r.access())),
                "ragContextDelete", r -> ApiResult.ok(service.deleteContext(r.pathParam("id"), r.query("projectId").orElse(null), r.access())),
                "tokensOptimize", r -> ApiResult.ok(service.optimize(r.bodyAs(Requests.OptimizeRequest.class), r.access())));
    }

    private ApiResult index(ApiRequest r) {
        var job = service.submit(r.bodyAs(Requests.IndexRequest.class), r.access());
        return ApiResult.accepted(job).header("Location", JOBS + job.id()).link("status", JOBS + job.id());
    }
}
