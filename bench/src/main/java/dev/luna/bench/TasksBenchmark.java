package dev.luna.bench;

import dev.luna.local.LocalRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * {@code scripts/bench/tasks}: the task framework on the local runtime (in memory, real sockets, the queue pollers
 * standing in for Lambda's event source mappings).
 * <ol>
 * <li>Throughput: N no-op tasks submitted over HTTP by 16 concurrent clients; submit → succeeded, wall clock from
 * the first submission to the last completion, plus each task's end-to-end latency.</li>
 * <li>Queue submission: the same number of no-op tasks sent as messages to the submission queue (SQS
 * SendMessageBatch, 10 per call), turned into tasks by {@code tasks-ingest}: the engine's throughput without the
 * per-request HTTP pipeline (authentication, rate limits, audit) in front of each task.</li>
 * <li>Priority: a backlog of background tasks (each sleeping 250 ms, so they arrive faster than they drain), then
 * critical tasks (25 ms) arriving while the backlog drains; the wait (queued → started) of critical and of background tasks.</li>
 * </ol>
 * Usage: TasksBenchmark [noop-tasks (default 2000)] [background-backlog (default 2000)] [critical-tasks (default 100)]
 */
public final class TasksBenchmark {
    private static final String KEY = "luna_bench_admin_key_0000000000000001";

    private TasksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int noop = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int critical = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .initializer(BenchTaskTypes::register).start()) {
            var client = new BenchClient(runtime.baseUri(), KEY);
            System.out.println("Luna tasks benchmark — local runtime on " + runtime.baseUri() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            String agent = client.agent("bench-agent", 1);
            warmUp(client, agent);
            throughput(client, agent, noop);
            queueThroughput(runtime, client, noop);
            priority(client, agent, backlog, critical);
        }
    }

    private static void warmUp(BenchClient client, String agent) throws Exception {
        var ids = submitAll(client, agent, "bench-noop", "normal", 300, i -> "{\"warm\":" + i + "}");
        awaitDone(client, Set.copyOf(ids), "type=bench-noop");
    }

    private static void throughput(BenchClient client, String agent, int n) throws Exception {
        long t0 = System.nanoTime();
        var ids = submitAll(client, agent, "bench-noop", "normal", n, i -> "{\"i\":" + i + "}");
        double submitSeconds = (System.nanoTime() - t0) / 1e9;
        var done = awaitDone(client, Set.copyOf(ids), "type=bench-noop");
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        var e2e = new Percentiles(n);
        var wait = new Percentiles(n);
        Instant first = null, last = null;
        for (var t : done) {
            e2e.add(BenchClient.millisBetween(t, "createdAt", "completedAt") * 1_000_000L);
            wait.add(BenchClient.millisBetween(t, "createdAt", "startedAt") * 1_000_000L);
            Instant c = Instant.parse(t.get("createdAt").asString()), f = Instant.parse(t.get("completedAt").asString());
            if (first == null || c.isBefore(first)) first = c;
            if (last == null || f.isAfter(last)) last = f;
        }
        double span = java.time.Duration.between(first, last).toMillis() / 1000.0;
        System.out.printf("throughput, %d no-op tasks (16 clients, priority normal): submitted in %.1f s (%.0f/s); "
                        + "all succeeded %.1f s after the first submission: %.0f tasks/s (first created -> last completed %.1f s: %.0f tasks/s)%n",
                n, submitSeconds, n / submitSeconds, wallSeconds, n / wallSeconds, span, n / span);
        System.out.println("  submit -> succeeded per task: " + e2e.summary());
        System.out.println("  submit -> started   per task: " + wait.summary());
    }

    private static void queueThroughput(LocalRuntime runtime, BenchClient client, int n) throws Exception {
        String agent = client.agent("bench-agent-queue", 1);
        try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(runtime.emulators().sqsEndpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local"))).build()) {
            String url = sqs.getQueueUrl(b -> b.queueName("luna-task-submissions")).queueUrl();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i += 10) {
                var entries = new ArrayList<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry>();
                for (int k = i; k < Math.min(n, i + 10); k++) {
                    entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder().id("m" + k)
                            .messageBody("{\"type\":\"bench-noop\",\"agentId\":\"" + agent + "\",\"cache\":false,\"payload\":{\"q\":" + k + "}}").build());
                }
                sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
            }
            double sendSeconds = (System.nanoTime() - t0) / 1e9;
            List<JsonNode> done;
            long deadline = System.nanoTime() + 600_000_000_000L;
            while ((done = client.allTasks("agentId=" + agent + "&status=succeeded")).size() < n) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("queue-submitted tasks did not finish within 10 minutes");
                Thread.sleep(500);
            }
            Instant first = null, last = null;
            var e2e = new Percentiles(n);
            for (var t : done) {
                e2e.add(BenchClient.millisBetween(t, "createdAt", "completedAt") * 1_000_000L);
                Instant c = Instant.parse(t.get("createdAt").asString()), f = Instant.parse(t.get("completedAt").asString());
                if (first == null || c.isBefore(first)) first = c;
                if (last == null || f.isAfter(last)) last = f;
            }
            double span = java.time.Duration.between(first, last).toMillis() / 1000.0;
            System.out.printf("queue submission, %d no-op tasks sent to the submission queue in %.1f s: first created -> last completed %.1f s: %.0f tasks/s%n",
                    n, sendSeconds, span, n / span);
            System.out.println("  created -> succeeded per task: " + e2e.summary());
        }
    }

    private static void priority(BenchClient client, String agent, int backlog, int critical) throws Exception {
        long t0 = System.nanoTime();
        var background = submitAll(client, agent, "bench-sleep", "background", backlog, i -> "{\"ms\":250,\"i\":" + i + "}");
        System.out.printf("priority: %d background tasks (250 ms each) queued in %.1f s; now %d critical tasks (25 ms each) arrive, one every 50 ms%n",
                backlog, (System.nanoTime() - t0) / 1e9, critical);
        var criticalIds = new ArrayList<String>();
        for (int i = 0; i < critical; i++) {
            criticalIds.add(client.submit(agent, "bench-sleep", "critical", "{\"ms\":25,\"c\":" + i + "}"));
            Thread.sleep(50);
        }
        var criticalDone = awaitEach(client, criticalIds);
        var remaining = client.allTasks("type=bench-sleep&priority=5&status=queued").size();
        var bgDone = awaitDone(client, Set.copyOf(background), "type=bench-sleep&priority=5");
        var cWait = new Percentiles(critical);
        for (var t : criticalDone) cWait.add(BenchClient.millisBetween(t, "createdAt", "startedAt") * 1_000_000L);
        var bWait = new Percentiles(backlog);
        for (var t : bgDone) bWait.add(BenchClient.millisBetween(t, "createdAt", "startedAt") * 1_000_000L);
        System.out.println("  critical wait (queued -> started):   " + cWait.summary());
        System.out.println("  background wait (queued -> started): " + bWait.summary());
        System.out.printf("  background tasks still queued when the last critical task had finished: %d of %d%n", remaining, backlog);
    }

    interface Payload {
        String of(int i);
    }

    static List<String> submitAll(BenchClient client, String agent, String type, String priority, int n, Payload payload) throws Exception {
        var ids = Collections.synchronizedList(new ArrayList<String>());
        var next = new AtomicInteger();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (int c = 0; c < 16; c++) {
                pool.submit(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) ids.add(client.submit(agent, type, priority, payload.of(i)));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                    return null;
                });
            }
        }
        if (ids.size() != n) throw new IllegalStateException("submitted " + ids.size() + " of " + n, failure.get());
        return ids;
    }

    /** Waits for the given tasks one by one (GET each until it succeeded), while other queues stay busy. */
    static List<JsonNode> awaitEach(BenchClient client, List<String> ids) throws InterruptedException {
        var done = new ArrayList<JsonNode>();
        var pending = new ArrayList<>(ids);
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(pending.size() + " tasks did not finish");
            for (var it = pending.iterator(); it.hasNext(); ) {
                var t = client.send("GET", "/api/v1/tasks/" + it.next(), null).get("data");
                String status = t.get("status").asString();
                if (status.equals("succeeded")) {
                    done.add(t);
                    it.remove();
                } else if (!status.equals("queued") && !status.equals("running")) {
                    throw new IllegalStateException("task ended " + status + ": " + t);
                }
            }
            Thread.sleep(200);
        }
        return done;
    }

    /**
     * Waits until every task finished: the queues are watched cheaply (SQS depth, in-flight, delayed, and the oldest
     * queued task from the state index) until all are empty twice in a row (polled once a second, so the
     * load generator adds little load of its own), then the tasks are listed once. Fails
     * when any did not succeed.
     */
    static List<JsonNode> awaitDone(BenchClient client, Set<String> ids, String query) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        int quiet = 0;
        while (quiet < 2) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("tasks did not finish within 10 minutes");
            Thread.sleep(1_000);
            boolean idle = true;
            for (var q : client.send("GET", "/api/v1/queues", null).get("data")) {
                idle &= q.get("depth").asLong() == 0 && q.get("inFlight").asLong() == 0 && q.get("delayed").asLong() == 0
                        && !q.has("oldestTaskId");
            }
            quiet = idle ? quiet + 1 : 0;
        }
        var done = new ArrayList<JsonNode>();
        for (var t : client.allTasks(query)) {
            if (!ids.contains(t.get("id").asString())) continue;
            if (!t.get("status").asString().equals("succeeded")) throw new IllegalStateException("task ended " + t.get("status") + ": " + t);
            done.add(t);
        }
        if (done.size() != ids.size()) throw new IllegalStateException("found " + done.size() + " of " + ids.size() + " tasks");
        return done;
    }
}
