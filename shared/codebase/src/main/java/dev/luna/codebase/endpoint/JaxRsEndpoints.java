package dev.luna.codebase.endpoint;

import dev.luna.codebase.java.AnnotationUse;
import dev.luna.codebase.java.TypeSymbol;
import dev.luna.codebase.shape.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * JAX-RS resources (Jakarta and javax): {@code @Path} on class and method, HTTP method annotations, parameters,
 * {@code @Consumes}/{@code @Produces}, simple sub-resource locators (a {@code @Path} method without an HTTP method
 * whose declared return type is a project type), and one {@code @ApplicationPath} as a prefix.
 */
final class JaxRsEndpoints {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Set<String> CLIENTS = Set.of("RegisterRestClient", "FeignClient");
    private static final int MAX_LOCATOR_DEPTH = 6;
    private static final int MAX_ENDPOINTS = 20_000;

    private final JavaHandlers h;

    JaxRsEndpoints(JavaHandlers handlers) {
        this.h = handlers;
    }

    void find(List<TypeSymbol> types, List<Endpoint> out) {
        String appPath = "";
        for (var t : types) {
            var ap = t.annotation("ApplicationPath");
            if (ap != null && ap.first("value") != null) appPath = ap.first("value");
        }
        for (var t : types) {
            var path = t.annotation("Path");
            if (path == null || !jaxrs(path) || t.annotations().stream().anyMatch(a -> CLIENTS.contains(a.name()))) continue;
            if (t.kind().equals("interface") && hasImplementation(t, types)) continue;
            resource(t, Paths.join(appPath, path.first("value")), out, new HashSet<>(), 0);
        }
    }

    private static boolean jaxrs(AnnotationUse a) {
        return a.type().equals("Path") || a.type().startsWith("jakarta.ws.rs") || a.type().startsWith("javax.ws.rs");
    }

    private boolean hasImplementation(TypeSymbol iface, List<TypeSymbol> types) {
        for (var t : types) {
            if (t.annotation("Path") == null) continue;
            for (var s : t.supertypes()) if (h.names.find(s, t) == iface) return true;
        }
        return false;
    }

    private void resource(TypeSymbol t, String prefix, List<Endpoint> out, Set<String> visiting, int depth) {
        if (depth > MAX_LOCATOR_DEPTH || !visiting.add(t.fqn()) || out.size() > MAX_ENDPOINTS) return;
        var classConsumes = t.annotation("Consumes");
        var classProduces = t.annotation("Produces");
        for (var d : h.methods(t)) {
            var m = d.method();
            if (m.constructor() || m.modifiers().contains("static") || m.modifiers().contains("private")) continue;
            String httpMethod = null;
            for (var name : METHODS) {
                if (h.inherited(d.owner(), m, name, 0) != null) {
                    httpMethod = name;
                    break;
                }
            }
            var sub = h.inherited(d.owner(), m, "Path", 0);
            String path = Paths.join(prefix, sub == null ? null : sub.first("value"));
            if (httpMethod != null) {
                out.add(endpoint(httpMethod, Paths.normalize(path), d, orClass(h.inherited(d.owner(), m, "Consumes", 0), classConsumes),
                        orClass(h.inherited(d.owner(), m, "Produces", 0), classProduces)));
            } else if (sub != null) {
                var target = h.names.find(m.returnType(), d.owner());
                if (target != null) resource(target, path, out, visiting, depth + 1);
            }
        }
        visiting.remove(t.fqn());
    }

    private static AnnotationUse orClass(AnnotationUse method, AnnotationUse type) {
        return method != null ? method : type;
    }

    private Endpoint endpoint(String method, String path, JavaHandlers.Declared d, AnnotationUse consumes, AnnotationUse produces) {
        var m = d.method();
        var params = new ArrayList<Param>();
        Schema body = null;
        for (var p : m.parameters()) {
            if (p.annotation("Context") != null || p.annotation("Suspended") != null || p.annotation("BeanParam") != null
                    || JavaHandlers.frameworkType(p.type())) {
                continue;
            }
            var def = p.annotation("DefaultValue");
            String defaultValue = def == null ? null : def.first("value");
            String in = null;
            AnnotationUse a = null;
            for (var kind : List.of("PathParam", "QueryParam", "HeaderParam", "CookieParam", "FormParam", "RestPath", "RestQuery",
                    "RestHeader", "RestCookie", "RestForm")) {
                a = p.annotation(kind);
                if (a != null) {
                    in = switch (kind) {
                        case "PathParam", "RestPath" -> "path";
                        case "QueryParam", "RestQuery" -> "query";
                        case "HeaderParam", "RestHeader" -> "header";
                        case "CookieParam", "RestCookie" -> "cookie";
                        default -> "form";
                    };
                    break;
                }
            }
            if (in == null) {
                if (p.annotation("MatrixParam") == null && !method.equals("GET") && !method.equals("DELETE")) body = h.schemas.schema(p.type(), d.owner());
                continue;
            }
            String name = a.first("value") != null ? a.first("value") : p.name();
            params.add(h.param(name, in, p, d.owner(), in.equals("path"), defaultValue));
        }
        var response = h.schemas.schema(m.returnType(), d.owner());
        return new Endpoint(method, path, "JAX-RS", JavaHandlers.handler(d.owner(), m), d.owner().file(), m.startLine(), m.endLine(),
                params, body, response, media(consumes), media(produces));
    }

    private static List<String> media(AnnotationUse a) {
        if (a == null) return List.of();
        var out = new ArrayList<String>();
        for (var v : a.get("value")) for (var part : v.split(",")) out.add(part.trim());
        return SpringEndpoints.media(out);
    }
}
