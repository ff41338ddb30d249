package dev.luna.functions.graphql;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.http.ApiResult;
import dev.luna.http.InProcessFunctions;
import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a GraphQL field reaches the platform: it runs the REST function of the same operation, in-process, for the
 * caller of the GraphQL request ({@link InProcessFunctions}: the catalog's scopes, roles and project isolation), and
 * hands its {@code data} on as plain JSON values, so GraphQL and REST show the same fields with the same wire values.
 */
final class RestCalls {
    static final String PRINCIPAL = "luna.principal";
    static final String REQUEST_ID = "luna.requestId";

    private final InProcessFunctions functions;

    RestCalls(InProcessFunctions functions) {
        this.functions = functions;
    }

    /** The function's {@code data}, as JSON values (maps, lists, strings, numbers, booleans). */
    Object data(GraphQLContext context, String function, Map<String, String> path, Map<String, String> query, Object body) {
        return plain(call(context, function, path, query, body).data());
    }

    /** Like {@link #data}, but null when the resource does not exist for the caller (404). */
    Object dataOrNull(GraphQLContext context, String function, Map<String, String> path) {
        try {
            return data(context, function, path, null, null);
        } catch (LunaException e) {
            if (e.code() == ErrorCode.NOT_FOUND) return null;
            throw e;
        }
    }

    /** A page of a list function as a connection: {@code nodes} and {@code pageInfo}. */
    Map<String, Object> connection(GraphQLContext context, String function, Map<String, String> path, Map<String, String> query) {
        var result = call(context, function, path, query, null);
        var connection = new LinkedHashMap<String, Object>();
        Object nodes = plain(result.data());
        connection.put("nodes", nodes == null ? List.of() : nodes);
        var pageInfo = new LinkedHashMap<String, Object>();
        pageInfo.put("endCursor", result.nextCursor());
        pageInfo.put("hasNextPage", result.nextCursor() != null);
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    private ApiResult call(GraphQLContext context, String function, Map<String, String> path, Map<String, String> query, Object body) {
        Principal principal = context.get(PRINCIPAL);
        String requestId = context.get(REQUEST_ID);
        return functions.call(function, principal, path, query, body == null ? null : Json.write(body), requestId);
    }

    private static Object plain(Object data) {
        return data == null ? null : Json.mapper().readValue(Json.write(data), Object.class);
    }
}
