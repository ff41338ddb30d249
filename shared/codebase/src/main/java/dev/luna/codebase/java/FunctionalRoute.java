package dev.luna.codebase.java;

/**
 * A route of Spring's functional endpoints ({@code RouterFunctions.route().GET("/x", handler)},
 * {@code route(GET("/x"), handler)}), with literal paths only.
 *
 * @param framework {@code Spring WebFlux} or {@code Spring MVC}
 * @param handler   the handler expression as written ({@code userHandler::get})
 */
public record FunctionalRoute(String method, String path, String framework, String handler, String file, int line) {
}
