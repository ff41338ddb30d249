package dev.luna.codebase.imports;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import dev.luna.codebase.endpoint.Paths;
import dev.luna.codebase.shape.Property;
import dev.luna.codebase.shape.Schema;
import dev.luna.codebase.shape.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Express and Fastify endpoints with mount prefixes composed across files, and Next.js API routes. */
final class JsEndpoints {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}*]+)(\\*?)}");
    private static final int MAX_PREFIXES = 8;

    private final Map<String, JsFile> files;
    private final Function<ImportEdge, ImportEdge> resolver;
    private final Map<String, Set<String>> prefixCache = new HashMap<>();
    private final List<Shape> shapes;

    JsEndpoints(Map<String, JsFile> files, Function<ImportEdge, ImportEdge> resolver, List<Shape> shapes) {
        this.files = files;
        this.resolver = resolver;
        this.shapes = shapes;
    }

    void express(List<Endpoint> out) {
        for (var f : files.values()) {
            boolean plugin = registeredAsPlugin(f.path());
            for (var r0 : f.routes()) {
                var r = plugin && r0.framework().equals("Express") ? new JsFile.Route("Fastify", r0.target(), r0.method(), r0.path(),
                        r0.handler(), r0.line(), r0.endLine(), r0.schema()) : r0;
                var local = localPrefixes(f, r.target());
                for (var pf : prefixes(f.path(), new HashSet<>())) {
                    for (var lp : local) {
                        String path = Paths.normalize(Paths.join(pf, lp, r.path()));
                        out.add(endpoint(r, f, path));
                    }
                }
            }
        }
    }

    private Endpoint endpoint(JsFile.Route r, JsFile f, String path) {
        var params = new ArrayList<Param>();
        Schema body = null;
        Schema response = null;
        var declared = new HashSet<String>();
        if (r.schema() != null) {
            addParams(r.schema().get("params"), "path", params, declared);
            addParams(r.schema().get("querystring") != null ? r.schema().get("querystring") : r.schema().get("query"), "query", params, declared);
            addParams(r.schema().get("headers"), "header", params, declared);
            body = schema(r.schema().get("body"), shapeName(r.method(), path, "Body"), f.path(), r.line());
            if (r.schema().get("response") instanceof Map<?, ?> resp) {
                Object ok = resp.get("200") != null ? resp.get("200") : resp.get("201") != null ? resp.get("201") : resp.get("2xx");
                response = schema(ok, shapeName(r.method(), path, "Response"), f.path(), r.line());
            }
        }
        var m = PATH_PARAM.matcher(path);
        while (m.find()) {
            if (declared.add("path:" + m.group(1))) params.add(new Param(m.group(1), "path", Schema.of("string", null, null), true, null));
        }
        String handler = f.path() + "#" + r.handler();
        return new Endpoint(r.method(), path, r.framework(), handler, f.path(), r.line(), r.endLine(), params, body, response, List.of(),
                List.of());
    }

    private void addParams(Object schema, String in, List<Param> params, Set<String> declared) {
        if (!(schema instanceof Map<?, ?> s) || !(s.get("properties") instanceof Map<?, ?> props)) return;
        var required = s.get("required") instanceof List<?> l ? l : List.of();
        for (var e : props.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!declared.add(in + ":" + name)) continue;
            params.add(new Param(name, in, scalar(e.getValue()), in.equals("path") || required.contains(name), def(e.getValue())));
        }
    }

    private static String def(Object prop) {
        return prop instanceof Map<?, ?> m && m.get("default") != null ? String.valueOf(m.get("default")) : null;
    }

    private static Schema scalar(Object prop) {
        if (!(prop instanceof Map<?, ?> m)) return Schema.any(null);
        String type = m.get("type") instanceof String s ? s : null;
        String format = m.get("format") instanceof String s ? s : null;
        if ("array".equals(type)) return Schema.array(scalar(m.get("items")), null);
        return new Schema(type, format, null, null, null, false, null);
    }

    /** A Fastify JSON schema: an inline object becomes a shape named after the route; a reference stays a name. */
    private Schema schema(Object value, String name, String file, int line) {
        if (value instanceof JsObjects.Ref ref) return Schema.any(ref.name());
        if (!(value instanceof Map<?, ?> m)) return null;
        if (!"object".equals(m.get("type")) || !(m.get("properties") instanceof Map<?, ?> props)) return scalar(m);
        var required = m.get("required") instanceof List<?> l ? l : List.of();
        var properties = new ArrayList<Property>();
        for (var e : props.entrySet()) {
            String prop = String.valueOf(e.getKey());
            properties.add(new Property(prop, scalar(e.getValue()), required.contains(prop), line));
        }
        shapes.add(new Shape(name, file + "#" + name, "ts", "schema", file, line, properties, List.of()));
        return Schema.ref(name, null);
    }

    static String shapeName(String method, String path, String suffix) {
        var sb = new StringBuilder(method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT));
        for (var part : path.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.append(suffix).toString();
    }

    /** Whether a Fastify {@code register} call mounts this file: its routes are Fastify routes. */
    private boolean registeredAsPlugin(String file) {
        for (var f : files.values()) {
            for (var m : f.mounts()) if (m.plugin() && file.equals(mountedFile(f, m))) return true;
        }
        return false;
    }

    /** Prefixes under which a file's routers are mounted ("" when it is not mounted anywhere). */
    private Set<String> prefixes(String file, Set<String> visiting) {
        var cached = prefixCache.get(file);
        if (cached != null) return cached;
        var out = new TreeSet<String>();
        if (!visiting.add(file) || visiting.size() > 8) return Set.of("");
        for (var f : files.values()) {
            for (var m : f.mounts()) {
                if (!file.equals(mountedFile(f, m)) || f.path().equals(file)) continue;
                for (var pf : prefixes(f.path(), visiting)) {
                    for (var lp : localPrefixes(f, m.on())) {
                        if (out.size() < MAX_PREFIXES) out.add(Paths.join(pf, lp, m.prefix()));
                    }
                }
            }
        }
        visiting.remove(file);
        if (out.isEmpty()) out.add("");
        prefixCache.put(file, out);
        return out;
    }

    /** Prefixes a router variable gets from mounts inside its own file ({@code app.use('/api', router)}). */
    private static List<String> localPrefixes(JsFile f, String var) {
        var out = new ArrayList<String>();
        for (var m : f.mounts()) {
            if (m.target().equals(var) && !f.bindings().containsKey(var)) out.add(m.prefix());
        }
        return out.isEmpty() ? List.of("") : out;
    }

    private String mountedFile(JsFile f, JsFile.Mount m) {
        String spec = null;
        if (m.target().startsWith("require:")) spec = m.target().substring(8);
        else if (f.bindings().containsKey(m.target())) spec = f.bindings().get(m.target()).specifier();
        if (spec == null) return null;
        return resolver.apply(new ImportEdge(f.path(), m.line(), "js", "import", spec, null, null)).target();
    }

    /** NestJS controller routes, under the application's one {@code setGlobalPrefix} when there is one. */
    void nest(List<Endpoint> out, Map<String, Boolean> knownShapes) {
        var globals = new TreeSet<String>();
        for (var f : files.values()) globals.addAll(f.globalPrefixes());
        String global = globals.size() == 1 ? globals.first() : "";
        for (var f : files.values()) {
            for (var r : f.nest()) {
                var params = new ArrayList<Param>();
                Schema body = null;
                for (var p : r.params()) {
                    var schema = p.type() == null ? Schema.any(null) : TsShapes.schema(p.type(), knownShapes, 0);
                    if (p.in().equals("body")) body = schema;
                    else if (p.name() == null && schema.ref() != null) params.add(new Param(schema.ref(), p.in(), schema, false, null));
                    else if (p.name() != null) params.add(new Param(p.name(), p.in(), schema, p.in().equals("path") || !p.optional(), null));
                }
                String path = Paths.normalize(Paths.join(global, r.path()));
                var m = PATH_PARAM.matcher(path);
                while (m.find()) {
                    String name = m.group(1);
                    if (params.stream().noneMatch(x -> x.in().equals("path") && x.name().equals(name))) {
                        params.add(new Param(name, "path", Schema.of("string", null, null), true, null));
                    }
                }
                String ret = r.returnType() == null ? null : r.returnType().replaceFirst("^Promise<(.*)>$", "$1").replaceFirst("^Observable<(.*)>$", "$1");
                var response = ret == null || ret.equals("void") ? null : TsShapes.schema(ret, knownShapes, 0);
                out.add(new Endpoint(r.method(), path, "NestJS", f.path() + "#" + r.handler(), f.path(), r.line(), r.endLine(), params, body,
                        response, List.of(), List.of()));
            }
        }
    }

    /** Next.js: {@code pages/api/**} handlers and {@code app/**}{@code /route.ts} exported method handlers. */
    void next(List<Endpoint> out) {
        for (var f : files.values()) {
            String route = nextRoute(f.path());
            if (route == null) continue;
            boolean app = f.path().matches("(.*/)?(src/)?app/.*") && f.path().matches(".*/route\\.(js|ts|mjs)$");
            List<String> methods;
            if (app) {
                methods = f.exports().stream().filter(e -> e.matches("GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS")).sorted().toList();
            } else {
                methods = f.methods().isEmpty() ? List.of("ANY") : new TreeSet<>(f.methods()).stream().toList();
            }
            for (var method : methods) {
                var params = new ArrayList<Param>();
                var m = PATH_PARAM.matcher(route);
                while (m.find()) params.add(new Param(m.group(1), "path", Schema.of("string", null, null), true, null));
                out.add(new Endpoint(method, route, "Next.js", f.path() + "#" + (app ? method : "default"), f.path(), 1, 1, params, null, null,
                        List.of(), List.of()));
            }
        }
    }

    /** The URL of a Next.js API file, or null when the file is not one. */
    static String nextRoute(String path) {
        var pages = Pattern.compile("^(?:.*/)?(?:src/)?pages/(api/.+)\\.(?:js|jsx|ts|tsx|mjs)$").matcher(path);
        if (pages.matches()) return Paths.normalize(pages.group(1).replaceFirst("(^|/)index$", ""));
        var app = Pattern.compile("^(?:.*/)?(?:src/)?app/(.*?)/?route\\.(?:js|ts|mjs)$").matcher(path);
        if (app.matches()) {
            var sb = new StringBuilder();
            for (var seg : app.group(1).split("/")) {
                if (seg.isEmpty() || seg.startsWith("(") && seg.endsWith(")") || seg.startsWith("@")) continue;
                if (seg.startsWith("_")) return null;
                sb.append('/').append(seg);
            }
            return Paths.normalize(sb.toString());
        }
        return null;
    }
}
