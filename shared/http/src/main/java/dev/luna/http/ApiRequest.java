package dev.luna.http;

import dev.luna.catalog.Access;
import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.core.ValidationException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a handler sees of an HTTP request: path and query parameters, headers (case-insensitive), the decoded
 * body, the authenticated caller and the request id. Built by {@link HttpFunction} from an API Gateway v2 event.
 */
public final class ApiRequest {
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final String body;
    private final String requestId;
    private final Principal principal;
    private final Access access;
    private final String sourceIp;

    ApiRequest(String method, String path, String rawQuery, Map<String, String> pathParameters, Map<String, String> query,
               Map<String, String> headers, String body, String requestId, Principal principal, Access access, String sourceIp) {
        this.access = access;
        this.sourceIp = sourceIp;
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.pathParameters = pathParameters == null ? Map.of() : pathParameters;
        this.query = query == null ? Map.of() : query;
        var h = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) h.putAll(headers);
        this.headers = h;
        this.body = body;
        this.requestId = requestId;
        this.principal = principal;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public String requestId() {
        return requestId;
    }

    public Principal principal() {
        return principal;
    }

    /** Project-level authorization of this request (see {@link Access}). */
    public Access access() {
        return access;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    public String body() {
        return body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String pathParam(String name) {
        String v = pathParameters.get(name);
        if (v == null || v.isBlank()) throw new ValidationException(name, "is required in the path");
        return v;
    }

    public Optional<String> query(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public Map<String, String> queryParameters() {
        return query;
    }

    /** Parses the JSON body strictly into {@code type}. */
    public <T> T bodyAs(Class<T> type) {
        return Json.readRequest(body, type);
    }

    /** The JSON body, or null when there is none (for operations whose body is optional). */
    public <T> T optionalBodyAs(Class<T> type) {
        return body == null || body.isBlank() ? null : Json.readRequest(body, type);
    }

    /** An integer query parameter within bounds, or the default. */
    public int intQuery(String name, int defaultValue, int min, int max) {
        var v = query(name);
        if (v.isEmpty()) return defaultValue;
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) throw new ValidationException(name, "must be between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be an integer between " + min + " and " + max);
        }
    }

    /**
     * The revision named by {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}), if the header is present.
     */
    public Optional<Long> ifMatchRevision() {
        var h = header("If-Match");
        if (h.isEmpty()) return Optional.empty();
        String v = h.get().trim();
        if (v.startsWith("W/")) v = v.substring(2);
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new LunaException(ErrorCode.PRECONDITION_FAILED,
                    "If-Match must be the ETag of the resource as returned (e.g. \"3\"); got " + h.get());
        }
    }
}
