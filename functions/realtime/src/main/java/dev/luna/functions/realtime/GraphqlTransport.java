package dev.luna.functions.realtime;

import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL subscriptions on the API Gateway WebSocket API: the {@code graphql-transport-ws} protocol (the one
 * {@code graphql-ws} clients speak, and the local runtime's {@code /api/v1/graphql} socket) on connections that chose
 * that subprotocol at {@code $connect}. {@code connection_init} authenticates (its payload's {@code Authorization},
 * unless the upgrade carried credentials) and is answered {@code connection_ack}; {@code subscribe} is validated
 * against the GraphQL schema and stored with the connection, and its replayed events are posted as {@code next}
 * messages (a task's terminal status then {@code complete}s it); {@code complete} ends one; {@code ping} →
 * {@code pong}. Where the protocol closes the socket with a 44xx code, API Gateway can only close it
 * ({@code DeleteConnection}, no custom code): the reason is logged.
 */
final class GraphqlTransport {
    private static final Logger log = LoggerFactory.getLogger(GraphqlTransport.class);
    private final StreamAccess access;
    private final WsConnections connections;
    private final EventLog eventLog;
    private final ConnectionPoster poster;
    private final Clock clock;

    GraphqlTransport(StreamAccess access, WsConnections connections, EventLog eventLog, ConnectionPoster poster, Clock clock) {
        this.access = access;
        this.connections = connections;
        this.eventLog = eventLog;
        this.poster = poster;
        this.clock = clock;
    }

    /** Handles one message; answers the reply to send back (null: none). */
    String message(String connectionId, WsConnections.Connection connection, String body) {
        if (body.length() > WsRoutes.MAX_MESSAGE_CHARS) return close(connectionId, 4400, "Invalid message: over " + WsRoutes.MAX_MESSAGE_CHARS + " characters");
        JsonNode message;
        try {
            message = Json.tree(body);
        } catch (RuntimeException e) {
            return close(connectionId, 4400, "Invalid message: not JSON");
        }
        String type = message.path("type").isString() ? message.path("type").asString() : null;
        if (type == null) return close(connectionId, 4400, "Invalid message: a JSON object with a string 'type' is expected");
        return switch (type) {
            case "connection_init" -> init(connectionId, connection, message.path("payload"));
            case "ping" -> Json.write(Map.of("type", "pong"));
            case "pong" -> null;
            case "subscribe" -> subscribe(connectionId, connection, message);
            case "complete" -> {
                if (!message.path("id").isString()) yield close(connectionId, 4400, "Invalid complete message: an 'id' is expected");
                connections.unsubscribe(connectionId, message.path("id").asString());
                yield null;
            }
            default -> close(connectionId, 4400, "Invalid message type '" + Subscribe.abbreviate(type) + "'");
        };
    }

    private String init(String connectionId, WsConnections.Connection connection, JsonNode payload) {
        Principal caller = connection.caller();
        if (caller == null) {
            String authorization = payload.path("Authorization").isString() ? payload.path("Authorization").asString()
                    : payload.path("authorization").isString() ? payload.path("authorization").asString() : null;
            if (authorization == null) {
                return close(connectionId, 4403, "Forbidden: send credentials in connection_init's payload (Authorization) or the upgrade's header");
            }
            try {
                caller = access.authenticate(authorization, null);
            } catch (LunaException e) {
                return close(connectionId, 4403, "Forbidden: " + e.getMessage());
            }
        }
        if (!connections.initialise(connectionId, caller)) return close(connectionId, 4429, "Too many initialisation requests");
        return Json.write(Map.of("type", "connection_ack"));
    }

    private String subscribe(String connectionId, WsConnections.Connection connection, JsonNode message) {
        if (!connection.initialised() || connection.caller() == null) return close(connectionId, 4401, "Unauthorized");
        String id = message.path("id").isString() ? message.path("id").asString() : null;
        if (id == null || !Subscribe.isValidId(id) || !message.path("payload").isObject()) {
            return close(connectionId, 4400, "Invalid subscribe message: an 'id' (1 to 64 letters, digits or _.:-) and a payload with a 'query' string are expected");
        }
        var open = connections.subscriptions(connectionId);
        if (open.stream().anyMatch(s -> s.id().equals(id))) return close(connectionId, 4409, "Subscriber for " + Subscribe.abbreviate(id) + " already exists");
        try {
            if (open.size() >= 64) throw GraphqlSubscription.Refused.of("At most 64 subscriptions per connection");
            var parsed = GraphqlSubscription.parse(id, message.path("payload"));
            var request = parsed.request();
            var filter = access.filter(connection.caller(), request);
            var subscription = parsed.subscription();
            connections.subscribe(connectionId, id, filter, subscription, clock.instant());
            if (request.since() >= 0) {
                for (var e : eventLog.since(filter, request.since())) {
                    if (!poster.post(connectionId, subscription.next(id, e))) {
                        connections.close(connectionId);
                        return null;
                    }
                    if (subscription.completesAfter(e)) {
                        connections.unsubscribe(connectionId, id);
                        return GraphqlSubscription.complete(id);
                    }
                }
            }
            return null;
        } catch (GraphqlSubscription.Refused e) {
            return GraphqlSubscription.error(id, e.errors);
        } catch (LunaException e) {
            return GraphqlSubscription.error(id, List.of(Map.of("message", e.getMessage(), "extensions", Map.of("code", e.code().name()))));
        }
    }

    private String close(String connectionId, int code, String reason) {
        log.info("closing WebSocket connection {} ({} {}): API Gateway cannot send the code", connectionId, code, reason);
        connections.close(connectionId);
        poster.disconnect(connectionId);
        return null;
    }
}
