package dev.luna.local;

import dev.luna.functions.realtime.StreamAccess;
import dev.luna.core.ErrorCode;
import dev.luna.core.Ids;
import dev.luna.core.Json;
import dev.luna.core.LunaException;
import dev.luna.core.ValidationException;
import dev.luna.http.Envelope;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveEvents;
import dev.luna.realtime.LiveFilter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live streams of the local runtime, served beside the API: WebSocket {@code /api/v1/ws} (subscribe/unsubscribe),
 * {@code /api/v1/tasks/{id}/progress} and {@code /api/v1/agents/{id}/metrics} (upgrades only; a plain GET of the
 * latter stays the agents-metrics function), and Server-Sent Events {@code GET /api/v1/events} and
 * {@code GET /api/v1/agents/{id}/metrics/events} with {@code Last-Event-ID}. Events come from {@link LiveEvents}, pushed
 * to each connection when published; a timer only sends keep-alives.
 */
final class LiveStreams extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    static final String WS_PATH = "/api/v1/ws";
    static final String EVENTS_PATH = "/api/v1/events";
    static final String GRAPHQL_PATH = "/api/v1/graphql";
    private static final Pattern TASK_PROGRESS = Pattern.compile("/api/v1/tasks/([^/]+)/progress");
    private static final Pattern AGENT_METRICS = Pattern.compile("/api/v1/agents/([^/]+)/metrics");
    private static final Pattern AGENT_EVENTS = Pattern.compile("/api/v1/agents/([^/]+)/metrics/events");
    /** The largest message a client may send (a subscribe is a few hundred bytes); larger closes with 1009. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024;
    /**
     * Frames Jetty holds for one WebSocket client at most (a backstop: each connection's {@link Outbox} hands it one
     * batch at a time and closes a client that lets {@link Outbox#MAX_QUEUED} pile up with 1013).
     */
    static final int MAX_QUEUED_FRAMES = 10_000;
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final LiveEvents live;
    private final StreamAccess access;
    private final Ids ids;
    private final Clock clock;
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "luna-live-keepalive");
        t.setDaemon(true);
        return t;
    });
    private ServerWebSocketContainer sockets;
    /** Writes to live connections (the server's thread pool): publishers only queue. */
    private java.util.concurrent.Executor writer = Runnable::run;
    private dev.luna.functions.graphql.GraphqlExecutor graphql;

    LiveStreams(LiveEvents live, StreamAccess access, Clock clock) {
        this.live = live;
        this.access = access;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    /** Serves GraphQL subscriptions ({@code graphql-transport-ws}) on {@code /api/v1/graphql} with this executor. */
    LiveStreams graphql(dev.luna.functions.graphql.GraphqlExecutor executor) {
        this.graphql = executor;
        return this;
    }

    /** Registers the WebSocket container on {@code server}; call before the server starts. */
    LiveStreams on(Server server) {
        writer = server.getThreadPool();
        sockets = ServerWebSocketContainer.ensure(server);
        sockets.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        sockets.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
        sockets.setMaxOutgoingFrames(MAX_QUEUED_FRAMES);
        sockets.setIdleTimeout(HttpFront.IDLE_TIMEOUT);
        return this;
    }

    @Override
    protected void doStart() throws Exception {
        keepAlive.scheduleAtFixedRate(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        keepAlive.shutdownNow();
        for (var s : streams) s.end();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith("/api/v1/")) return false;
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
        if (upgrade) {
            WebSocketCreator creator = creatorFor(path);
            if (creator == null) return false;
            if (!sockets.upgrade(creator, request, response, callback)) {
                fail(request, response, callback, new ValidationException("Upgrade", "not a valid WebSocket upgrade request"));
            }
            return true;
        }
        if (!"GET".equals(request.getMethod())) return false;
        if (EVENTS_PATH.equals(path)) {
            sse(request, response, callback, null);
            return true;
        }
        Matcher agent = AGENT_EVENTS.matcher(path);
        if (agent.matches()) {
            sse(request, response, callback, agent.group(1));
            return true;
        }
        return false;
    }

    private WebSocketCreator creatorFor(String path) {
        if (GRAPHQL_PATH.equals(path) && graphql != null) {
            return (req, resp, cb) -> {
                boolean accepted = req.getSubProtocols().contains(GraphqlWsSocket.SUBPROTOCOL);
                if (accepted) resp.setAcceptedSubProtocol(GraphqlWsSocket.SUBPROTOCOL);
                return new GraphqlWsSocket(graphql, authorization -> access.authenticate(authorization, null),
                        req.getHeaders().get(HttpHeader.AUTHORIZATION), accepted, keepAlive, () -> ids.next("req"), writer);
            };
        }
        if (WS_PATH.equals(path)) {
            return (req, resp, cb) -> socket(req, q -> new LiveSocket.Mode.Multiplexed(authenticate(req, q)));
        }
        Matcher task = TASK_PROGRESS.matcher(path);
        if (task.matches()) {
            String taskId = task.group(1);
            return (req, resp, cb) -> socket(req, q -> new LiveSocket.Mode.Resource("progress",
                    access.task(authenticate(req, q), taskId), since(q.get("since"), 0), taskId));
        }
        Matcher agent = AGENT_METRICS.matcher(path);
        if (agent.matches()) {
            String agentId = agent.group(1);
            return (req, resp, cb) -> socket(req, q -> new LiveSocket.Mode.Resource("metrics",
                    access.agent(authenticate(req, q), q.get("projectId"), agentId), since(q.get("since"), -1), null));
        }
        return null;
    }

    private interface ModeOf {
        LiveSocket.Mode of(Map<String, String> query);
    }

    /** The endpoint of an upgrade; a refused one still upgrades, then closes with the code of the refusal. */
    private LiveSocket socket(Request request, ModeOf mode) {
        LiveSocket.Mode chosen;
        try {
            chosen = mode.of(ApiGateway.QueryString.parse(request.getHttpURI().getQuery()));
        } catch (LunaException e) {
            chosen = new LiveSocket.Mode.Refuse(LiveSocket.CloseCodes.of(e), reason(e.getMessage()));
        } catch (RuntimeException e) {
            log.error("live socket refused on an internal error", e);
            chosen = new LiveSocket.Mode.Refuse(org.eclipse.jetty.websocket.api.StatusCode.SERVER_ERROR, "Internal error");
        }
        return new LiveSocket(live, access, chosen, writer);
    }

    private dev.luna.core.Principal authenticate(Request request, Map<String, String> query) {
        return access.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION), query.get("access_token"));
    }

    /** A close reason is at most 123 bytes of UTF-8. */
    private static String reason(String message) {
        String m = message == null ? "" : message;
        while (m.getBytes(StandardCharsets.UTF_8).length > 120) m = m.substring(0, m.length() - 2);
        return m;
    }

    private void sse(Request request, Response response, Callback callback, String agentId) {
        LiveFilter filter;
        long since;
        var query = ApiGateway.QueryString.parse(request.getHttpURI().getQuery());
        try {
            var caller = access.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION), query.get("access_token"));
            String lastEventId = request.getHeaders().get("Last-Event-ID");
            since = lastEventId != null ? since(lastEventId, -1, "Last-Event-ID") : since(query.get("since"), -1);
            filter = agentId != null ? access.agent(caller, query.get("projectId"), agentId)
                    : access.filter(caller, query.get("projectId"), kinds(query.get("types")), null);
        } catch (LunaException e) {
            fail(request, response, callback, e);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/event-stream; charset=utf-8");
        response.getHeaders().put("Cache-Control", "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        var stream = new SseStream(response, callback, streams::remove, writer);
        streams.add(stream);
        var ready = new LinkedHashMap<String, Object>();
        ready.put("projectId", filter.projectId());
        ready.put("events", filter.kinds().stream().map(LiveEventKind::wire).sorted().toList());
        if (filter.subject() != null) ready.put("subject", filter.subject());
        ready.put("lastSeq", live.lastSequence(filter.projectId()));
        // the stream opens with a retry hint and a 'ready' event (no id: it does not move Last-Event-ID)
        stream.send("retry: 3000\nevent: ready\ndata: " + Json.write(ready) + "\n\n");
        var subscription = live.subscribe(filter, since, stream);
        if (!subscription.historyComplete()) {
            stream.send("event: gap\ndata: " + Json.write(Map.of("firstAvailableSeq", subscription.firstReplayed())) + "\n\n");
        }
        stream.subscription(subscription);
    }

    private static Set<LiveEventKind> kinds(String types) {
        var out = new LinkedHashSet<LiveEventKind>();
        if (types == null || types.isBlank()) return out;
        for (String t : types.split(",")) {
            var k = LiveEventKind.fromWire(t.trim());
            if (k == null) {
                throw new ValidationException("types", "unknown event type '" + (t.length() > 40 ? t.substring(0, 40) + "…" : t)
                        + "'; known: task_progress, agent_health, token_alert, system_notification");
            }
            out.add(k);
        }
        return out;
    }

    private static long since(String value, long fallback) {
        return since(value, fallback, "since");
    }

    private static long since(String value, long fallback, String field) {
        if (value == null || value.isBlank()) return fallback;
        try {
            long v = Long.parseLong(value.trim());
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ValidationException(field, "must be the last sequence number seen (an integer >= 0)");
    }

    private void fail(Request request, Response response, Callback callback, LunaException e) {
        String requestId = ids.next("req");
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("X-Request-Id", requestId);
        ApiGateway.send(request, response, callback, e.status(),
                Envelope.error(e.code(), e.getMessage(), e.details(), requestId, clock.instant()).getBytes(StandardCharsets.UTF_8));
    }

    private void keepAlive() {
        for (var s : streams) s.send(": keep-alive\n\n");
        if (sockets != null) {
            for (var session : sockets.getOpenSessions()) {
                session.sendPing(java.nio.ByteBuffer.allocate(0), org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
    }

    /** Connections open now (WebSocket and SSE), for the benchmark and tests. */
    int openConnections() {
        return streams.size() + (sockets == null ? 0 : sockets.getOpenSessions().size());
    }
}
