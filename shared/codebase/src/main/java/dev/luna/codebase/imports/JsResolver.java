package dev.luna.codebase.imports;

import dev.luna.codebase.source.SourceReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves JavaScript/TypeScript specifiers to project files the way bundlers and tsc do: relative paths with
 * extensions and index files ({@code ./x.js} also finds {@code x.ts}), tsconfig/jsconfig {@code baseUrl} and
 * {@code paths} (following {@code extends}), and workspace packages by name ({@code exports}, {@code module},
 * {@code main}). Anything else is an external package reference.
 */
final class JsResolver {
    static final List<String> EXTENSIONS = List.of(".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".d.ts", ".vue",
            ".svelte", ".json");
    private static final Set<String> BUILTINS = Set.of("assert", "async_hooks", "buffer", "child_process", "cluster", "console", "crypto",
            "dgram", "dns", "events", "fs", "fs/promises", "http", "http2", "https", "module", "net", "os", "path", "perf_hooks", "process",
            "querystring", "readline", "stream", "string_decoder", "timers", "tls", "tty", "url", "util", "v8", "vm", "worker_threads", "zlib");
    static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    /** A tsconfig's resolution settings: directory of baseUrl and the path patterns (already relative to the repo). */
    private record TsConfig(String baseUrl, Map<String, List<String>> paths) {
    }

    private final Set<String> files;
    private final SourceReader reader;
    private final Map<String, TsConfig> tsconfigs = new HashMap<>();
    private final Map<String, String> packageDirs;

    /** @param packageDirs workspace package name → its directory */
    JsResolver(Set<String> files, SourceReader reader, Map<String, String> packageDirs) {
        this.files = files;
        this.reader = reader;
        this.packageDirs = packageDirs;
    }

    /** The resolved edge: target file, or the external package name. */
    ImportEdge resolve(ImportEdge edge) {
        String spec = edge.specifier();
        String dir = dir(edge.from());
        String target = null;
        if (spec.startsWith("./") || spec.startsWith("../") || spec.equals(".") || spec.equals("..")) {
            target = file(normalize(dir.isEmpty() ? spec : dir + "/" + spec));
        } else if (spec.startsWith("/")) {
            target = file(normalize(spec.substring(1)));
        } else {
            var ts = tsconfig(dir);
            if (ts != null) target = viaPaths(spec, ts);
            if (target == null) target = viaPackage(spec);
            if (target == null) {
                String pkg = packageName(spec);
                return new ImportEdge(edge.from(), edge.line(), edge.language(), edge.kind(), spec, null, pkg);
            }
        }
        return new ImportEdge(edge.from(), edge.line(), edge.language(), edge.kind(), spec, target, null);
    }

    static String packageName(String spec) {
        if (spec.startsWith("node:")) return spec;
        var parts = spec.split("/");
        String pkg = spec.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
        return BUILTINS.contains(pkg) || BUILTINS.contains(spec) ? "node:" + pkg : pkg;
    }

    /** A path as written (no extension, or a .js that stands for .ts) → the project file, or null. */
    String file(String base) {
        if (base == null) return null;
        if (files.contains(base)) return base;
        String stripped = base.replaceFirst("\\.(m|c)?jsx?$", "");
        for (var candidate : List.of(base, stripped)) {
            for (var ext : EXTENSIONS) if (files.contains(candidate + ext)) return candidate + ext;
        }
        for (var ext : EXTENSIONS) if (files.contains(base + "/index" + ext)) return base + "/index" + ext;
        if (files.contains(base + "/package.json")) return packageEntry(base);
        return null;
    }

