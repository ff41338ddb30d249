package dev.luna.local;

import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.functions.graphql.GraphqlExecutor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * One GraphQL WebSocket connection speaking {@code graphql-transport-ws} (the protocol of the npm {@code graphql-ws}
 * library): {@code connection_init} (credentials in its payload's {@code Authorization}, else the upgrade's header) →
 * {@code connection_ack}; {@code subscribe} → {@code next}… then {@code complete}, or {@code error}; {@code complete}
 * from the client stops a subscription; {@code ping}/{@code pong}. Protocol violations close the socket with the
 * protocol's codes: 4400 bad message, 4401 subscribe before the ack, 4403 refused credentials, 4406 without the
 * subprotocol, 4408 no init in time, 4409 an id already in use, 4429 a second init. Public only because Jetty binds
 * its listener methods by reflection.
 */
public final class GraphqlWsSocket implements Session.Listener.AutoDemanding {
    static final String SUBPROTOCOL = "graphql-transport-ws";
    static final long INIT_TIMEOUT_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(GraphqlWsSocket.class);

    /** Authenticates a bearer token (the {@code Authorization} header's form, or the bare token). */
    interface Authenticator {
        Principal authenticate(String authorization);
    }

    private final GraphqlExecutor executor;
    private final Authenticator authenticator;
    private final String upgradeAuthorization;
    private final boolean subprotocolAccepted;
    private final ScheduledExecutorService timer;
    private final Supplier<String> requestIds;
    private final Map<String, Disposable> operations = new ConcurrentHashMap<>();
    private final java.util.concurrent.Executor writer;
    private volatile Session session;
    private volatile Outbox outbox;
    private volatile Principal caller;
    private volatile boolean initReceived;
    private volatile ScheduledFuture<?> initTimeout;

