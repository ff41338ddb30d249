package dev.luna.functions.graphql;

import dev.luna.core.Principal;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Runs GraphQL documents for an authenticated caller, for transports other than the HTTP functions (the local
 * runtime's {@code graphql-transport-ws} WebSocket): a query or mutation gives one response, a subscription a stream
 * of them. Registered in the functions' context as {@link #BEAN}.
 */
public final class GraphqlExecutor {
    public static final String BEAN = "lunaGraphqlExecutor";

    /** What a document gave: one response, or (a subscription) responses as events arrive. */
    public sealed interface Result {
        /** A GraphQL response ({@code data}, {@code errors}), e.g. the errors of a refused subscription. */
        record Single(Map<String, Object> response) implements Result {
        }

        /** The responses of a subscription, one per event; cancelling the subscription stops them. */
        record Stream(Publisher<Map<String, Object>> responses) implements Result {
        }
    }

    private final GraphqlEngine engine;

    GraphqlExecutor(GraphqlEngine engine) {
        this.engine = engine;
    }

    public Result execute(String document, String operationName, Map<String, Object> variables, Principal caller, String requestId) {
        return engine.open(document, operationName, variables, caller, requestId);
    }
}