    private String viaPaths(String spec, TsConfig ts) {
        for (var e : ts.paths().entrySet()) {
            String pattern = e.getKey();
            String rest;
            if (pattern.endsWith("*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (!spec.startsWith(prefix)) continue;
                rest = spec.substring(prefix.length());
            } else if (pattern.equals(spec)) {
                rest = "";
            } else {
                continue;
            }
            for (var target : e.getValue()) {
                String found = file(normalize(target.replace("*", rest)));
                if (found != null) return found;
            }
        }
        return ts.baseUrl() == null ? null : file(normalize(ts.baseUrl().isEmpty() ? spec : ts.baseUrl() + "/" + spec));
    }

    private String viaPackage(String spec) {
        String pkg = packageName(spec);
        String dir = packageDirs.get(pkg);
        if (dir == null) return null;
        if (spec.equals(pkg)) return packageEntry(dir);
        String sub = spec.substring(pkg.length() + 1);
        String prefix = dir.isEmpty() ? "" : dir + "/";
        var pj = json(prefix + "package.json");
        if (pj != null && pj.path("exports").isObject()) {
            for (var e : pj.path("exports").properties()) {
                String key = e.getKey();
                String rest = null;
                if (key.equals("./" + sub)) rest = "";
                else if (key.contains("*")) {
                    String head = key.substring(0, key.indexOf('*'));
                    String tail = key.substring(key.indexOf('*') + 1);
                    String candidate = "./" + sub;
                    if (candidate.startsWith(head) && candidate.endsWith(tail) && candidate.length() >= head.length() + tail.length()) {
                        rest = candidate.substring(head.length(), candidate.length() - tail.length());
                    }
                }
                if (rest == null) continue;
                var targets = new ArrayList<String>();
                strings(e.getValue(), targets, 0);
                for (var t : targets) {
                    String found = file(normalize(prefix + t.replace("*", rest)));
                    if (found != null) return found;
                }
            }
        }
        return file(normalize(prefix + sub));
    }

    /** The entry file of a package directory: exports ".", module, main, then index. */
    String packageEntry(String dir) {
        var pj = json(dir.isEmpty() ? "package.json" : dir + "/package.json");
        String prefix = dir.isEmpty() ? "" : dir + "/";
        if (pj != null) {
            var candidates = new ArrayList<String>();
            var exports = pj.path("exports");
            if (exports.isString()) candidates.add(exports.asString());
            else if (exports.isObject()) {
                var dot = exports.has(".") ? exports.path(".") : exports;
                strings(dot, candidates, 0);
            }
            for (var f : List.of("module", "main", "source", "types")) if (pj.path(f).isString()) candidates.add(pj.path(f).asString());
            for (var c : candidates) {
                String found = file(normalize(prefix + c));
                if (found != null) return found;
            }
        }
        for (var ext : EXTENSIONS) {
            if (files.contains(prefix + "index" + ext)) return prefix + "index" + ext;
            if (files.contains(prefix + "src/index" + ext)) return prefix + "src/index" + ext;
        }
        return null;
    }

    static void strings(JsonNode node, List<String> out, int depth) {
        if (depth > 8 || node == null) return;
        if (node.isString()) out.add(node.asString());
        else if (node.isObject()) for (var e : node.properties()) strings(e.getValue(), out, depth + 1);
        else if (node.isArray()) for (var e : node) strings(e, out, depth + 1);
    }

    private TsConfig tsconfig(String dir) {
        if (tsconfigs.containsKey(dir)) return tsconfigs.get(dir);
        TsConfig found = null;
        for (var name : List.of("tsconfig.json", "jsconfig.json")) {
            String path = dir.isEmpty() ? name : dir + "/" + name;
            var node = json(path);
            if (node != null) {
                found = load(path, node, 0);
                break;
            }
        }
        if (found == null && !dir.isEmpty()) found = tsconfig(dir(dir));
        tsconfigs.put(dir, found);
        return found;
    }

    private TsConfig load(String path, JsonNode node, int depth) {
        String dir = dir(path);
        TsConfig base = null;
        var ext = node.path("extends");
        if (ext.isString() && depth < 8 && (ext.asString().startsWith("./") || ext.asString().startsWith("../"))) {
            String parentPath = normalize((dir.isEmpty() ? "" : dir + "/") + ext.asString());
            if (parentPath != null && !parentPath.endsWith(".json")) parentPath = parentPath + ".json";
            var parent = parentPath == null ? null : json(parentPath);
            if (parent != null) base = load(parentPath, parent, depth + 1);
        }
        var options = node.path("compilerOptions");
        String baseUrl = base == null ? null : base.baseUrl();
        if (options.path("baseUrl").isString()) baseUrl = normalize((dir.isEmpty() ? "" : dir + "/") + options.path("baseUrl").asString());
        var paths = new java.util.LinkedHashMap<String, List<String>>(base == null ? Map.of() : base.paths());
        if (options.path("paths").isObject()) {
            paths.clear();
            String root = baseUrl != null ? baseUrl : dir;
            for (var e : options.path("paths").properties()) {
                var targets = new ArrayList<String>();
                for (var t : e.getValue()) if (t.isString()) targets.add(normalize((root == null || root.isEmpty() ? "" : root + "/") + t.asString()));
                paths.put(e.getKey(), targets);
            }
        }
        return new TsConfig(baseUrl, paths);
    }

    JsonNode json(String path) {
        String text = reader.readOptional(path);
        if (text == null) return null;
        try {
            return LENIENT.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Resolves '.' and '..'; null when the path leaves the project. */
    static String normalize(String path) {
        var parts = new ArrayList<String>();
        for (var p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
