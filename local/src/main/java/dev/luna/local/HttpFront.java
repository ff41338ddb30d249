package dev.luna.local;

import dev.luna.core.ErrorCode;
import dev.luna.http.Envelope;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local runtime's HTTP front on Jetty 12 (core handlers): binds the port first (so a taken port fails fast),
 * then serves, in this order, the live streams (WebSocket upgrades and SSE of {@link LiveStreams}), non-{@code /api}
 * GET paths through the {@link #nonApiGets} seam (static assets, added by the console), and everything else through
 * the {@link ApiGateway}. Requests run on virtual threads (a function invocation blocks); errors Jetty answers itself
 * (a malformed request line, headers too large) carry the platform's error envelope too.
 */
final class HttpFront implements AutoCloseable {
    /** Headers of a request, at most (JWTs and API keys fit many times over). */
    static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
    /** A connection with no traffic at all is closed after this (SSE and WebSocket streams send keep-alives). */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final Server server;
    private final ServerConnector connector;

    private HttpFront(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Binds 127.0.0.1:{@code port} (0: any free port); throws {@link LocalRuntime.PortInUseException} when it is taken. */
    static HttpFront bind(int port) {
        var threads = new QueuedThreadPool(64, 4);
        threads.setName("luna-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        var server = new Server(threads);
        var config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setSendDateHeader(true);
        config.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        // ids and names travel percent-encoded in paths (%2F included): the router decides, as API Gateway does
        config.setUriCompliance(UriCompliance.UNSAFE);
        var connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(512);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.setErrorHandler(new EnvelopeErrors());
        try {
            connector.open();
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) throw new LocalRuntime.PortInUseException(port);
            throw new java.io.UncheckedIOException(e);
        }
        return new HttpFront(server, connector);
    }

    Server server() {
        return server;
    }

    /** Starts serving: {@code live} first, then {@code nonApiGets} for GET and HEAD outside /api, then {@code gateway}. */
    void start(Handler live, Handler nonApiGets, Handler gateway) {
        server.setHandler(new Front(live, nonApiGets, gateway));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP front did not start", e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP front did not stop cleanly", e);
        }
    }

    /** The routing of the front: live streams, the non-API seam, the gateway. */
    private static final class Front extends Handler.Abstract {
        private final Handler live;
        private final Handler nonApiGets;
        private final Handler gateway;

        Front(Handler live, Handler nonApiGets, Handler gateway) {
            this.live = live;
            this.nonApiGets = nonApiGets;
            this.gateway = gateway;
        }

        @Override
        protected void doStart() throws Exception {
            for (var h : new Handler[] {live, nonApiGets, gateway}) {
                if (h == null) continue;
                h.setServer(getServer());
                addBean(h, true);
            }
            super.doStart();
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (live != null && live.handle(request, response, callback)) return true;
            String path = request.getHttpURI().getPath();
            boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            if (nonApiGets != null && read && path != null && !path.startsWith("/api/") && nonApiGets.handle(request, response, callback)) {
                return true;
            }
            return gateway.handle(request, response, callback);
        }
    }

    /** Errors Jetty answers before any handler (bad request line, headers too large, ...), in the platform's envelope. */
    private static final class EnvelopeErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 400;
            Object attr = request.getAttribute(ERROR_STATUS);
            if (attr instanceof Integer s) status = s;
            Object message = request.getAttribute(ERROR_MESSAGE);
            var code = switch (status) {
                case 413, 431 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 404 -> ErrorCode.ROUTE_NOT_FOUND;
                case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                case 500 -> ErrorCode.INTERNAL;
                case 503 -> ErrorCode.UNAVAILABLE;
                default -> ErrorCode.VALIDATION_FAILED;
            };
            // a 5xx says no more than that (its message may carry an exception's text)
            String text = status >= 500 ? "Internal error" : message == null ? "Bad request (HTTP " + status + ")" : message.toString();
            response.getHeaders().put("Content-Type", "application/json");
            // Jetty drops the connection after a request it could not parse: say so, or a client reuses it
            response.getHeaders().put("Connection", "close");
            byte[] body = Envelope.error(code, text, Map.of("httpStatus", status), "req_local", Clock.systemUTC().instant())
                    .getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.write(true, java.nio.ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
