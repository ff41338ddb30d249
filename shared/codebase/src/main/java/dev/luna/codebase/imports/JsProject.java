package dev.luna.codebase.imports;

import dev.luna.codebase.EntryPoint;
import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.manifest.Manifest;
import dev.luna.codebase.shape.Shape;
import dev.luna.codebase.source.SourceReader;
import dev.luna.codebase.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** JavaScript and TypeScript: per-file facts on accept, then imports resolved, endpoints, shapes and entry points. */
final class JsProject {
    static final Set<String> EXTENSIONS = Set.of("js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts");
    private static final Pattern CONFIG = Pattern.compile("(^|/)(\\.?[a-z-]+\\.config|\\.eslintrc|babel\\.config|app\\.config|middleware"
            + "|instrumentation|metro\\.config|\\.prettierrc|jest\\.setup|vitest\\.setup|setupTests)\\.[cm]?[jt]sx?$");
    private static final Pattern TEST = Pattern.compile("(\\.(test|spec|e2e)\\.[cm]?[jt]sx?$)|(^|/)__tests__/|(^|/)(e2e|cypress)/");
    private static final Pattern SCRIPT_FILE = Pattern.compile("[\\w./@-]+\\.[cm]?[jt]sx?");
    private static final Set<String> NEXT_FILES = Set.of("page", "layout", "route", "loading", "error", "not-found", "template", "default",
            "global-error", "opengraph-image", "sitemap", "robots", "icon");

    private final Map<String, JsFile> files = new LinkedHashMap<>();

    static boolean wants(String path) {
        int dot = path.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(path.substring(dot + 1)) && !path.endsWith(".min.js");
    }

    void accept(SourceText text) {
        var tokens = JsLexer.tokens(text.text());
        var file = JsFile.empty(text.path());
        JsScanner.scan(tokens, file);
        boolean server = file.bindings().values().stream().anyMatch(b -> b.specifier().equals("express") || b.specifier().equals("fastify")
                || b.specifier().equals("router") || b.specifier().equals("koa-router") || b.specifier().equals("@koa/router"));
        JsRoutes.scan(tokens, file, server);
        if (text.path().matches(".*\\.(ts|tsx|mts|cts)$")) TsShapes.scan(tokens, file.shapes());
        if (file.bindings().values().stream().anyMatch(b -> b.specifier().equals("@nestjs/common"))) NestRoutes.scan(tokens, file.nest());
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).is("setGlobalPrefix") && tokens.get(i + 1).is("(") && tokens.get(i + 2).isString()) {
                file.globalPrefixes().add(tokens.get(i + 2).text());
            }
        }
        files.put(text.path(), file);
    }

    ScriptAnalyzers.Result finish(List<String> allFiles, SourceReader reader, List<Manifest> manifests) {
        var fileSet = new HashSet<>(allFiles);
        var packageDirs = new HashMap<String, String>();
        var deps = new HashSet<String>();
        for (var m : manifests) {
            if (!m.kind().equals("package.json")) continue;
            String dir = JsResolver.dir(m.path());
            if (m.name() != null) packageDirs.putIfAbsent(m.name(), dir);
            m.dependencies().forEach(d -> deps.add(d.name()));
        }
        var resolver = new JsResolver(fileSet, reader, packageDirs);
        var imports = new ArrayList<ImportEdge>();
        for (var f : files.values()) for (var e : f.imports()) imports.add(resolver.resolve(e));
        var shapes = new ArrayList<Shape>();
        var endpoints = new ArrayList<Endpoint>();
        var routes = new JsEndpoints(files, resolver::resolve, shapes);
        routes.express(endpoints);
        routes.next(endpoints);
        var known = new HashMap<String, Boolean>();
        for (var f : files.values()) for (var s : f.shapes()) known.put(s.name(), true);
        routes.nest(endpoints, known);
        var seen = new HashSet<String>();
        for (var f : files.values()) {
            for (var s : f.shapes()) if (seen.add(s.name())) shapes.add(TsShapes.shape(f.path(), s, known));
        }
        var entryPoints = new ArrayList<EntryPoint>();
        packageEntryPoints(manifests, resolver, entryPoints);
        fileEntryPoints(allFiles, deps, entryPoints);
        return new ScriptAnalyzers.Result(imports, endpoints, shapes, entryPoints);
    }

    private static void packageEntryPoints(List<Manifest> manifests, JsResolver resolver, List<EntryPoint> out) {
        for (var m : manifests) {
            if (!m.kind().equals("package.json")) continue;
            var pj = resolver.json(m.path());
            if (pj == null) continue;
            String dir = JsResolver.dir(m.path());
            String prefix = dir.isEmpty() ? "" : dir + "/";
            for (var field : List.of("main", "module", "browser", "source")) {
                if (pj.path(field).isString()) add(resolver, prefix + pj.path(field).asString(), "package-main", m.path(), field, out);
            }
            var bins = new ArrayList<String>();
            JsResolver.strings(pj.path("bin"), bins, 0);
            for (var b : bins) add(resolver, prefix + b, "package-bin", m.path(), "bin", out);
            var exports = new ArrayList<String>();
            JsResolver.strings(pj.path("exports"), exports, 0);
            for (var e : exports) add(resolver, prefix + e, "package-exports", m.path(), "exports", out);
            for (var s : pj.path("scripts").properties()) {
                if (!s.getValue().isString()) continue;
                var matcher = SCRIPT_FILE.matcher(s.getValue().asString());
                while (matcher.find()) add(resolver, prefix + matcher.group(), "script", m.path(), "scripts." + s.getKey(), out);
            }
        }
    }

    private static void add(JsResolver resolver, String path, String kind, String manifest, String detail, List<EntryPoint> out) {
        String normalized = JsResolver.normalize(path);
        String file = normalized == null ? null : resolver.file(normalized);
        if (file != null) out.add(new EntryPoint(kind, file, manifest, 0, detail));
    }

    private static void fileEntryPoints(List<String> allFiles, Set<String> deps, List<EntryPoint> out) {
        boolean next = deps.contains("next");
        boolean expoRouter = deps.contains("expo-router");
        for (var f : allFiles) {
            if (!wants(f) && !f.endsWith(".vue")) continue;
            String name = f.substring(f.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
            if (TEST.matcher(f).find()) out.add(new EntryPoint("test", f, f, 0, "test file"));
            else if (CONFIG.matcher(f).find()) out.add(new EntryPoint("config", f, f, 0, "tool configuration"));
            if (next && f.matches("^(?:.*/)?(?:src/)?pages/.+") && !f.contains("/api/") ) out.add(new EntryPoint("next-page", f, f, 0, "pages/"));
            if (next && f.matches("^(?:.*/)?(?:src/)?pages/api/.+")) out.add(new EntryPoint("next-route", f, f, 0, "pages/api/"));
            if (next && f.matches("^(?:.*/)?(?:src/)?app/.+") && NEXT_FILES.contains(name)) out.add(new EntryPoint("next-route", f, f, 0, "app/ " + name));
            if (expoRouter && f.matches("^(?:.*/)?(?:src/)?app/.+")) out.add(new EntryPoint("expo-route", f, f, 0, "app/"));
        }
    }
}
