package dev.luna.functions.graphql;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.http.ApiRequest;
import dev.luna.http.ApiResult;
import dev.luna.http.RouteHandler;
import java.util.Map;

/**
 * The HTTP side of GraphQL: {@code POST /api/v1/graphql} takes {@code {query, operationName, variables, extensions}};
 * {@code GET /api/v1/graphql} runs a persisted query named by {@code id} or by Apollo's
 * {@code extensions={"persistedQuery":{"version":1,"sha256Hash":…}}}, with {@code variables} as JSON. A well-formed
 * request answers 200 with a GraphQL response ({@code data}, {@code errors}); bad HTTP input answers 4xx in the
 * platform's error envelope.
 */
final class GraphqlHandlers {
    record Body(String query, String operationName, Map<String, Object> variables, Map<String, Object> extensions) {
    }

    private final GraphqlEngine engine;
    private final PersistedQueries persisted;

    GraphqlHandlers(GraphqlEngine engine, PersistedQueries persisted) {
        this.engine = engine;
        this.persisted = persisted;
    }

    Map<String, RouteHandler> byBean() {
        return Map.of("graphql", this::post, "graphqlPersisted", this::get);
    }

    private ApiResult post(ApiRequest r) {
        var body = Json.readRequest(r.body(), Body.class);
        String document = body.query();
        if (document == null || document.isBlank()) {
            String hash = persistedHash(body.extensions());
            if (hash == null) throw new ValidationException("query", "is required: the GraphQL document to run");
            document = persistedDocument(hash);
        }
        return run(r, document, body.operationName(), body.variables());
    }

    private ApiResult get(ApiRequest r) {
        if (r.query("query").isPresent()) {
            throw new ValidationException("query", "GET runs persisted queries only (id or extensions.persistedQuery); POST other documents");
        }
        String hash = r.query("id").orElse(null);
        if (hash == null) hash = persistedHash(jsonParam(r, "extensions"));
        if (hash == null) throw new ValidationException("id", "is required: the SHA-256 of a persisted query");
        return run(r, persistedDocument(hash), r.query("operationName").orElse(null), jsonParam(r, "variables"));
    }

    private ApiResult run(ApiRequest r, String document, String operationName, Map<String, Object> variables) {
        var response = engine.execute(document, operationName, variables, r.principal(), r.requestId());
        return ApiResult.raw(200, "application/json", Json.write(response));
    }

    private String persistedDocument(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) throw new ValidationException("sha256Hash", "must be 64 lower-case hex digits");
        return persisted.byHash(hash).orElseThrow(() -> new LunaException(ErrorCode.NOT_FOUND,
                "Persisted query " + hash + " is not known; POST the document instead", Map.of("persistedQuery", "PersistedQueryNotFound"))).document();
    }

    @SuppressWarnings("unchecked")
    private static String persistedHash(Map<String, Object> extensions) {
        if (extensions == null || !(extensions.get("persistedQuery") instanceof Map<?, ?> pq)) return null;
        Object hash = ((Map<String, Object>) pq).get("sha256Hash");
        if (!(hash instanceof String s)) throw new ValidationException("extensions.persistedQuery.sha256Hash", "must be a string");
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonParam(ApiRequest r, String name) {
        var raw = r.query(name);
        if (raw.isEmpty()) return null;
        try {
            return Json.readRequest(raw.get(), Map.class);
        } catch (LunaException e) {
            throw new ValidationException(name, "must be a JSON object");
        }
    }
}
