package dev.luna.workers.openaiapp;

import dev.luna.codebase.apispec.ApiOperation;
import dev.luna.codebase.apispec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code mcp-server/} of {@code project.zip}: an Apps SDK app. The fixed files (package.json, its lockfile, tsconfig,
 * the server, upstream client, UI widgets and transports) are copied from {@code templates/mcp-server/}; the tool
 * table {@code src/tools.ts} and the README are rendered from the chosen operations.
 */
final class McpServerFiles {
    static final String ROOT = "mcp-server/";
    static final List<String> FIXED = List.of("package.json", "package-lock.json", "tsconfig.json", "src/main.ts", "src/server.ts", "src/spec.ts",
            "src/upstream.ts", "src/widgets.ts");

    private McpServerFiles() {
    }

    static Map<String, byte[]> render(ApiSpec api, List<ApiOperation> chosen, AppOptions options, String appName, Describer describer) {
        var files = new TreeMap<String, byte[]>();
        for (var f : FIXED) files.put(ROOT + f, Templates.bytes("mcp-server/" + f));
        var zod = new ZodWriter(api.schemas());
        var tools = new ArrayList<Map<String, Object>>();
        for (var op : chosen) tools.add(tool(op, zod, describer));
        var view = new LinkedHashMap<String, Object>();
        view.put("appName", ZodWriter.literal(appName));
        view.put("appVersion", ZodWriter.literal(api.version().isBlank() ? "1.0.0" : api.version()));
        view.put("tools", tools);
        files.put(ROOT + "src/tools.ts", Templates.render("mcp-server/src/tools.ts.mustache", view).getBytes(StandardCharsets.UTF_8));
        var readme = new LinkedHashMap<String, Object>();
        readme.put("appName", appName);
        readme.put("baseUrl", options.baseUrl());
        readme.put("apiKey", options.auth().equals("apiKey"));
        readme.put("oauth", options.auth().equals("oauth"));
        readme.put("tools", chosen.stream().map(op -> Ordered.map("name", op.operationId(), "method", op.method(), "path", op.path(),
                "hint", op.readOnly() ? "read-only" : op.destructive() ? "destructive" : "changes data")).toList());
        files.put(ROOT + "README.md", Templates.render("mcp-server/README.md.mustache", readme).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static Map<String, Object> tool(ApiOperation op, ZodWriter zod, Describer describer) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", ZodWriter.literal(op.operationId()));
        m.put("title", ZodWriter.literal(describer.title(op)));
        m.put("description", ZodWriter.literal(describer.description(op)));
        m.put("method", ZodWriter.literal(op.method()));
        m.put("path", ZodWriter.literal(op.path()));
        var params = ActionsSchema.parameters(op);
        m.put("params", params.stream().map(p -> Ordered.map("name", ZodWriter.literal(p.name()), "in", ZodWriter.literal(p.in()))).toList());
        String bodyName = params.stream().anyMatch(p -> p.name().equals("body")) ? "requestBody" : "body";
        m.put("body", op.request() == null ? "null" : ZodWriter.literal(bodyName));
        m.put("readOnly", op.readOnly());
        m.put("destructive", op.destructive());
        m.put("widget", op.response() != null && "array".equals(op.response().get("type")) ? "LIST_WIDGET" : "DETAIL_WIDGET");
        var fields = new ArrayList<Map<String, Object>>();
        for (var p : params) {
            fields.add(Ordered.map("key", ZodWriter.literal(p.name()), "expr", zod.expression(p.schema()) + (p.required() ? "" : ".optional()")
                    + ".describe(" + ZodWriter.literal(describer.paramDescription(p, op)) + ")"));
        }
        if (op.request() != null) {
            fields.add(Ordered.map("key", ZodWriter.literal(bodyName), "expr", zod.expression(op.request()) + ".describe(\"The JSON request body.\")"));
        }
        m.put("fields", fields);
        return m;
    }
}
