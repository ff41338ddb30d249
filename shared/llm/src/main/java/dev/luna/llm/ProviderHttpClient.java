package dev.luna.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The HTTP client every langchain4j adapter of the gateway runs on: the JDK client, plus what the stock
 * {@code JdkHttpClient} does not give a gateway — the {@code Retry-After} of an error answer, a bound on the
 * whole synchronous exchange, an idle timeout between stream chunks, detection of a stream that ends without its
 * protocol's final event (a cut stream), and a capture of the raw answer so usage fields langchain4j does not map
 * (DeepSeek's {@code prompt_cache_hit_tokens}) can still be read. One instance per provider call.
 */
final class ProviderHttpClient implements HttpClient {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "luna-llm-stream-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final java.net.http.HttpClient delegate;
    private final Duration timeout;
    private final Duration idleTimeout;
    private final Predicate<ServerSentEvent> finalEvent;
    private final Clock clock;
    /** Raw answer of the exchange: the body of a synchronous call, the events of a stream. */
    final List<ServerSentEvent> events = new CopyOnWriteArrayList<>();
    volatile String body;

    ProviderHttpClient(java.net.http.HttpClient delegate, Duration timeout, Duration idleTimeout,
                       Predicate<ServerSentEvent> finalEvent, Clock clock) {
        this.delegate = delegate;
        this.timeout = timeout;
        this.idleTimeout = idleTimeout;
        this.finalEvent = finalEvent;
        this.clock = clock;
    }

    /** A non-2xx answer, with its {@code Retry-After}. */
    static final class StatusException extends HttpException {
        private final Duration retryAfter;

        StatusException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The stream ended (cleanly, at the TCP level) before the protocol's final event. */
    static final class StreamCutException extends IOException {
        StreamCutException() {
            super("stream ended before its final event");
        }
    }

    /** A stream event whose data is not JSON (the protocol's own markers excepted). */
    static final class MalformedEventException extends IOException {
        MalformedEventException(String message) {
            super(message);
        }
    }

    /** No complete answer, or no stream data, within the allowed time. */
    static final class IdleTimeoutException extends IOException {
        IdleTimeoutException(String message) {
            super(message);
        }
    }

    HttpClientBuilder asBuilder() {
        var self = this;
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration t) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration t) {
                return this;
            }

            @Override
            public HttpClient build() {
                return self;
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        var future = delegate.sendAsync(jdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RuntimeException(new IdleTimeoutException("no complete answer within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new RuntimeException(e);
        } catch (ExecutionException e) {
            throw new RuntimeException(e.getCause());
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new StatusException(response.statusCode(), text, retryAfter(response));
        }
        body = text;
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Thread.ofVirtual().name("luna-llm-stream").start(() -> stream(request, parser, listener));
    }

    private void stream(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpResponse<InputStream> response;
        var future = delegate.sendAsync(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            listener.onError(new IdleTimeoutException("no answer within " + timeout.toMillis() + " ms"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.onError(e);
            return;
        } catch (ExecutionException e) {
            listener.onError(e.getCause());
            return;
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "(unreadable error body: " + e + ")";
            }
            listener.onError(new StatusException(response.statusCode(), text, retryAfter(response)));
            return;
        }
        listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map()).build());
        var fired = new AtomicBoolean();
        var sawFinal = new AtomicBoolean();
        var failed = new AtomicBoolean();
        try (var in = new WatchedStream(response.body(), idleTimeout, fired)) {
            parser.parse(in, new ServerSentEventListener() {
                @Override
                public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                    if (failed.get()) return;
                    events.add(event);
                    if (!isJson(event.data())) {
                        // a malformed event would silently drop part of the answer: fail the stream instead
                        failed.set(true);
                        listener.onError(new MalformedEventException("stream event is not valid JSON"));
                        try {
                            in.close(); // stop reading: the answer cannot be trusted any more
                        } catch (IOException ignored) {
                            // closing is all we wanted
                        }
                        return;
                    }
                    if (finalEvent.test(event)) sawFinal.set(true);
                    listener.onEvent(event, context);
                }

                @Override
                public void onEvent(ServerSentEvent event) {
                    onEvent(event, null);
                }

                @Override
                public void onError(Throwable t) {
                    if (failed.getAndSet(true)) return;
                    listener.onError(fired.get() ? new IdleTimeoutException("no stream data for " + idleTimeout.toMillis() + " ms") : t);
                }
            });
        } catch (IOException | RuntimeException e) {
            if (!failed.getAndSet(true)) listener.onError(e);
            return;
        }
        if (failed.get()) return;
        if (fired.get()) {
            listener.onError(new IdleTimeoutException("no stream data for " + idleTimeout.toMillis() + " ms"));
        } else if (!sawFinal.get()) {
            listener.onError(new StreamCutException());
        } else {
            listener.onClose();
        }
    }

    static boolean isJson(String data) {
        if (data == null || data.isEmpty() || "[DONE]".equals(data)) return true;
        try (var parser = JSON.createParser(data)) {
            while (parser.nextToken() != null) {
                // reading to the end validates
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        var b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        request.headers().forEach((name, values) -> {
            if (values != null && !isRestricted(name)) values.forEach(v -> b.header(name, v));
        });
        b.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        return b.build();
    }

    private static boolean isRestricted(String header) {
        return header.equalsIgnoreCase("content-length") || header.equalsIgnoreCase("host") || header.equalsIgnoreCase("connection");
    }

    private Duration retryAfter(HttpResponse<?> response) {
        var d = ProviderErrors.retryAfter(response.headers().firstValue("retry-after").orElse(null), clock.instant());
        if (d == null) {
            // OpenAI also sends retry-after-ms
            var ms = response.headers().firstValue("retry-after-ms");
            if (ms.isPresent()) {
                try {
                    d = Duration.ofMillis(Math.max(0, Math.min(3_600_000, (long) Double.parseDouble(ms.get().trim()))));
                } catch (NumberFormatException ignored) {
                    // not a number: no hint
                }
            }
        }
        return d;
    }

    /** An input stream closed by a watchdog when no byte arrives for {@code idle}. */
    private static final class WatchedStream extends FilterInputStream {
        private final long idleNanos;
        private final AtomicBoolean fired;
        private volatile long lastRead = System.nanoTime();
        private final java.util.concurrent.ScheduledFuture<?> task;

        WatchedStream(InputStream in, Duration idle, AtomicBoolean fired) {
            super(in);
            this.idleNanos = idle.toNanos();
            this.fired = fired;
            long period = Math.max(5, idle.toMillis() / 4);
            this.task = WATCHDOG.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        private void check() {
            if (System.nanoTime() - lastRead > idleNanos && fired.compareAndSet(false, true)) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            lastRead = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            lastRead = System.nanoTime();
            return n;
        }

        @Override
        public void close() throws IOException {
            task.cancel(false);
            super.close();
        }
    }
}
