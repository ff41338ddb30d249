package dev.luna.codebase.endpoint;

import dev.luna.codebase.shape.Schema;
import java.util.Comparator;
import java.util.List;

/**
 * One HTTP operation the project serves.
 *
 * @param method    {@code GET}, {@code POST}…, or {@code ANY} when the handler takes every method
 * @param path      normalised: leading '/', no trailing '/', parameters as {@code {name}}, catch-alls as
 *                  {@code {name*}}
 * @param framework {@code Spring MVC}, {@code Spring WebFlux}, {@code JAX-RS}, {@code Express}, {@code Fastify},
 *                  {@code Next.js}, {@code FastAPI}, {@code Flask}
 * @param handler   the handling symbol: {@code com.acme.UserController#get(long)}, {@code routes/users.js#getUser},
 *                  or {@code file#<anonymous>}
 * @param params    sorted by location ({@code in}) then name
 * @param request   the request body's type, or null
 * @param response  the response body's type ({@code ResponseEntity<T>}, {@code Mono<T>}… unwrapped), or null
 * @param consumes  declared request media types, sorted
 * @param produces  declared response media types, sorted
 */
public record Endpoint(String method, String path, String framework, String handler, String file, int startLine, int endLine,
                       List<Param> params, Schema request, Schema response, List<String> consumes, List<String> produces) {
    /** Endpoints sort by path, then method, then handler. */
    public static final Comparator<Endpoint> ORDER = Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method)
            .thenComparing(Endpoint::handler).thenComparing(Endpoint::file).thenComparingInt(Endpoint::startLine);

    public Endpoint {
        params = params.stream().sorted(Comparator.comparing(Param::in).thenComparing(Param::name)).toList();
        consumes = consumes.stream().sorted().distinct().toList();
        produces = produces.stream().sorted().distinct().toList();
    }
}
