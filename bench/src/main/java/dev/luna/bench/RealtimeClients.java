package dev.luna.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscribers of {@code scripts/bench/realtime}, in their own JVM (started by {@link RealtimeBenchmark}) so the
 * runtime's heap and threads hold only the server side: N WebSocket clients (java.net.http, spread over several
 * HTTP clients so one selector thread does not serialise them all) on {@code /api/v1/ws}, each subscribed to the
 * project's {@code task_progress} events. Talks to its parent by lines: prints {@code subscribed <n> <seconds>};
 * reads {@code after <seq>} (measure events above it) and {@code expect <count>} (wait until every client has that
 * many, 60 s at most), then prints {@code result <received> <expected total> <p50> <p90> <p99> <max>} (latencies in
 * microseconds, from the event's publish instant to its arrival; same machine, same wall clock) and exits.
 * Usage: RealtimeClients <ws-uri> <key> <subscribers>
 */
public final class RealtimeClients {
    private static final int CLIENTS_PER_HTTP_CLIENT = 100;
    /** Set once measuring ends (the runtime then stops and drops its connections). */
    private static volatile boolean closing;

    private RealtimeClients() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String key = args[1];
        int subscribers = Integer.parseInt(args[2]);
        var clients = new ArrayList<Subscriber>();
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        long t0 = System.nanoTime();
        HttpClient http = null;
        for (int i = 0; i < subscribers; i++) {
            if (i % CLIENTS_PER_HTTP_CLIENT == 0) http = HttpClient.newBuilder().executor(executor).build();
            clients.add(Subscriber.open(http, uri, key));
        }
        for (var s : clients) s.subscribed.get(60, TimeUnit.SECONDS);
        System.out.printf("subscribed %d %.1f%n", subscribers, (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        var in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            var parts = line.trim().split(" ");
            if (parts[0].equals("after")) {
                for (var s : clients) s.after = Long.parseLong(parts[1]);
            } else if (parts[0].equals("expect")) {
                closing = true;
                long expected = Long.parseLong(parts[1]);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline && !allReceived(clients, expected)) Thread.sleep(100);
                report(clients, expected);
                break;
            }
        }
        for (var s : clients) s.socket.abort();
        System.exit(0);
    }

    private static boolean allReceived(List<Subscriber> clients, long expected) {
        for (var s : clients) if (s.count.get() < expected) return false;
        return true;
    }

    private static void report(List<Subscriber> clients, long expected) {
        long received = 0;
        var all = new ArrayList<long[]>();
        for (var s : clients) {
            var l = s.latenciesNanos();
            all.add(l);
            received += l.length;
        }
        long[] merged = new long[(int) received];
        int k = 0;
        for (var l : all) for (long v : l) merged[k++] = v;
        java.util.Arrays.sort(merged);
        System.out.printf("result %d %d %d %d %d %d%n", received, expected * clients.size(), p(merged, 0.50), p(merged, 0.90),
                p(merged, 0.99), merged.length == 0 ? 0 : merged[merged.length - 1] / 1000);
        System.out.flush();
    }

    private static long p(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000;
    }

    /** One WebSocket client; records when each event arrived against the instant it was published. */
    private static final class Subscriber implements WebSocket.Listener {
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        final AtomicLong count = new AtomicLong();
        private final StringBuilder partial = new StringBuilder();
        private long[] latencies = new long[1024];
        private int n;
        volatile long after = Long.MAX_VALUE;
        WebSocket socket;

        static Subscriber open(HttpClient http, URI uri, String key) {
            var s = new Subscriber();
            s.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + key).buildAsync(uri, s).join();
            s.socket.sendText("{\"type\":\"subscribe\",\"id\":\"bench\",\"events\":[\"task_progress\"]}", true);
            return s;
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

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (!closing) System.err.println("client closed by the server: " + statusCode + " " + reason);
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
    }
}
