package dev.luna.workers.swift.plan;

import java.util.List;

/**
 * One operation of the API as a method of the generated {@code APIClient}.
 *
 * @param function   the Swift method name
 * @param method     {@code GET}, {@code POST}…
 * @param path       the path with {@code {name}} parameters
 * @param params     path parameters first (in path order), then query parameters
 * @param bodyType   the Swift type of the JSON body, or null
 * @param returnType the Swift type of the decoded 2xx response, or null (nothing decoded)
 * @param summary    one line for the doc comment
 * @param location   where it was found ({@code file:line})
 */
public record Endpoint(String function, String method, String path, List<Param> params, String bodyType, String returnType, String summary,
                       String location) {
    public Endpoint {
        params = List.copyOf(params);
    }

    /**
     * A parameter of an endpoint.
     *
     * @param name     the Swift argument name
     * @param wire     the name in the path or query
     * @param type     {@code String}, {@code Int}, {@code Double} or {@code Bool}
     * @param inPath   true for path parameters (always required)
     * @param optional an optional query parameter
     */
    public record Param(String name, String wire, String type, boolean inPath, boolean optional) {
    }

    public List<Param> pathParams() {
        return params.stream().filter(Param::inPath).toList();
    }
}
