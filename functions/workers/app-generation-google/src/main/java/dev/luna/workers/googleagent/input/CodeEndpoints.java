package dev.luna.workers.googleagent.input;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import dev.luna.codebase.shape.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Operations from the endpoints the code-understanding library found (Spring, JAX-RS, Express, Fastify, NestJS,
 * Next.js, FastAPI, Flask), with path and query parameters and the request body's properties from its DTO shape.
 * Header, cookie and form parameters are left to the caller's configuration; {@code ANY} handlers become {@code GET}.
 */
final class CodeEndpoints implements ApiSource {
    @Override
    public ApiDescription describe(Path root, ProjectModel model) {
        var byKey = new LinkedHashMap<String, ApiOperation>();
        var notes = new ArrayList<String>();
        for (var e : model.endpoints()) {
            String method = e.method().equals("ANY") ? "GET" : e.method();
            String path = e.path().replaceAll("/\\$\\{[^}]*}", "");
            if (path.isEmpty()) path = "/";
            if (!path.equals(e.path())) notes.add("property placeholders (${…}) were removed from endpoint paths (their default is usually empty; put the prefix in UPSTREAM_BASE_URL)");
            String key = method + " " + path;
            if (byKey.containsKey(key)) continue; // the first handler (by the model's order) wins
            byKey.put(key, operation(e, method, path, model));
        }
        if (model.endpoints().isEmpty()) notes.add("no HTTP endpoints were found in the code");
        return new ApiDescription("code", null, null, null, List.copyOf(byKey.values()), notes);
    }

    private static ApiOperation operation(Endpoint e, String method, String path, ProjectModel model) {
        var params = new ArrayList<ApiParam>();
        for (Param p : e.params()) {
            if (p.in().equals("path") || p.in().equals("query")) {
                params.add(param(p.name(), p.in(), p.schema(), p.in().equals("path") || p.required(), model));
            }
        }
        String bodyType = null;
        if (e.request() != null) {
            bodyType = e.request().ref() != null ? e.request().ref() : "object";
            var shape = e.request().ref() == null ? null : model.shape(e.request().ref());
            if (shape != null) {
                for (var prop : shape.properties()) {
                    params.add(param(prop.name(), "body", prop.schema(), prop.required(), model));
                }
            }
        }
        String response = e.response() == null ? null : name(e.response());
        return new ApiOperation(handlerMethod(e.handler()), method, path, "", "", params, bodyType, response, e.file() + ":" + e.startLine());
    }

    private static ApiParam param(String name, String in, Schema schema, boolean required, ProjectModel model) {
        var values = values(schema, model);
        return new ApiParam(name, in, values.isEmpty() ? type(schema) : "string", format(schema), required, "", values);
    }

    /** {@code com.acme.UserController#get(long)} → {@code get}; anonymous handlers → null. */
    static String handlerMethod(String handler) {
        int hash = handler.lastIndexOf('#');
        if (hash < 0) return null;
        String name = handler.substring(hash + 1);
        int paren = name.indexOf('(');
        if (paren >= 0) name = name.substring(0, paren);
        return name.isBlank() || name.startsWith("<") ? null : name;
    }

    static String type(Schema s) {
        if (s == null) return "string";
        if (s.ref() != null) return "object";
        if (s.type() == null) return "string";
        return s.type();
    }

    private static String format(Schema s) {
        return s == null ? null : s.format();
    }

    private static List<String> values(Schema s, ProjectModel model) {
        if (s == null || s.ref() == null) return List.of();
        var shape = model.shape(s.ref());
        return shape == null ? List.of() : shape.values();
    }

    private static String name(Schema s) {
        if (s.ref() != null) return s.ref();
        if (s.items() != null) return "list of " + name(s.items());
        return s.type() == null ? "any" : s.type();
    }
}
