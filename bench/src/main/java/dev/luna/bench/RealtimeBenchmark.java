package dev.luna.bench;

import dev.luna.local.LocalRuntime;
import dev.luna.realtime.LiveEventKind;
import dev.luna.realtime.LiveFilter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/bench/realtime}: live event delivery on one local runtime. N WebSocket clients on {@code /api/v1/ws},
 * run in a separate JVM ({@link RealtimeClients}) so this JVM holds only the runtime, each subscribed to the
 * project's {@code task_progress} events; no-op tasks submitted over HTTP at a fixed rate (at most
 * {@link #SUBMITTERS} requests in flight, so an overloaded runtime slows the submitter down instead of timing it out)
 * for a while; every state change of every task is an event each subscriber receives.
 * Prints delivery latency (the event's publish instant, stamped right after the task's DynamoDB write, to its arrival
 * at a client — two JVMs on one machine, one wall clock), events delivered vs expected, the submit rate reached, the
 * runtime's heap per connection (server side only) and the load average while it ran.
 * Usage: RealtimeBenchmark [subscribers (1000)] [tasks-per-second (50)] [seconds (10)]
 */
public final class RealtimeBenchmark {
    private static final String KEY = "luna_bench_admin_key_0000000000000001";
    /** Submit requests in flight at most. */
    static final int SUBMITTERS = 32;

    private RealtimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Process clientsJvm = null;
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .initializer(BenchTaskTypes::register).start()) {
            var client = new BenchClient(runtime.baseUri(), KEY);
            System.out.println("Luna realtime benchmark — local runtime on " + runtime.baseUri() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores; " + subscribers + " subscribers (separate JVM), "
                    + rate + " tasks/s for " + seconds + " s");
            String agent = client.agent("bench-agent", 1);
            for (int i = 0; i < 50; i++) client.submit(agent, "bench-noop", "normal", "{\"warm\":" + i + "}");
            Thread.sleep(2_000);

            long heapBefore = usedHeapAfterGc();
            clientsJvm = startClients(runtime.baseUri().toString().replaceFirst("^http", "ws") + "/api/v1/ws", subscribers);
            var fromClients = new BufferedReader(new InputStreamReader(clientsJvm.getInputStream()));
            var toClients = new PrintWriter(clientsJvm.getOutputStream(), true);
            String ready = fromClients.readLine();
            if (ready == null || !ready.startsWith("subscribed ")) throw new IllegalStateException("the clients' JVM failed: " + ready);
            System.out.printf("connected and subscribed %d clients in %s s%n", subscribers, ready.split(" ")[2]);
            long heapAfter = usedHeapAfterGc();
            System.out.printf("runtime heap per connection (server side only): %.1f KB (%d MB for %d)%n",
                    (heapAfter - heapBefore) / 1024.0 / subscribers, (heapAfter - heapBefore) >> 20, subscribers);

            // the runtime's own subscription tells when every task has reached its terminal state
            var terminal = new AtomicLong();
            long firstSeq = runtime.liveEvents().lastSequence("default");
            toClients.println("after " + firstSeq);
            try (var watch = runtime.liveEvents().subscribe(new LiveFilter("default", Set.of(LiveEventKind.TASK_PROGRESS), null), -1, e -> {
                if (e.data().path("terminal").asBoolean(false)) terminal.incrementAndGet();
            })) {
                var submitters = Executors.newVirtualThreadPerTaskExecutor();
                int total = rate * seconds;
                var submitted = new CountDownLatch(total);
                var failed = new AtomicLong();
                var inFlight = new java.util.concurrent.Semaphore(SUBMITTERS);
                double load0 = loadAverage();
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    int n = i;
                    inFlight.acquire();
                    submitters.submit(() -> {
                        try {
                            client.submit(agent, "bench-noop", "normal", "{\"i\":" + n + "}");
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        } finally {
                            inFlight.release();
                            submitted.countDown();
                        }
                    });
                }
                submitted.await(120, TimeUnit.SECONDS);
                double submitSeconds = (System.nanoTime() - start) / 1e9;
                double load1 = loadAverage();
                long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                long ok = total - failed.get();
                while (terminal.get() < ok && System.nanoTime() < settle) Thread.sleep(100);
                if (terminal.get() < ok) System.out.printf("only %d of %d tasks finished within the wait%n", terminal.get(), ok);
                long last;
                do { // the stream is quiet for a second: every state change has been published
                    last = runtime.liveEvents().lastSequence("default");
                    Thread.sleep(1_000);
                } while (runtime.liveEvents().lastSequence("default") != last && System.nanoTime() < settle);
                long expected = runtime.liveEvents().lastSequence("default") - firstSeq;
                toClients.println("expect " + expected);
                String result = fromClients.readLine();
                if (result == null || !result.startsWith("result ")) throw new IllegalStateException("the clients' JVM failed: " + result);
                var r = result.split(" ");
                long received = Long.parseLong(r[1]);
                long deliveries = Long.parseLong(r[2]);
                System.out.printf("submitted %d tasks in %.1f s (%.0f/s reached, %d failed): %d events (task state changes), "
                                + "%d of %d deliveries arrived (%.2f%%)%n", total, submitSeconds, total / submitSeconds, failed.get(),
                        expected, received, deliveries, 100.0 * received / Math.max(1, deliveries));
                System.out.printf("delivery latency, state change -> client: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                        Long.parseLong(r[3]) / 1e3, Long.parseLong(r[4]) / 1e3, Long.parseLong(r[5]) / 1e3, Long.parseLong(r[6]) / 1e3);
                System.out.printf("load average (1 min) at start %.2f, at end of submission %.2f, on %d cores%n", load0, load1,
                        Runtime.getRuntime().availableProcessors());
                System.out.println(Long.parseLong(r[5]) <= 100_000 ? "p99 within the 100 ms goal" : "p99 ABOVE the 100 ms goal");
            }
        } finally {
            if (clientsJvm != null) clientsJvm.destroy();
        }
        System.exit(0);
    }

    /** The subscribers' JVM: the same java and classpath, its own small heap and serial GC, stderr passed through. */
    private static Process startClients(String wsUri, int subscribers) throws java.io.IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                RealtimeClients.class.getName(), wsUri, KEY, Integer.toString(subscribers)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
