package dev.luna.codebase.manifest;

import dev.luna.core.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** package.json (with workspaces), package-lock.json / npm-shrinkwrap.json v1–v3. */
final class NpmParser {
    private static final String[][] SECTIONS = {{"dependencies", "runtime"}, {"devDependencies", "dev"},
            {"peerDependencies", "provided"}, {"optionalDependencies", "optional"}};

    private NpmParser() {
    }

    /** Parsed package.json plus its workspace globs (for {@link Workspaces}). */
    record PackageJson(Manifest manifest, List<String> workspaces) {
    }

    static PackageJson packageJson(String path, String text) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (RuntimeException e) {
            return new PackageJson(new Manifest(path, "package.json", null, null, List.of(), List.of(problem(e))), List.of());
        }
        if (root == null || !root.isObject()) {
            return new PackageJson(new Manifest(path, "package.json", null, null, List.of(), List.of("not a JSON object")), List.of());
        }
        var lines = JsonLines.keys(text, 2);
        var deps = new ArrayList<Dependency>();
        for (var s : SECTIONS) {
            for (var e : root.path(s[0]).properties()) {
                String v = e.getValue().isString() ? e.getValue().asString() : null;
                deps.add(new Dependency("npm", e.getKey(), v, Versions.exact(v), s[1], path, lines.getOrDefault(s[0] + "/" + e.getKey(), 0), true));
            }
        }
        var ws = root.path("workspaces");
        List<String> globs = ws.isArray() ? JsonLines.strings(ws) : JsonLines.strings(ws.path("packages"));
        String name = root.path("name").isString() ? root.path("name").asString() : null;
        String version = root.path("version").isString() ? root.path("version").asString() : null;
        return new PackageJson(new Manifest(path, "package.json", name, version, deps, List.of()), globs);
    }

    static Manifest lock(String path, String text, Set<String> declared) {
        String kind = path.endsWith("npm-shrinkwrap.json") ? "npm-shrinkwrap.json" : "package-lock.json";
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (RuntimeException e) {
            return new Manifest(path, kind, null, null, List.of(), List.of(problem(e)));
        }
        var deps = new ArrayList<Dependency>();
        var seen = new HashSet<String>();
        var lines = JsonLines.keys(text, 2);
        if (root.path("packages").isObject()) {
            for (var e : root.path("packages").properties()) {
                String key = e.getKey();
                int at = key.lastIndexOf("node_modules/");
                if (at < 0 || e.getValue().path("link").asBoolean(false)) continue;
                String name = key.substring(at + "node_modules/".length());
                add(deps, seen, path, name, e.getValue(), lines.getOrDefault("packages/" + key, 0),
                        declared.contains(name) && at == 0);
            }
        } else {
            walkV1(root.path("dependencies"), path, deps, seen, lines, declared, 0);
        }
        String name = root.path("name").isString() ? root.path("name").asString() : null;
        return new Manifest(path, kind, name, root.path("version").isString() ? root.path("version").asString() : null, deps, List.of());
    }

    private static void walkV1(JsonNode deps0, String path, List<Dependency> deps, Set<String> seen, Map<String, Integer> lines,
                               Set<String> declared, int depth) {
        if (depth > 32) return;
        for (var e : deps0.properties()) {
            add(deps, seen, path, e.getKey(), e.getValue(), depth == 0 ? lines.getOrDefault("dependencies/" + e.getKey(), 0) : 0,
                    depth == 0 && declared.contains(e.getKey()));
            walkV1(e.getValue().path("dependencies"), path, deps, seen, lines, declared, depth + 1);
        }
    }

    private static void add(List<Dependency> deps, Set<String> seen, String path, String name, JsonNode entry, int line, boolean direct) {
        String version = entry.path("version").isString() ? entry.path("version").asString() : null;
        if (version == null || !seen.add(name + "@" + version)) return;
        String scope = entry.path("dev").asBoolean(false) ? "dev" : entry.path("optional").asBoolean(false) ? "optional" : "runtime";
        deps.add(new Dependency("npm", name, version, true, scope, path, line, direct));
    }

    static String problem(RuntimeException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = msg.indexOf('\n');
        msg = nl < 0 ? msg : msg.substring(0, nl);
        if (e instanceof tools.jackson.core.JacksonException je && je.getLocation() != null) {
            return "line " + je.getLocation().getLineNr() + ": invalid JSON: " + (msg.length() > 120 ? msg.substring(0, 120) + "…" : msg);
        }
        return "invalid JSON: " + msg;
    }
}
