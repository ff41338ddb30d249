package dev.luna.workers.expoapp;

import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Java-side checks a generated app passes before the task reports success: app.json, package.json and the
 * lockfile parse and agree (slug, bundle id, the pinned expo), no template slot is left, every route file under
 * {@code app/} has a default export, and every relative import points at a generated file.
 */
final class ProjectCheck {
    private static final Pattern DEFAULT_EXPORT = Pattern.compile("(?m)^export default ");
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("(?m)^import [^;]*? from '(\\.{1,2}/[^']+)';");

    private ProjectCheck() {
    }

    static List<String> problems(Map<String, byte[]> files, String slug, String bundleId) {
        var problems = new ArrayList<String>();
        try {
            var app = Json.tree(text(files, "app.json")).path("expo");
            if (!slug.equals(app.path("slug").asString())) problems.add("app.json: slug is not " + slug);
            if (!bundleId.equals(app.path("ios").path("bundleIdentifier").asString())) problems.add("app.json: ios.bundleIdentifier is not " + bundleId);
            var pkg = Json.tree(text(files, "package.json"));
            var lock = Json.tree(text(files, "package-lock.json"));
            if (!pkg.path("dependencies").path("expo").asString().equals("57.0.26")) problems.add("package.json: expo is not pinned to 57.0.26");
            if (!slug.equals(pkg.path("name").asString()) || !slug.equals(lock.path("name").asString())) problems.add("package.json/package-lock.json: name is not " + slug);
            var locked = lock.path("packages").path("");
            pkg.path("dependencies").properties().forEach(e -> {
                if (!e.getValue().asString().equals(locked.path("dependencies").path(e.getKey()).asString())) {
                    problems.add("package-lock.json: " + e.getKey() + " differs from package.json");
                }
            });
        } catch (RuntimeException e) {
            problems.add("app.json/package.json/package-lock.json: " + e.getMessage());
        }
        for (var e : files.entrySet()) {
            String path = e.getKey();
            if (!(path.endsWith(".ts") || path.endsWith(".tsx") || path.endsWith(".json") || path.endsWith(".md"))) continue;
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            if (text.contains("<%") || text.contains("%>")) problems.add(path + ": an unfilled template slot");
            if (path.startsWith("app/") && path.endsWith(".tsx") && !path.contains("+api") && !DEFAULT_EXPORT.matcher(text).find()) {
                problems.add(path + ": a route file without a default export");
            }
            if (path.endsWith(".ts") || path.endsWith(".tsx")) {
                var m = RELATIVE_IMPORT.matcher(text);
                while (m.find()) {
                    String target = resolve(path, m.group(1));
                    if (!(files.containsKey(target + ".ts") || files.containsKey(target + ".tsx") || files.containsKey(target + "/index.ts"))) {
                        problems.add(path + ": imports " + m.group(1) + ", which is not generated");
                    }
                }
            }
        }
        return problems;
    }

    private static String resolve(String from, String relative) {
        var parts = new ArrayList<>(List.of(from.split("/")));
        parts.removeLast();
        for (var seg : relative.split("/")) {
            if (seg.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else if (!seg.equals(".")) {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    private static String text(Map<String, byte[]> files, String path) {
        var bytes = files.get(path);
        if (bytes == null) throw new IllegalStateException(path + " missing");
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
