package dev.luna.local;

import dev.luna.functions.realtime.Frames;
import dev.luna.functions.realtime.StreamAccess;
import dev.luna.functions.realtime.Subscribe;
import dev.luna.core.ErrorCode;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.Principal;
import dev.luna.realtime.LiveEvent;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveEvents;
import dev.luna.realtime.LiveFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One WebSocket connection of the live event protocol ({@code luna.v1}, see the README): on {@code /api/v1/ws} the
 * client sends {@code subscribe}/{@code unsubscribe}/{@code ping} messages; on a per-resource path the one
 * subscription is made at connect. Events come as {@code {"type":"event","id":<subscription>,"event":{...}}}; every
 * bad message is answered with an {@code error} frame and the connection stays open. A connection whose credentials
 * failed is accepted and closed at once with a {@link CloseCodes close code}. Public only because Jetty binds its
 * listener methods by reflection.
 */
public final class LiveSocket implements Session.Listener.AutoDemanding {
    private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);
    /** Subscriptions one connection may hold. */
    static final int MAX_SUBSCRIPTIONS = 64;

    /** The close codes of the protocol: 4000 + the HTTP status of the refusal, and the standard ones. */
    static final class CloseCodes {
        static final int BAD_REQUEST = 4400;
        static final int UNAUTHENTICATED = 4401;
        static final int FORBIDDEN = 4403;
        static final int NOT_FOUND = 4404;
        /** The client does not read its events fast enough (standard 1013, try again later). */
        static final int TOO_SLOW = StatusCode.TRY_AGAIN_LATER;

        static int of(LunaException e) {
            return 4000 + e.status();
        }

        private CloseCodes() {
        }
    }

    /** What the connection does at open: refuse, serve the multiplexed protocol, or follow one resource. */
    sealed interface Mode {
        record Refuse(int code, String reason) implements Mode {
        }

        record Multiplexed(Principal caller) implements Mode {
        }

        /** One subscription made at connect; {@code taskId} set: ends (1000) after the task's terminal event. */
        record Resource(String subscriptionId, LiveFilter filter, long since, String taskId) implements Mode {
        }
    }

    private final LiveEvents live;
    private final StreamAccess access;
    private final Mode mode;
    private final java.util.concurrent.Executor writer;
    private final Map<String, SocketSubscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Session session;
    private volatile Outbox outbox;

    LiveSocket(LiveEvents live, StreamAccess access, Mode mode, java.util.concurrent.Executor writer) {
        this.live = live;
        this.access = access;
        this.mode = mode;
        this.writer = writer;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        // every frame of this connection goes through its outbox, in order; publishers only queue
        this.outbox = new Outbox(((org.eclipse.jetty.websocket.common.WebSocketSession) s).getCoreSession(), writer, code -> {
            // at once, not when the close handshake completes (a client that does not read may never complete it)
            closeSubscriptions();
            if (s.isOpen()) s.close(code, "Client too slow; reconnect with 'since'", Callback.NOOP);
        });
        switch (mode) {
            case Mode.Refuse r -> s.close(r.code(), r.reason(), Callback.NOOP);
            case Mode.Multiplexed m -> sendText(Frames.connected());
            case Mode.Resource r -> {
                var sub = subscribe(r.subscriptionId(), r.filter(), r.since(), r.taskId() != null);
                if (r.taskId() != null) sub.snapshotIfFinished(r.taskId());
            }
        }
    }

    @Override
    public void onWebSocketText(String text) {
        JsonNode message;
        try {
            message = Json.tree(text);
        } catch (RuntimeException e) {
            error(null, ErrorCode.MALFORMED_JSON, "The message is not JSON");
            return;
        }
        if (!message.isObject()) {
            error(null, ErrorCode.VALIDATION_FAILED, "A message is a JSON object with a 'type'");
            return;
        }
        String type = message.path("type").asString("");
        String id = message.path("id").isString() ? message.path("id").asString() : null;
        try {
            switch (type) {
                case "ping" -> sendText(Frames.of("pong", id, Map.of()));
                case "subscribe" -> onSubscribe(id, message);
                case "unsubscribe" -> onUnsubscribe(id);
                default -> error(id, ErrorCode.VALIDATION_FAILED, "Unknown message type '" + abbreviate(type)
                        + "'; expected subscribe, unsubscribe or ping");
            }
        } catch (LunaException e) {
            error(id, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("live socket message failed", e);
            error(id, ErrorCode.INTERNAL, "Internal error");
        }
    }

    @Override
    public void onWebSocketBinary(java.nio.ByteBuffer payload, Callback callback) {
        callback.succeed();
        error(null, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Binary messages are not part of the protocol; send JSON text");
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closeSubscriptions();
        var o = outbox;
        if (o != null) o.close();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closeSubscriptions();
        var o = outbox;
        if (o != null) o.close();
    }

    private void onSubscribe(String id, JsonNode message) {
        if (!(mode instanceof Mode.Multiplexed m)) {
            error(id, ErrorCode.VALIDATION_FAILED, "This stream has its one subscription; use /api/v1/ws to choose");
            return;
        }
        var request = Subscribe.parse(message);
        if (subscriptions.containsKey(request.id())) {
            error(request.id(), ErrorCode.CONFLICT, "A subscription with this id is open; unsubscribe first");
            return;
        }
        if (subscriptions.size() >= MAX_SUBSCRIPTIONS) {
            error(request.id(), ErrorCode.VALIDATION_FAILED, "At most " + MAX_SUBSCRIPTIONS + " subscriptions per connection");
            return;
        }
        subscribe(request.id(), access.filter(m.caller(), request), request.since(), false);
    }

    private void onUnsubscribe(String id) {
        var sub = id == null ? null : subscriptions.remove(id);
        if (sub == null) {
            error(id, ErrorCode.NOT_FOUND, "No open subscription with this id");
            return;
        }
        sub.close();
        sendText(Frames.of("unsubscribed", id, Map.of()));
    }

    private SocketSubscription subscribe(String id, LiveFilter filter, long since, boolean endsWithTask) {
        var sub = new SocketSubscription(id, filter, endsWithTask);
        subscriptions.put(id, sub);
        sub.start(live.subscribe(filter, since, sub::onEvent));
        return sub;
    }

    private void error(String id, ErrorCode code, String message) {
        sendText(Frames.error(id, code, message));
    }

    private void sendText(String text) {
        var o = outbox;
        if (o != null) o.offer(text);
    }

    private void closeSubscriptions() {
        for (var sub : List.copyOf(subscriptions.values())) sub.close();
        subscriptions.clear();
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    /** One subscription of this connection: holds events back until its acknowledgement is sent, then forwards them. */
    private final class SocketSubscription {
        private final String id;
        private final LiveFilter filter;
        private final boolean endsWithTask;
        /** {@code {"type":"event","id":<id>,"event":} as UTF-8, made once per subscription. */
        private final byte[] framePrefix;
        private final List<LiveEvent> early = new ArrayList<>();
        private LiveEvents.Subscription handle;
        private boolean acknowledged;
        private boolean sawTerminal;

        SocketSubscription(String id, LiveFilter filter, boolean endsWithTask) {
            this.id = id;
            this.filter = filter;
            this.endsWithTask = endsWithTask;
            this.framePrefix = Frames.eventPrefix(id);
        }

        synchronized void onEvent(LiveEvent event) {
            if (!acknowledged) early.add(event);
            else forward(event);
        }

        /** Acknowledges, then forwards what arrived meanwhile (never holds this lock while asking the stream: no lock cycle). */
        void start(LiveEvents.Subscription subscription) {
            String ack = Frames.subscribed(id, filter, live.lastSequence(filter.projectId()), subscription.historyComplete(),
                    subscription.firstReplayed());
            synchronized (this) {
                this.handle = subscription;
                sendText(ack);
                acknowledged = true;
                for (var e : early) forward(e);
                early.clear();
            }
        }

        /** A task that finished before its retained history: its stored state, then the end of the stream. */
        void snapshotIfFinished(String taskId) {
            var finished = access.storedTask(taskId).filter(t -> t.status().isTerminal()).orElse(null);
            if (finished == null) return;
            synchronized (this) {
                if (sawTerminal) return;
                sendText(Frames.of("snapshot", id, Map.of("data", dev.luna.tasks.TaskProgressEvents.data(finished))));
                sawTerminal = true;
                endStream();
            }
        }

        private void forward(LiveEvent event) {
            if (sawTerminal) return;
            var o = outbox;
            if (o != null) o.offer(Frames.event(framePrefix, event));
            if (endsWithTask && event.data().path("terminal").asBoolean(false)) {
                sawTerminal = true;
                endStream();
            }
        }

        /** Stops the subscription and closes the connection normally once its queued frames (the terminal event) are out. */
        private void endStream() {
            close();
            var s = session;
            var o = outbox;
            if (s != null && o != null) o.finish(() -> {
                if (s.isOpen()) s.close(StatusCode.NORMAL, "task finished", Callback.NOOP);
            });
        }

        void close() {
            LiveEvents.Subscription h;
            synchronized (this) {
                h = handle;
            }
            if (h != null) h.close();
        }
    }
}
