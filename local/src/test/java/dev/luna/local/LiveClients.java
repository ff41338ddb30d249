package dev.luna.local;

import dev.luna.core.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Real clients of the live streams: a java.net.http WebSocket and an SSE reader over HttpClient. */
final class LiveClients {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LiveClients() {
    }

    /** A WebSocket client that queues every text message (as JSON) and records how the server closed. */
    static final class Ws implements WebSocket.Listener, AutoCloseable {
        final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        volatile String closeReason;
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Ws connect(URI base, String path, String key) {
            var ws = new Ws();
            var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
            if (key != null) builder.header("Authorization", "Bearer " + key);
            ws.socket = builder.buildAsync(URI.create(base.toString().replaceFirst("^http", "ws") + path), ws).join();
            return ws;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(Json.tree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        void send(Map<String, Object> message) {
            send(Json.write(message));
        }

        /** The next message, waiting up to 15 s. */
        JsonNode next() {
            try {
                var m = messages.poll(15, TimeUnit.SECONDS);
                if (m == null) throw new AssertionError("no message within 15 s");
                return m;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The next message of {@code type}, skipping others. */
        JsonNode next(String type) {
            while (true) {
                var m = next();
                if (type.equals(m.path("type").asString())) return m;
            }
        }

        /** Events (the "event" objects) until one matches {@code until}, included. */
        List<JsonNode> eventsUntil(Predicate<JsonNode> until) {
            var out = new ArrayList<JsonNode>();
            while (true) {
                var m = next();
                if (!"event".equals(m.path("type").asString())) continue;
                out.add(m.get("event"));
                if (until.test(m.get("event"))) return out;
            }
        }

        int awaitClose() {
            return closeCode.orTimeout(15, TimeUnit.SECONDS).join();
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket.abort();
        }
    }

    record SseEvent(Long id, String event, JsonNode data) {
    }

    /** An open text/event-stream answer read event by event on a background thread. */
    static final class Sse implements AutoCloseable {
        final int status;
        final String contentType;
        final String errorBody;
        final LinkedBlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
        private final HttpResponse<java.io.InputStream> response;
        private final Thread reader;

        private Sse(HttpResponse<java.io.InputStream> response) throws java.io.IOException {
            this.response = response;
            this.status = response.statusCode();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            if (status != 200) {
                this.errorBody = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                this.reader = null;
                return;
            }
            this.errorBody = null;
            this.reader = Thread.ofVirtual().start(this::read);
        }

        static Sse open(URI base, String path, String key, String lastEventId) {
            var req = HttpRequest.newBuilder(base.resolve(path)).GET().header("Accept", "text/event-stream");
            if (key != null) req.header("Authorization", "Bearer " + key);
            if (lastEventId != null) req.header("Last-Event-ID", lastEventId);
            try {
                return new Sse(HTTP.send(req.build(), HttpResponse.BodyHandlers.ofInputStream()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        private void read() {
            try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                Long id = null;
                String event = "message";
                var data = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) events.add(new SseEvent(id, event, Json.tree(data.toString())));
                        id = null;
                        event = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id: ")) {
                        id = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
            } catch (java.io.IOException e) {
                // closed by the test
            }
        }

        SseEvent next() {
            try {
                var e = events.poll(15, TimeUnit.SECONDS);
                if (e == null) throw new AssertionError("no event within 15 s");
                return e;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (java.io.IOException e) {
                // ignore
            }
            if (reader != null) reader.interrupt();
        }
    }
}
