package dev.luna.workers.expoapp.plan;

import java.util.List;

/**
 * One function of the generated API client.
 *
 * @param name         camelCase, unique
 * @param method       HTTP method, upper case
 * @param path         the path template with {@code {param}} placeholders, as a TS string literal
 * @param rawPath      the path template as text
 * @param pathParams   TS members of the {@code path} argument ({@code name: string | number}), empty when none
 * @param queryParams  TS members of the {@code query} argument, empty when none
 * @param pathRequired whether the args object is required
 * @param bodyType     the request body's TS type, or null
 * @param responseType the response's TS type ({@code void} when none)
 * @param doc          one comment line
 * @param samplePath   a sample {@code path} argument for the client's tests, or null
 * @param sampleUrl    the URL the sample call must hit
 */
public record ClientCall(String name, String method, String path, String rawPath, List<String> pathParams, List<String> queryParams,
                         boolean pathRequired, String bodyType, String responseType, String doc, String samplePath, String sampleUrl) {
    public boolean hasPath() {
        return !pathParams.isEmpty();
    }

    public boolean hasQuery() {
        return !queryParams.isEmpty();
    }

    public boolean hasBody() {
        return bodyType != null;
    }

    /** The TS parameter list of the client function. */
    public String parameters() {
        var members = new java.util.ArrayList<String>();
        if (hasPath()) members.add("path: { " + String.join("; ", pathParams) + " }");
        if (hasQuery()) members.add((queryParams.stream().allMatch(q -> q.contains("?:")) ? "query?: { " : "query: { ") + String.join("; ", queryParams) + " }");
        if (hasBody()) members.add("body: " + bodyType);
        if (members.isEmpty()) return "";
        return "args: { " + String.join("; ", members) + " }" + (argsOptional() ? " = {}" : "");
    }

    /** The TS expression that performs the call. */
    public String invocation() {
        var options = new java.util.ArrayList<String>();
        if (hasQuery()) options.add("query: args.query");
        if (hasBody()) options.add("body: args.body");
        return "request<" + responseType + ">(config, '" + method + "', buildPath(" + path + (hasPath() ? ", args.path" : "") + ")"
                + (options.isEmpty() ? "" : ", { " + String.join(", ", options) + " }") + ")";
    }

    /** The sample arguments of the client's test call, or null when the test cannot build them. */
    public String sampleArgs() {
        var parts = new java.util.ArrayList<String>();
        if (hasPath()) parts.add("path: " + samplePath);
        if (hasBody()) parts.add("body: JSON.parse('{}') as " + bodyType);
        return parts.isEmpty() ? "" : "{ " + String.join(", ", parts) + " }";
    }

    public boolean testable() {
        return sampleUrl != null && (!hasQuery() || queryParams.stream().allMatch(q -> q.contains("?:")));
    }

    /** Whether the whole args object may be omitted. */
    public boolean argsOptional() {
        return !pathRequired && bodyType == null;
    }
}
