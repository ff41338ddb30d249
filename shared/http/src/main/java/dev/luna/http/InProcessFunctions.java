package dev.luna.http;

import dev.luna.catalog.Access;
import dev.luna.catalog.Catalog;
import dev.luna.core.ErrorCode;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.core.ProjectRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The context's HTTP functions by catalog name, callable in-process by another API surface (GraphQL) for a caller
 * the outer request already authenticated: each call checks the function's catalog scopes and builds the same
 * {@link Access} (scopes, minimum role, project membership) as {@link HttpFunction} does, then runs the function's
 * own handler. So a second API can never drift from REST's domain services, permissions or project isolation.
 * Rate limits, idempotency and the audit entry belong to the outer request. One per application context.
 */
public final class InProcessFunctions {
    public static final String BEAN = "lunaInProcessFunctions";

    private record Registered(Catalog.FunctionSpec spec, RouteHandler handler, ProjectRole minimumRole, Platform platform) {
    }

    private final Map<String, Registered> byName = new ConcurrentHashMap<>();
    private final Set<String> modules = ConcurrentHashMap.newKeySet();

    public static InProcessFunctions of(GenericApplicationContext context) {
        var factory = context.getBeanFactory();
        synchronized (factory) {
            if (factory.containsSingleton(BEAN)) return (InProcessFunctions) factory.getSingleton(BEAN);
            var registry = new InProcessFunctions();
            factory.registerSingleton(BEAN, registry);
            return registry;
        }
    }

    void add(String module, Catalog.FunctionSpec spec, RouteHandler handler, Platform platform) {
        var role = spec.minimumRole() == null ? null : ProjectRole.fromWire(spec.minimumRole());
        byName.put(spec.name(), new Registered(spec, handler, role, platform));
        modules.add(module);
    }

    /** Whether a module's HTTP functions are registered in this context. */
    public boolean hasModule(String module) {
        return modules.contains(module);
    }

    /**
     * Runs catalog function {@code function} for {@code principal}: path parameters fill the catalog path, query
     * parameters become its query string (null values are left out), {@code body} its JSON body (may be null).
     * Throws what the handler throws ({@code LunaException} with the REST error code).
     */
    public ApiResult call(String function, Principal principal, Map<String, String> pathParameters, Map<String, String> query,
                          String body, String requestId) {
        var registered = byName.get(function);
        if (registered == null) throw new IllegalStateException("function '" + function + "' is not registered in this context");
        var spec = registered.spec();
        Scopes.require(spec, principal);
        var params = pathParameters == null ? Map.<String, String>of() : pathParameters;
        var queryParams = query == null ? Map.<String, String>of() : query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, java.util.TreeMap::new));
        String path = spec.trigger().path();
        for (var e : params.entrySet()) path = path.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        String rawQuery = queryParams.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var headers = body == null ? Map.<String, String>of() : Map.of("Content-Type", "application/json");
        var access = new Access(principal, spec.scopes(), registered.minimumRole(), registered.platform().identity().projects());
        var request = new ApiRequest(spec.trigger().method(), path, rawQuery, params, queryParams, headers, body, requestId, principal,
                access, "in-process");
        var result = registered.handler().handle(request);
        if (result == null) throw new LunaException(ErrorCode.INTERNAL, "function '" + function + "' answered nothing");
        return result;
    }

    /** The catalog's scope check, shared by the HTTP pipeline and in-process calls. */
    static final class Scopes {
        private Scopes() {
        }

        static void require(Catalog.FunctionSpec spec, Principal principal) {
            for (String scope : spec.scopes()) {
                if (!principal.has(scope)) {
                    throw new LunaException(ErrorCode.FORBIDDEN, "This operation needs the scope '" + scope + "'",
                            Map.of("requiredScopes", spec.scopes()));
                }
            }
        }
    }
}
