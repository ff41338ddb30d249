package dev.luna.functions.realtime;

import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The three routes of the API Gateway WebSocket API (events of the {@code APIGatewayV2WebSocketEvent} shape):
 * {@code $connect} authenticates (a refusal answers the handshake with 401/403/404, API Gateway's way of closing),
 * {@code $disconnect} forgets the connection, {@code $default} takes the protocol's messages — the same ones as the
 * local runtime's {@code /api/v1/ws}. Replies go back as the route's response; a subscription's acknowledgement and
 * replayed events are posted in order. In AWS delivery is at least once: a client drops a {@code seq} it has seen.
 * Each message reads its connection item once (its subprotocol and caller), and passes it on.
 */
final class WsRoutes {
    /** The largest message accepted (API Gateway's own frame limit is 32 KB). */
    static final int MAX_MESSAGE_CHARS = 16 * 1024;

    private final StreamAccess access;
    private final WsConnections connections;
    private final EventLog eventLog;
    private final ConnectionPoster poster;
    private final Clock clock;
    private final GraphqlTransport graphql;

    WsRoutes(StreamAccess access, WsConnections connections, EventLog eventLog, ConnectionPoster poster, Clock clock) {
        this.graphql = new GraphqlTransport(access, connections, eventLog, poster, clock);
        this.access = access;
        this.connections = connections;
        this.eventLog = eventLog;
        this.poster = poster;
        this.clock = clock;
    }

    Map<String, Object> connect(JsonNode event) {
        var headers = lowerCased(event.path("headers"));
        String connectionId = connectionId(event);
        String protocol = chosenProtocol(headers.get("sec-websocket-protocol"));
        try {
            String authorization = headers.get("authorization");
            String token = event.path("queryStringParameters").path("access_token").asString(null);
            // graphql-transport-ws clients may authenticate later, in connection_init
            boolean later = GraphqlSubscription.SUBPROTOCOL.equals(protocol) && authorization == null && token == null;
            var caller = later ? null : access.authenticate(authorization, token);
            connections.open(connectionId, caller, protocol == null ? Frames.PROTOCOL : protocol, clock.instant());
            var answer = answer(event, 200, null);
            if (protocol != null) {
                var answerHeaders = new LinkedHashMap<String, String>();
                answerHeaders.put("X-Request-Id", event.path("requestContext").path("requestId").asString(""));
                answerHeaders.put("Sec-WebSocket-Protocol", protocol);
                answer.put("headers", answerHeaders);
            }
            return answer;
        } catch (LunaException e) {
            return answer(event, e.status(), Frames.error(null, e.code(), e.getMessage()));
        }
    }

    Map<String, Object> disconnect(JsonNode event) {
        connections.close(connectionId(event));
        return answer(event, 200, null);
    }

    Map<String, Object> message(JsonNode event) {
        String connectionId = connectionId(event);
        String body = event.path("body").asString("");
        var connection = connections.connection(connectionId).orElse(null);
        if (connection != null && GraphqlSubscription.SUBPROTOCOL.equals(connection.protocol())) {
            return answer(event, 200, graphql.message(connectionId, connection, body));
        }
        if (body.length() > MAX_MESSAGE_CHARS) {
            return answer(event, 200, Frames.error(null, ErrorCode.PAYLOAD_TOO_LARGE, "Messages are at most " + MAX_MESSAGE_CHARS + " characters"));
        }
        JsonNode message;
        try {
            message = Json.tree(body);
        } catch (RuntimeException e) {
            return answer(event, 200, Frames.error(null, ErrorCode.MALFORMED_JSON, "The message is not JSON"));
        }
        if (!message.isObject()) return answer(event, 200, Frames.error(null, ErrorCode.VALIDATION_FAILED, "A message is a JSON object with a 'type'"));
        String id = message.path("id").isString() ? message.path("id").asString() : null;
        try {
            return switch (message.path("type").asString("")) {
                case "ping" -> answer(event, 200, Frames.of("pong", id, Map.of()));
                case "unsubscribe" -> answer(event, 200, id != null && connections.unsubscribe(connectionId, id)
                        ? Frames.of("unsubscribed", id, Map.of()) : Frames.error(id, ErrorCode.NOT_FOUND, "No open subscription with this id"));
                case "subscribe" -> subscribe(event, connectionId, connection, Subscribe.parse(message));
                default -> answer(event, 200, Frames.error(id, ErrorCode.VALIDATION_FAILED,
                        "Unknown message type; expected subscribe, unsubscribe or ping"));
            };
        } catch (LunaException e) {
            return answer(event, 200, Frames.error(id, e.code(), e.getMessage()));
        }
    }

    /** A live-protocol subscribe on {@code connection}, the item {@link #message} read (null: unknown), not read again. */
    private Map<String, Object> subscribe(JsonNode event, String connectionId, WsConnections.Connection connection, Subscribe request) {
        var caller = connection == null ? null : connection.caller();
        if (caller == null) throw new LunaException(ErrorCode.UNAUTHENTICATED, "Unknown connection; reconnect");
        if (connections.subscriptions(connectionId).size() >= 64) {
            throw new LunaException(ErrorCode.VALIDATION_FAILED, "At most 64 subscriptions per connection");
        }
        var filter = access.filter(caller, request);
        connections.subscribe(connectionId, request.id(), filter, clock.instant());
        long last = eventLog.lastSequence(filter.projectId());
        var replay = request.since() < 0 ? java.util.List.<dev.luna.realtime.LiveEvent>of() : eventLog.since(filter, request.since());
        long oldest = eventLog.oldestRetained(filter.projectId());
        boolean complete = request.since() < 0 || request.since() >= last || (oldest > 0 && request.since() >= oldest - 1);
        if (!poster.post(connectionId, Frames.subscribed(request.id(), filter, last, complete, oldest))) {
            connections.close(connectionId);
            return answer(event, 200, null);
        }
        for (var e : replay) {
            if (!poster.post(connectionId, Frames.event(request.id(), e))) {
                connections.close(connectionId);
                break;
            }
        }
        return answer(event, 200, null);
    }

    /** The subprotocol answered at {@code $connect}: graphql-transport-ws or luna.v1 when the client offers it. */
    private static String chosenProtocol(String offered) {
        if (offered == null) return null;
        var protocols = java.util.Arrays.stream(offered.split(",")).map(String::trim).toList();
        if (protocols.contains(GraphqlSubscription.SUBPROTOCOL)) return GraphqlSubscription.SUBPROTOCOL;
        return protocols.contains(Frames.PROTOCOL) ? Frames.PROTOCOL : null;
    }

    private static String connectionId(JsonNode event) {
        String id = event.path("requestContext").path("connectionId").asString(null);
        if (id == null || id.isBlank()) throw new LunaException(ErrorCode.VALIDATION_FAILED, "The event has no requestContext.connectionId");
        return id;
    }

    private static Map<String, String> lowerCased(JsonNode headers) {
        var out = new LinkedHashMap<String, String>();
        for (var e : headers.properties()) out.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asString(""));
        return out;
    }

    private static Map<String, Object> answer(JsonNode event, int status, String body) {
        var out = new LinkedHashMap<String, Object>();
        out.put("statusCode", status);
        out.put("headers", Map.of("X-Request-Id", event.path("requestContext").path("requestId").asString("")));
        if (body != null) out.put("body", body);
        return out;
    }
}
