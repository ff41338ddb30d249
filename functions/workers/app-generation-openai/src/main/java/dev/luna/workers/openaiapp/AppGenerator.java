package dev.luna.workers.openaiapp;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.apispec.ApiSpec;
import dev.luna.codebase.apispec.ApiSpecs;
import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deterministic core: the project's API ({@link ApiSpecs#find}) → the chosen operations → the Actions schema,
 * instructions, manifest, deployment guide and the MCP server, checked in Java ({@link ActionsCheck}) before it returns.
 */
final class AppGenerator {
    static final String ACTIONS = "openapi.actions.json";
    static final String INSTRUCTIONS = "instructions.md";
    static final String MANIFEST = "manifest.json";
    static final String DEPLOYMENT = "deployment.md";
    static final String PROJECT = "project.zip";

    private AppGenerator() {
    }

    static ApiSpec api(ProjectModel model, Path root) {
        return ApiSpecs.find(model, root);
    }

    static GeneratedApp generate(ApiSpec api, AppOptions options) {
        return generate(api, options, null);
    }

    /** @param prose model-written descriptions by operationId (each already within the limits), or null */
    static GeneratedApp generate(ApiSpec api, AppOptions options, Map<String, String> prose) {
        if (api.empty()) return GeneratedApp.none(api);
        String appName = appName(options, api);
        var choice = OperationChoice.choose(api.operations(), options);
        var describer = new Describer(api, prose);
        var actions = json(ActionsSchema.build(api, choice.chosen(), options, appName, describer));
        String instructions = AppDocs.instructions(api, choice, appName, describer);
        var manifest = AppDocs.manifest(api, options, appName, choice.chosen().size());
        String deployment = AppDocs.deployment(api, choice, options, appName, manifest);
        var problems = ActionsCheck.problems(new String(actions, StandardCharsets.UTF_8), instructions);
        if (!problems.isEmpty()) throw new IllegalStateException("the generated Actions schema failed its checks: " + problems);

        var artifacts = new TreeMap<String, byte[]>();
        artifacts.put(ACTIONS, actions);
        artifacts.put(INSTRUCTIONS, instructions.getBytes(StandardCharsets.UTF_8));
        artifacts.put(MANIFEST, json(manifest));
        artifacts.put(DEPLOYMENT, deployment.getBytes(StandardCharsets.UTF_8));
        var project = new TreeMap<String, byte[]>(artifacts);
        project.putAll(McpServerFiles.render(api, choice.chosen(), options, appName, describer));
        project.put("FILES", files(project));
        return new GeneratedApp(api, choice, appName, artifacts, project);
    }

    static String appName(AppOptions options, ApiSpec api) {
        String name = options.appName() != null ? options.appName() : api.title();
        name = name.replaceAll("[\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) name = "API";
        return name.length() > 50 ? name.substring(0, 50).strip() : name;
    }

    static byte[] json(Object value) {
        return (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code FILES}: every path with its sha256, sorted by path. */
    private static byte[] files(Map<String, byte[]> project) {
        var sb = new StringBuilder();
        try {
            for (var e : project.entrySet()) {
                var digest = MessageDigest.getInstance("SHA-256").digest(e.getValue());
                sb.append(HexFormat.of().formatHex(digest)).append("  ").append(e.getKey()).append('\n');
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