    GraphqlWsSocket(GraphqlExecutor executor, Authenticator authenticator, String upgradeAuthorization, boolean subprotocolAccepted,
                    ScheduledExecutorService timer, Supplier<String> requestIds, java.util.concurrent.Executor writer) {
        this.writer = writer;
        this.executor = executor;
        this.authenticator = authenticator;
        this.upgradeAuthorization = upgradeAuthorization;
        this.subprotocolAccepted = subprotocolAccepted;
        this.timer = timer;
        this.requestIds = requestIds;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        // messages go out in order through the connection's bounded outbox; event publishers only queue them
        this.outbox = new Outbox(((org.eclipse.jetty.websocket.common.WebSocketSession) s).getCoreSession(), writer,
                code -> close(code, "Client too slow"));
        if (!subprotocolAccepted) {
            close(4406, "Subprotocol not acceptable: use " + SUBPROTOCOL);
            return;
        }
        initTimeout = timer.schedule(() -> {
            if (!initReceived) close(4408, "Connection initialisation timeout");
        }, INIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void onWebSocketText(String text) {
        JsonNode message;
        try {
            message = Json.tree(text);
        } catch (RuntimeException e) {
            close(4400, "Invalid message: not JSON");
            return;
        }
        String type = message.path("type").isString() ? message.path("type").asString() : null;
        if (type == null) {
            close(4400, "Invalid message: a JSON object with a string 'type' is expected");
            return;
        }
        switch (type) {
            case "connection_init" -> onInit(message.path("payload"));
            case "ping" -> send(Map.of("type", "pong"));
            case "pong" -> { }
            case "subscribe" -> onSubscribe(message);
            case "complete" -> onComplete(message);
            default -> close(4400, "Invalid message type '" + (type.length() > 40 ? type.substring(0, 40) : type) + "'");
        }
    }

    @Override
    public void onWebSocketBinary(java.nio.ByteBuffer payload, Callback callback) {
        callback.succeed();
        close(4400, "Invalid message: binary frames are not part of the protocol");
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        stopAll();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        stopAll();
    }

    private void onInit(JsonNode payload) {
        if (initReceived) {
            close(4429, "Too many initialisation requests");
            return;
        }
        initReceived = true;
        if (initTimeout != null) initTimeout.cancel(false);
        String authorization = credentials(payload);
        if (authorization == null) {
            close(4403, "Forbidden: send credentials in connection_init's payload (Authorization) or the upgrade's header");
            return;
        }
        try {
            caller = authenticator.authenticate(authorization);
        } catch (LunaException e) {
            close(4403, "Forbidden: " + e.getMessage());
            return;
        }
        send(Map.of("type", "connection_ack"));
    }

    private String credentials(JsonNode payload) {
        if (payload != null && payload.isObject()) {
            for (String name : List.of("Authorization", "authorization")) {
                if (payload.path(name).isString()) return payload.path(name).asString();
            }
            for (String name : List.of("token", "access_token")) {
                if (payload.path(name).isString()) return "Bearer " + payload.path(name).asString();
            }
        }
        return upgradeAuthorization;
    }

    private void onSubscribe(JsonNode message) {
        if (caller == null) {
            close(4401, "Unauthorized");
            return;
        }
        String id = message.path("id").isString() ? message.path("id").asString() : null;
        JsonNode payload = message.path("payload");
        if (id == null || id.isEmpty() || id.length() > 128 || !payload.isObject() || !payload.path("query").isString()) {
            close(4400, "Invalid subscribe message: an 'id' and a payload with a 'query' string are expected");
            return;
        }
        var placeholder = Flux.never().subscribe();
        if (operations.putIfAbsent(id, placeholder) != null) {
            close(4409, "Subscriber for " + (id.length() > 40 ? id.substring(0, 40) : id) + " already exists");
            return;
        }
        GraphqlExecutor.Result result;
        try {
            result = executor.execute(payload.path("query").asString(), payload.path("operationName").isString()
                    ? payload.path("operationName").asString() : null, variables(payload.path("variables")), caller, requestIds.get());
        } catch (LunaException e) {
            operations.remove(id);
            send(Map.of("id", id, "type", "error", "payload", List.of(Map.of("message", e.getMessage(),
                    "extensions", Map.of("code", e.code().name(), "status", e.status())))));
            return;
        } catch (RuntimeException e) {
            log.error("GraphQL operation {} failed", id, e);
            operations.remove(id);
            send(Map.of("id", id, "type", "error", "payload", List.of(Map.of("message", "Internal error",
                    "extensions", Map.of("code", "INTERNAL", "status", 500)))));
            return;
        }
        switch (result) {
            case GraphqlExecutor.Result.Single single -> {
                operations.remove(id);
                var response = single.response();
                if (response.get("data") == null && response.get("errors") != null) {
                    send(Map.of("id", id, "type", "error", "payload", response.get("errors")));
                } else {
                    send(Map.of("id", id, "type", "next", "payload", response));
                    send(Map.of("id", id, "type", "complete"));
                }
            }
            case GraphqlExecutor.Result.Stream stream -> {
                var disposable = Flux.from(stream.responses()).subscribe(
                        response -> send(Map.of("id", id, "type", "next", "payload", response)),
                        failure -> {
                            operations.remove(id);
                            log.error("GraphQL subscription {} failed", id, failure);
                            send(Map.of("id", id, "type", "error", "payload", List.of(Map.of("message", "Internal error",
                                    "extensions", Map.of("code", "INTERNAL", "status", 500)))));
                        },
                        () -> {
                            if (operations.remove(id) != null) send(Map.of("id", id, "type", "complete"));
                        });
                if (!operations.replace(id, placeholder, disposable)) disposable.dispose(); // completed or stopped meanwhile
            }
        }
    }

    private void onComplete(JsonNode message) {
        String id = message.path("id").isString() ? message.path("id").asString() : null;
        if (id == null) {
            close(4400, "Invalid complete message: an 'id' is expected");
            return;
        }
        var operation = operations.remove(id);
        if (operation != null) operation.dispose();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) return null;
        if (!node.isObject()) throw new dev.luna.core.ValidationException("payload.variables", "must be a JSON object");
        return Json.mapper().convertValue(node, Map.class);
    }

    private void stopAll() {
        if (initTimeout != null) initTimeout.cancel(false);
        for (var operation : operations.values()) operation.dispose();
        operations.clear();
    }

    private void send(Map<String, Object> message) {
        var o = outbox;
        var s = session;
        if (o == null || s == null || !s.isOpen()) return;
        o.offer(Json.write(message));
    }

    private void close(int code, String reason) {
        stopAll();
        var s = session;
        if (s == null || !s.isOpen()) return;
        String r = reason;
        while (r.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 120) r = r.substring(0, r.length() - 2);
        s.close(code, r, Callback.NOOP);
    }
}
