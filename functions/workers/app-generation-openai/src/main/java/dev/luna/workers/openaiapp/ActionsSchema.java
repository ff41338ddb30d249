package dev.luna.workers.openaiapp;

import dev.luna.codebase.apispec.ApiOperation;
import dev.luna.codebase.apispec.ApiParam;
import dev.luna.codebase.apispec.ApiSpec;
import dev.luna.codebase.apispec.SchemaRefs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code openapi.actions.json}: a GPT Actions schema, OpenAPI 3.1 with one https server ({@code options.baseUrl}), the
 * chosen operations with their operationIds, descriptions for a model, described parameters with examples,
 * {@code x-openai-isConsequential} on operations that change data, the schemas they reach and the auth scheme.
 */
final class ActionsSchema {
    static final String API_KEY_HEADER = "X-API-Key";

    private ActionsSchema() {
    }

    static Map<String, Object> build(ApiSpec api, List<ApiOperation> chosen, AppOptions options, String appName, Describer describer) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("openapi", "3.1.0");
        var info = new LinkedHashMap<String, Object>();
        info.put("title", appName);
        info.put("version", api.version().isBlank() ? "1.0.0" : api.version());
        info.put("description", Describer.limit(api.description().isBlank() ? "Actions for " + api.title() + ", generated from its "
                + (api.source().equals(ApiSpec.OPENAPI) ? "OpenAPI document" : "source code") + "." : api.description(), 300));
        doc.put("info", info);
        doc.put("servers", List.of(Ordered.map("url", options.baseUrl())));
        var paths = new TreeMap<String, Map<String, Object>>();
        for (var op : chosen) paths.computeIfAbsent(op.path(), p -> new LinkedHashMap<>()).put(op.method().toLowerCase(Locale.ROOT), operation(op, describer));
        doc.put("paths", paths);
        var components = new LinkedHashMap<String, Object>();
        components.put("schemas", reachable(api, chosen));
        var scheme = securityScheme(options);
        if (scheme != null) {
            components.put("securitySchemes", Ordered.map(options.auth(), scheme));
            doc.put("components", components);
            doc.put("security", List.of(Ordered.map(options.auth(), List.of())));
        } else {
            doc.put("components", components);
        }
        return doc;
    }

    private static Map<String, Object> operation(ApiOperation op, Describer describer) {
        var out = new LinkedHashMap<String, Object>();
        out.put("operationId", op.operationId());
        out.put("summary", describer.title(op));
        out.put("description", describer.description(op));
        var params = new ArrayList<Map<String, Object>>();
        for (var p : parameters(op)) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", p.name());
            m.put("in", p.in());
            m.put("required", p.required());
            m.put("description", describer.paramDescription(p, op));
            m.put("schema", p.schema());
            m.put("example", Examples.of(p.schema(), p.name()));
            params.add(m);
        }
        if (!params.isEmpty()) out.put("parameters", params);
        if (op.request() != null) {
            out.put("requestBody", Ordered.map("required", true, "content", Ordered.map("application/json", Ordered.map("schema", op.request()))));
        }
        var ok = new LinkedHashMap<String, Object>();
        ok.put("description", "Success: " + describer.returns(op.response()) + ".");
        if (op.response() != null) ok.put("content", Ordered.map("application/json", Ordered.map("schema", op.response())));
        out.put("responses", Ordered.map("200", ok));
        if (op.deprecated()) out.put("deprecated", true);
        if (op.changesData()) out.put("x-openai-isConsequential", true);
        return out;
    }

    /** The operation's parameters, with a string path parameter added for every template the API left undeclared. */
    static List<ApiParam> parameters(ApiOperation op) {
        var out = new ArrayList<>(op.params().stream().filter(p -> !p.in().equals("cookie")).toList());
        var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path());
        while (m.find()) {
            String name = m.group(1);
            if (out.stream().noneMatch(p -> p.in().equals("path") && p.name().equals(name))) out.add(new ApiParam(name, "path", "", true, Ordered.map("type", "string")));
        }
        out.removeIf(p -> p.in().equals("path") && !op.path().contains("{" + p.name() + "}"));
        return out;
    }

    static Map<String, Object> securityScheme(AppOptions options) {
        return switch (options.auth()) {
            case "apiKey" -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("type", "apiKey");
                m.put("in", "header");
                m.put("name", API_KEY_HEADER);
                yield m;
            }
            case "oauth" -> {
                var flow = new LinkedHashMap<String, Object>();
                flow.put("authorizationUrl", options.baseUrl() + "/oauth/authorize");
                flow.put("tokenUrl", options.baseUrl() + "/oauth/token");
                flow.put("scopes", Ordered.map());
                yield Ordered.map("type", "oauth2", "flows", Ordered.map("authorizationCode", flow));
            }
            default -> null;
        };
    }

    /** The schemas the chosen operations refer to, transitively; an unknown name becomes an open object. */
    static Map<String, Map<String, Object>> reachable(ApiSpec api, List<ApiOperation> chosen) {
        return SchemaRefs.reachable(chosen, name -> api.schemas().getOrDefault(name, Ordered.map("type", "object")));
    }
}
