package dev.luna.workers.openaiapp;

import java.util.LinkedHashMap;
import java.util.Map;

/** The task's result: where the API came from, the operations offered (and the rest, listed), the artifacts and the model's part. */
final class ResultDocument {
    private ResultDocument() {
    }

    static Map<String, Object> of(GeneratedApp app, AppOptions options, Object artifacts, Map<String, Object> modelReport, String modelNote,
                                  boolean complete) {
        var out = new LinkedHashMap<String, Object>();
        var api = app.api();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("apiFound", app.found());
        summary.put("source", api.source());
        if (api.document() != null) summary.put("document", api.document());
        summary.put("title", api.title());
        summary.put("operationsFound", api.operations().size());
        summary.put("operationsOffered", app.choice().chosen().size());
        summary.put("operationsLeftOut", app.choice().omitted().size());
        summary.put("appName", app.appName());
        summary.put("baseUrl", options.baseUrl());
        summary.put("auth", options.auth());
        summary.put("complete", complete);
        out.put("summary", summary);
        if (!app.found()) {
            out.put("message", "No API found: the project has no OpenAPI/Swagger document and no HTTP endpoints were found in its code "
                    + "(Spring, JAX-RS, Express, Fastify, NestJS, Next.js, FastAPI, Flask), so there is no app to generate.");
        }
        out.put("artifacts", artifacts);
        var model = new LinkedHashMap<String, Object>(modelReport);
        if (modelNote != null) model.put("note", modelNote);
        out.put("model", model);
        out.put("operations", app.choice().chosen().stream().map(op -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("operationId", op.operationId());
            m.put("method", op.method());
            m.put("path", op.path());
            m.put("readOnly", op.readOnly());
            m.put("destructive", op.destructive());
            m.put("location", op.location());
            return m;
        }).toList());
        out.put("leftOut", app.choice().omitted().stream().map(s -> Ordered.map("operationId", s.operation().operationId(),
                "method", s.operation().method(), "path", s.operation().path(), "reason", s.reason())).toList());
        out.put("notes", api.notes());
        return out;
    }

}
