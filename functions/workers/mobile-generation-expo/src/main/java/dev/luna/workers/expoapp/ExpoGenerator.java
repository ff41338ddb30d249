package dev.luna.workers.expoapp;

import dev.luna.codebase.ProjectModel;
import dev.luna.codebase.apispec.ApiSpec;
import dev.luna.codebase.apispec.ApiSpecs;
import dev.luna.workers.expoapp.plan.AppPlan;
import dev.luna.workers.expoapp.plan.Names;
import dev.luna.workers.expoapp.plan.ResourcePlanner;
import dev.luna.workers.expoapp.render.AppCopy;
import dev.luna.workers.expoapp.render.ExpoProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The deterministic core of {@code generate}: the project's API ({@link ApiSpecs#find}) → an {@link AppPlan} → the
 * Expo app's files with a {@code FILES} manifest, checked by {@link ProjectCheck} before it returns.
 */
final class ExpoGenerator {
    static final String PROJECT = "project.zip";
    private static final Pattern SECURITY = Pattern.compile("[\"']?(securitySchemes|securityDefinitions)[\"']?\\s*:");

    private ExpoGenerator() {
    }

    /** What one generation produced: the plan, its copy and the files of project.zip by path. */
    record Output(AppPlan plan, AppCopy copy, SortedMap<String, byte[]> files) {
    }

    static ApiSpec api(ProjectModel model, Path root) {
        return ApiSpecs.find(model, root);
    }

    static AppPlan plan(ApiSpec api, Path root, ExpoOptions options) {
        String appName = appName(options, api);
        String slug = options.slug() != null ? options.slug() : Names.kebab(appName, "app");
        if (slug.length() > 64) slug = slug.substring(0, 64).replaceAll("-+$", "");
        String bundleId = options.bundleId() != null ? options.bundleId() : "dev.luna." + slug.replace("-", "");
        if (!ExpoOptions.BUNDLE_ID.matcher(bundleId).matches()) bundleId = "dev.luna.app";
        return ResourcePlanner.plan(api, appName, slug, bundleId, options.auth(), securityDeclared(api, root), options.maxResources());
    }

    static Output render(AppPlan plan, ExpoOptions options, AppCopy copy) {
        var settings = new ExpoProject.Settings(plan.resources().isEmpty() ? "stack" : options.navigation(), options.query(),
                options.query() && options.offlineSupport(), options.pushNotifications(), options.baseUrl());
        var contrast = dev.luna.designsystem.ContrastReport.of(dev.luna.designsystem.DesignTokens.standard());
        if (!contrast.passes()) throw new IllegalStateException("the design tokens fail contrast: " + contrast.failures());
        var files = ExpoProject.render(plan, settings, copy);
        files.put("src/theme/contrast.md", contrast.toMarkdown().getBytes(StandardCharsets.UTF_8));
        var problems = ProjectCheck.problems(files, plan.slug(), plan.bundleId());
        if (!problems.isEmpty()) throw new IllegalStateException("the generated app failed its checks: " + problems);
        files.put("FILES", manifest(files));
        return new Output(plan, copy, files);
    }

    static Output generate(ApiSpec api, Path root, ExpoOptions options) {
        var plan = plan(api, root, options);
        return render(plan, options, AppCopy.of(plan));
    }

    static String appName(ExpoOptions options, ApiSpec api) {
        String name = options.appName() != null ? options.appName() : api.title();
        name = name == null ? "" : name.replaceAll("[\\p{Cntrl}<>{}\"\\\\`]", " ").replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) name = "App";
        return name.length() > 50 ? name.substring(0, 50).strip() : name;
    }

    private static boolean securityDeclared(ApiSpec api, Path root) {
        if (api.document() == null || root == null) return false;
        try {
            var file = root.resolve(api.document()).normalize();
            if (!file.startsWith(root.normalize()) || Files.size(file) > ApiSpecs.MAX_DOCUMENT_BYTES) return false;
            return SECURITY.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code FILES}: every path with its sha256, sorted by path. */
    static byte[] manifest(Map<String, byte[]> files) {
        var sb = new StringBuilder();
        try {
            for (var e : new TreeMap<>(files).entrySet()) {
                var digest = MessageDigest.getInstance("SHA-256").digest(e.getValue());
                sb.append(HexFormat.of().formatHex(digest)).append("  ").append(e.getKey()).append('\n');
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
