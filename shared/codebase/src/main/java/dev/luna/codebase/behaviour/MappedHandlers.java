package dev.luna.codebase.behaviour;

import dev.luna.codebase.endpoint.Endpoint;
import dev.luna.codebase.endpoint.Param;
import dev.luna.codebase.endpoint.Paths;
import dev.luna.codebase.java.AnnotationUse;
import dev.luna.codebase.java.JavaModel;
import dev.luna.codebase.java.MethodSymbol;
import dev.luna.codebase.java.TypeSymbol;
import dev.luna.codebase.shape.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring handler methods the model's endpoints do not hold because their class is registered some other way: a
 * project stereotype that is not meta-annotated with {@code @Controller} (Spring Boot Admin's {@code @AdminController},
 * picked up by its own {@code HandlerMapping}). A class counts when it is annotated and its methods carry mapping
 * annotations; paths and parameters come from the annotations, types as written.
 */
public final class MappedHandlers {
    private static final Map<String, String> SHORTCUTS = Map.of("GetMapping", "GET", "PostMapping", "POST", "PutMapping", "PUT",
            "DeleteMapping", "DELETE", "PatchMapping", "PATCH");
    private static final Set<String> CLIENTS = Set.of("FeignClient", "HttpExchange", "RegisterRestClient");

    private MappedHandlers() {
    }

    /** Endpoints of mapped methods whose handlers {@code known} does not already have, sorted by {@link Endpoint#ORDER}. */
    public static List<Endpoint> find(JavaModel java, List<Endpoint> known) {
        Set<String> handlers = new HashSet<>();
        for (var e : known) handlers.add(e.handler());
        var out = new ArrayList<Endpoint>();
        for (var t : java.types()) {
            if (!t.kind().equals("class") || t.annotations().isEmpty() || t.annotations().stream().anyMatch(a -> CLIENTS.contains(a.name()))) continue;
            var classMapping = t.annotation("RequestMapping");
            List<String> prefixes = classMapping == null ? List.of("") : paths(classMapping);
            for (var m : t.methods()) {
                if (handlers.contains(t.fqn() + "#" + m.signature())) continue;
                for (var a : m.annotations()) {
                    String method = SHORTCUTS.get(a.name());
                    if (method == null && !a.name().equals("RequestMapping")) continue;
                    for (String prefix : prefixes) {
                        for (String path : paths(a)) out.add(endpoint(method == null ? "ANY" : method, Paths.normalize(Paths.join(prefix, path)), t, m));
                    }
                }
            }
        }
        out.sort(Endpoint.ORDER);
        var distinct = new ArrayList<Endpoint>();
        for (var e : out) if (distinct.isEmpty() || !distinct.getLast().equals(e)) distinct.add(e);
        return distinct;
    }

    private static Endpoint endpoint(String method, String path, TypeSymbol t, MethodSymbol m) {
        var params = new ArrayList<Param>();
        Schema request = null;
        for (var p : m.parameters()) {
            for (var a : p.annotations()) {
                String in = switch (a.name()) {
                    case "PathVariable" -> "path";
                    case "RequestParam" -> "query";
                    case "RequestHeader" -> "header";
                    case "CookieValue" -> "cookie";
                    default -> null;
                };
                if (a.name().equals("RequestBody")) request = Schema.any(p.type());
                if (in == null) continue;
                String name = first(a, p.name(), "value", "name");
                boolean required = in.equals("path") || !"false".equals(a.first("required")) && a.first("defaultValue") == null;
                params.add(new Param(name, in, Schema.any(p.type()), required, null));
            }
        }
        String returns = m.returnType().replaceAll("^(ResponseEntity|Mono|Flux|Optional|CompletableFuture)<(.*)>$", "$2");
        Schema response = returns.equals("void") || returns.equals("Void") ? null : Schema.any(returns);
        return new Endpoint(method, path, "Spring MVC", t.fqn() + "#" + m.signature(), t.file(), m.startLine(), m.endLine(), params, request,
                response, List.of(), List.of());
    }

    private static List<String> paths(AnnotationUse a) {
        var out = new ArrayList<String>(a.get("value"));
        out.addAll(a.get("path"));
        return out.isEmpty() ? List.of("") : out;
    }

    private static String first(AnnotationUse a, String fallback, String... attributes) {
        for (String at : attributes) if (a.first(at) != null && !a.first(at).isBlank()) return a.first(at);
        return fallback;
    }
}
