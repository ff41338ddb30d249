package dev.luna.codebase.endpoint;

import dev.luna.codebase.java.AnnotationUse;
import dev.luna.codebase.java.FunctionalRoute;
import dev.luna.codebase.java.MethodSymbol;
import dev.luna.codebase.java.TypeSymbol;
import dev.luna.codebase.shape.JavaSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spring MVC and WebFlux annotated controllers ({@code @RequestMapping} and its shortcuts), and functional routes. */
final class SpringEndpoints {
    private static final Map<String, String> SHORTCUTS = Map.of("GetMapping", "GET", "PostMapping", "POST", "PutMapping", "PUT",
            "DeleteMapping", "DELETE", "PatchMapping", "PATCH");
    private static final Set<String> CLIENTS = Set.of("FeignClient", "HttpExchange", "RegisterRestClient");

    private final JavaHandlers h;

    SpringEndpoints(JavaHandlers handlers) {
        this.h = handlers;
    }

    void find(List<TypeSymbol> types, boolean webflux, List<Endpoint> out) {
        String framework = webflux ? "Spring WebFlux" : "Spring MVC";
        for (var t : types) {
            boolean controller = t.annotation("RestController") != null || t.annotation("Controller") != null
                    || t.kind().equals("class") && t.annotation("RequestMapping") != null;
            if (!controller || t.annotations().stream().anyMatch(a -> CLIENTS.contains(a.name()))) continue;
            var classMapping = classMapping(t);
            List<String> prefixes = classMapping == null ? List.of("") : paths(classMapping);
            for (var d : h.methods(t)) {
                for (var a : d.method().annotations()) {
                    String method = SHORTCUTS.get(a.name());
                    if (method == null && !a.name().equals("RequestMapping")) continue;
                    List<String> methods = method != null ? List.of(method) : requestMethods(a, classMapping);
                    for (var prefix : prefixes) {
                        for (var path : paths(a)) {
                            for (var m : methods) out.add(endpoint(m, Paths.normalize(Paths.join(prefix, path)), framework, t, d, a, classMapping));
                        }
                    }
                }
            }
        }
    }

    private AnnotationUse classMapping(TypeSymbol t) {
        var own = t.annotation("RequestMapping");
        if (own != null) return own;
        for (var s : t.supertypes()) {
            var sup = h.names.find(s, t);
            if (sup != null && sup != t && sup.annotation("RequestMapping") != null) return sup.annotation("RequestMapping");
        }
        return null;
    }

    private static List<String> paths(AnnotationUse a) {
        var out = new ArrayList<String>(a.get("value"));
        out.addAll(a.get("path"));
        return out.isEmpty() ? List.of("") : out;
    }

    private static List<String> requestMethods(AnnotationUse a, AnnotationUse classMapping) {
        var raw = a.get("method");
        if (raw.isEmpty() && classMapping != null) raw = classMapping.get("method");
        if (raw.isEmpty()) return List.of("ANY");
        var out = new ArrayList<String>();
        for (var r : raw) out.add(r.substring(r.lastIndexOf('.') + 1));
        return out;
    }

    private Endpoint endpoint(String method, String path, String framework, TypeSymbol controller, JavaHandlers.Declared d,
                              AnnotationUse mapping, AnnotationUse classMapping) {
        MethodSymbol m = d.method();
        var params = new ArrayList<Param>();
        dev.luna.codebase.shape.Schema body = null;
        for (var p : m.parameters()) {
            if (JavaHandlers.frameworkType(p.type())) continue;
            var pv = p.annotation("PathVariable");
            var rp = p.annotation("RequestParam");
            var rh = p.annotation("RequestHeader");
            var cv = p.annotation("CookieValue");
            var rb = p.annotation("RequestBody");
            var part = p.annotation("RequestPart");
            if (rb != null) {
                body = h.schemas.schema(p.type(), d.owner());
                continue;
            }
            var a = pv != null ? pv : rp != null ? rp : rh != null ? rh : cv != null ? cv : part;
            String in = pv != null ? "path" : rp != null ? "query" : rh != null ? "header" : cv != null ? "cookie" : part != null ? "form" : null;
            if (a == null) {
                if (p.annotation("ModelAttribute") != null || !JavaSchemas.scalar(p.type()) || p.annotations().stream()
                        .anyMatch(x -> x.name().equals("AuthenticationPrincipal") || x.name().equals("Value"))) {
                    continue;
                }
                params.add(h.param(p.name(), "query", p, d.owner(), false, null));
                continue;
            }
            String name = a.first("value") != null ? a.first("value") : a.first("name") != null ? a.first("name") : p.name();
            if (in.equals("query") && JavaHandlers.simple(p.type()).endsWith("Map")) continue;
            String def = a.first("defaultValue");
            boolean required = in.equals("path") || !"false".equals(a.first("required"));
            params.add(h.param(name, in, p, d.owner(), required, def));
        }
        var consumes = new ArrayList<String>(mapping.get("consumes"));
        var produces = new ArrayList<String>(mapping.get("produces"));
        if (classMapping != null) {
            if (consumes.isEmpty()) consumes.addAll(classMapping.get("consumes"));
            if (produces.isEmpty()) produces.addAll(classMapping.get("produces"));
        }
        var response = h.schemas.schema(m.returnType(), d.owner());
        return new Endpoint(method, path, framework, JavaHandlers.handler(d.owner(), m), d.owner().file(), m.startLine(), m.endLine(),
                params, body, response, media(consumes), media(produces));
    }

    static List<String> media(List<String> raw) {
        var out = new ArrayList<String>();
        for (var r : raw) {
            String v = r;
            if (v.contains("MediaType.")) {
                v = v.substring(v.lastIndexOf('.') + 1).replace("_VALUE", "").replace("_TYPE", "").toLowerCase(java.util.Locale.ROOT);
                int us = v.indexOf('_');
                v = us < 0 ? v : v.substring(0, us) + "/" + v.substring(us + 1).replace('_', '-');
            }
            out.add(v);
        }
        return out;
    }

    void functional(List<FunctionalRoute> routes, List<Endpoint> out) {
        for (var r : routes) {
            out.add(new Endpoint(r.method(), Paths.normalize(r.path()), r.framework(), r.handler(), r.file(), r.line(), r.line(), List.of(),
                    null, null, List.of(), List.of()));
        }
    }
}
