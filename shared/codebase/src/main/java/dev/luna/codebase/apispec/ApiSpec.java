package dev.luna.codebase.apispec;

import java.util.List;
import java.util.Map;

/**
 * The HTTP API a project offers, as generators of API clients, GPT Actions and agent tools need it: read from an
 * OpenAPI/Swagger document found in the source (Swagger 2.0 converted to OpenAPI 3), else from the endpoints the code
 * declares with their DTO shapes. Built by {@link ApiSpecs#find}.
 *
 * @param source      {@code openapi} (a document in the source), {@code code} (extracted endpoints) or {@code none}
 * @param document    the document's path relative to the project root when {@code source} is {@code openapi}, else null
 * @param title       the API's title (the document's {@code info.title}, else derived from the project)
 * @param version     the API's version ({@code info.version}), or {@code 1.0.0}
 * @param description the API's description, or an empty string
 * @param operations  every operation, sorted by path then method
 * @param schemas     named JSON Schemas referenced as {@code #/components/schemas/<name>}, sorted by name
 * @param notes       what was skipped or could not be read, for the reader of the result
 */
public record ApiSpec(String source, String document, String title, String version, String description, List<ApiOperation> operations,
                      Map<String, Map<String, Object>> schemas, List<String> notes) {
    public static final String OPENAPI = "openapi";
    public static final String CODE = "code";
    public static final String NONE = "none";

    public ApiSpec {
        operations = operations.stream().sorted(ApiOperation.ORDER).toList();
        schemas = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(schemas));
        notes = List.copyOf(notes);
    }

    /** True when no operation was found. */
    public boolean empty() {
        return operations.isEmpty();
    }
}
