package dev.luna.bench;

import dev.luna.local.LocalRuntime;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/bench/realtime}: live event delivery on one local runtime. N WebSocket clients (java.net.http) on
 * {@code /api/v1/ws}, each subscribed to the project's {@code task_progress} events; no-op tasks submitted over HTTP at
 * a fixed rate for a while; every state change of every task is an event each subscriber receives. Prints delivery
 * latency (the event's publish instant, stamped right after the task's DynamoDB write, to its arrival at a client —
 * one JVM, one clock), events delivered vs expected, and heap per connection (client and server side together, in
 * one JVM: an upper bound of the server's share).
 * Usage: RealtimeBenchmark [subscribers (1000)] [tasks-per-second (50)] [seconds (10)]
 */
public final class RealtimeBenchmark {
    private static final String KEY = "luna_bench_admin_key_0000000000000001";

    private RealtimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .initializer(BenchTaskTypes::register).start()) {
            var client = new BenchClient(runtime.baseUri(), KEY);
            System.out.println("Luna realtime benchmark — local runtime on " + runtime.baseUri() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores; " + subscribers + " subscribers, " + rate
                    + " tasks/s for " + seconds + " s");
            String agent = client.agent("bench-agent", 1);
            for (int i = 0; i < 50; i++) client.submit(agent, "bench-noop", "normal", "{\"warm\":" + i + "}");
            Thread.sleep(2_000);

            long heapBefore = usedHeapAfterGc();
            var http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            var clients = new ArrayList<Subscriber>();
            long t0 = System.nanoTime();
            for (int i = 0; i < subscribers; i++) clients.add(Subscriber.open(http, runtime.baseUri()));
            for (var s : clients) s.subscribed.get(30, TimeUnit.SECONDS);
            System.out.printf("connected and subscribed %d clients in %.1f s%n", subscribers, (System.nanoTime() - t0) / 1e9);
            long heapAfter = usedHeapAfterGc();
            System.out.printf("heap per connection (client + server, one JVM): %.1f KB (%d MB for %d)%n",
                    (heapAfter - heapBefore) / 1024.0 / subscribers, (heapAfter - heapBefore) >> 20, subscribers);

            long firstSeq = runtime.liveEvents().lastSequence("default");
            for (var s : clients) s.measureAfter(firstSeq);
            var pacer = Executors.newVirtualThreadPerTaskExecutor();
            int total = rate * seconds;
            var submitted = new CountDownLatch(total);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                int n = i;
                pacer.submit(() -> {
                    try {
                        client.submit(agent, "bench-noop", "normal", "{\"i\":" + n + "}");
                    } finally {
                        submitted.countDown();
                    }
                });
            }
            submitted.await(60, TimeUnit.SECONDS);
            double submitSeconds = (System.nanoTime() - start) / 1e9;
            // let the last tasks finish and their events arrive
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long expected;
            do {
                Thread.sleep(500);
                expected = runtime.liveEvents().lastSequence("default") - firstSeq;
            } while (System.nanoTime() < settle && !allReceived(clients, expected));
            expected = runtime.liveEvents().lastSequence("default") - firstSeq;
            var samples = new ArrayList<long[]>();
            long received = 0;
            for (var s : clients) {
                var l = s.latenciesNanos();
                samples.add(l);
                received += l.length;
            }
            var latency = new Percentiles((int) received);
            for (var l : samples) for (long v : l) latency.add(v);
            System.out.printf("submitted %d tasks in %.1f s (%.0f/s): %d events (task state changes), %d of %d deliveries arrived (%.2f%%)%n",
                    total, submitSeconds, total / submitSeconds, expected, received, expected * subscribers,
                    100.0 * received / Math.max(1, expected * subscribers));
            System.out.println("delivery latency, state change -> client: " + latency.summary());
            System.out.println(latency.p(0.99) <= 100 ? "p99 within the 100 ms goal" : "p99 ABOVE the 100 ms goal");
            for (var s : clients) s.close();
        }
        System.exit(0);
    }

    private static boolean allReceived(List<Subscriber> clients, long expected) {
        for (var s : clients) if (s.count.get() < expected) return false;
        return true;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** One WebSocket client; records when each event arrived against the instant it was published. */
    private static final class Subscriber implements WebSocket.Listener {
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        final AtomicLong count = new AtomicLong();
        private final StringBuilder partial = new StringBuilder();
        private long[] latencies = new long[1024];
        private int n;
        private volatile long after = Long.MAX_VALUE;
        private WebSocket socket;

        static Subscriber open(HttpClient http, URI base) {
            var s = new Subscriber();
            s.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + KEY)
                    .buildAsync(URI.create(base.toString().replaceFirst("^http", "ws") + "/api/v1/ws"), s).join();
            s.socket.sendText("{\"type\":\"subscribe\",\"id\":\"bench\",\"events\":[\"task_progress\"]}", true);
            return s;
        }

        void measureAfter(long seq) {
            after = seq;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = nowNanos();
            partial.append(data);
            if (last) {
                String m = partial.toString();
                partial.setLength(0);
                if (m.startsWith("{\"type\":\"subscribed\"")) subscribed.complete(null);
                else if (m.startsWith("{\"type\":\"event\"")) record(m, now);
            }
            ws.request(1);
            return null;
        }

        private void record(String m, long now) {
            long seq = Long.parseLong(field(m, "\"seq\":", ','));
            if (seq <= after) return;
            Instant at = Instant.parse(field(m, "\"at\":\"", '"'));
            long published = at.getEpochSecond() * 1_000_000_000L + at.getNano();
            synchronized (this) {
                if (n == latencies.length) latencies = java.util.Arrays.copyOf(latencies, n * 2);
                latencies[n++] = Math.max(0, now - published);
            }
            count.incrementAndGet();
        }

        synchronized long[] latenciesNanos() {
            return java.util.Arrays.copyOf(latencies, n);
        }

        private static String field(String m, String prefix, char end) {
            int i = m.indexOf(prefix) + prefix.length();
            return m.substring(i, m.indexOf(end, i));
        }

        private static long nowNanos() {
            var now = Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        void close() {
            socket.abort();
        }
    }
}
