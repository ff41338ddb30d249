package dev.luna.bench;

import dev.luna.store.Attr;
import dev.luna.store.AwsClients;
import dev.luna.store.LunaConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The driver of {@code scripts/bench/tasks-crash}.
 * <ul>
 * <li>{@code submit URL N IDS_FILE}: submits bench-effect tasks (16 clients) until IDS_FILE lists N accepted ones;
 * stops quietly at the first failure (the runtime was killed), so it can be run again after a restart.</li>
 * <li>{@code progress URL MIN}: waits until at least MIN tasks succeeded.</li>
 * <li>{@code verify URL DATA_DIR IDS_FILE}: waits until the queues are idle, then checks every task of the project
 * (each accepted id among them): terminal, succeeded, its effect counter exactly 1, and no effect counter anywhere
 * above 1; reports how many handlers ran more than once (at-least-once delivery) against effects applied once.</li>
 * </ul>
 */
public final class TasksCrashCheck {
    private TasksCrashCheck() {
    }

    public static void main(String[] args) throws Exception {
        var client = new BenchClient(URI.create(args[1]), TasksCrashRuntime.KEY);
        switch (args[0]) {
            case "submit" -> submit(client, Integer.parseInt(args[2]), Path.of(args[3]));
            case "progress" -> progress(client, Integer.parseInt(args[2]));
            case "verify" -> System.exit(verify(client, Path.of(args[2]), Path.of(args[3])) ? 0 : 1);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void submit(BenchClient client, int n, Path idsFile) throws Exception {
        var have = Files.exists(idsFile) ? Files.readAllLines(idsFile).stream().filter(l -> !l.isBlank()).toList() : List.<String>of();
        String agent = agent(client);
        var next = new AtomicInteger(have.size());
        var failed = new AtomicBoolean();
        var accepted = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (int c = 0; c < 16; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n && !failed.get(); i = next.getAndIncrement()) {
                        try {
                            String id = client.submit(agent, "bench-effect", "normal", "{\"ms\":150,\"i\":" + i + "}");
                            synchronized (TasksCrashCheck.class) {
                                Files.writeString(idsFile, id + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                            }
                            accepted.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.set(true);
                        }
                    }
                    return null;
                });
            }
        }
        System.out.printf("submit: %d accepted now, %d in total%s%n", accepted.get(), have.size() + accepted.get(),
                failed.get() ? " (stopped: the runtime went away)" : "");
    }

    /** The crash agent, registered once per data directory. */
    private static String agent(BenchClient client) {
        for (var a : client.send("GET", "/api/v1/agents?namePrefix=crash-agent", null).get("data")) {
            if (a.get("status").asString().equals("running")) return a.get("id").asString();
        }
        return client.agent("crash-agent", 3);
    }

    private static void progress(BenchClient client, int min) throws InterruptedException {
        while (true) {
            var stats = client.send("GET", "/api/v1/queues/normal/stats?windowMinutes=60", null).get("data");
            int succeeded = stats.get("attempts").path("succeeded").asInt(0);
            if (succeeded >= min) {
                System.out.println("progress: " + succeeded + " tasks succeeded");
                return;
            }
            Thread.sleep(100);
        }
    }

    private static boolean verify(BenchClient client, Path data, Path idsFile) throws Exception {
        int quiet = 0;
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (quiet < 3) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("queues did not drain within 10 minutes");
            Thread.sleep(1_000);
            boolean idle = true;
            for (var q : client.send("GET", "/api/v1/queues", null).get("data")) {
                idle &= q.get("depth").asLong() == 0 && q.get("inFlight").asLong() == 0 && q.get("delayed").asLong() == 0 && !q.has("oldestTaskId");
            }
            quiet = idle ? quiet + 1 : 0;
        }
        var accepted = new HashSet<>(Files.readAllLines(idsFile).stream().filter(l -> !l.isBlank()).toList());
        var tasks = client.allTasks("type=bench-effect");
        var props = new Properties();
        try (var in = Files.newInputStream(data.resolve("endpoints.properties"))) {
            props.load(in);
        }
        var settings = Map.of(LunaConfig.DYNAMODB_ENDPOINT, props.getProperty("dynamodb"), LunaConfig.RESOURCE_PREFIX, "luna");
        int problems = 0;
        var byStatus = new TreeMap<String, Integer>();
        var attemptsHistogram = new TreeMap<Integer, Integer>();
        int reRun = 0, effectsApplied = 0;
        var seen = new HashSet<String>();
        try (var aws = new AwsClients(LunaConfig.from(settings::get))) {
            var counters = counters(aws);
            for (var t : tasks) {
                String id = t.get("id").asString();
                seen.add(id);
                String status = t.get("status").asString();
                byStatus.merge(status, 1, Integer::sum);
                attemptsHistogram.merge(t.get("attempts").asInt(), 1, Integer::sum);
                long effects = counters.getOrDefault("EFFECT#" + id, 0L);
                long runs = counters.getOrDefault("RUNS#" + id, 0L);
                effectsApplied += effects;
                if (runs > 1) reRun++;
                if (!status.equals("succeeded")) {
                    problems++;
                    System.out.println("  NOT SUCCEEDED: " + id + " " + status + " " + t.get("error"));
                }
                if (status.equals("succeeded") && effects != 1) {
                    problems++;
                    System.out.println("  EFFECT APPLIED " + effects + " TIMES: " + id);
                }
                if (!status.equals("succeeded") && effects != 0) {
                    problems++;
                    System.out.println("  EFFECT OF AN UNSUCCESSFUL TASK: " + id);
                }
            }
            for (var e : counters.entrySet()) {
                if (e.getKey().startsWith("EFFECT#") && e.getValue() > 1) {
                    problems++;
                    System.out.println("  EFFECT COUNTER ABOVE 1: " + e);
                }
            }
        }
        for (String id : accepted) {
            if (!seen.contains(id)) {
                problems++;
                System.out.println("  LOST: accepted task " + id + " is not stored");
            }
        }
        System.out.printf("verify: %d tasks stored (%d accepted by the API, %d more created while their response was lost to the crash)%n",
                tasks.size(), accepted.size(), tasks.size() - accepted.size());
        System.out.println("  by status: " + byStatus);
        System.out.println("  by attempts: " + attemptsHistogram);
        System.out.printf("  handlers that ran more than once (at-least-once delivery, crash): %d; effects applied: %d (one per succeeded task)%n",
                reRun, effectsApplied);
        System.out.println(problems == 0 ? "OK: every task reached a terminal state, none lost, no effect applied twice"
                : "FAILED: " + problems + " problems");
        return problems == 0;
    }

    /** Every RUNS#/EFFECT# counter in the tasks table. */
    private static Map<String, Long> counters(AwsClients aws) {
        var out = new HashMap<String, Long>();
        Map<String, AttributeValue> start = null;
        do {
            var req = software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder().tableName("luna-tasks")
                    .filterExpression("begins_with(pk, :e) OR begins_with(pk, :r)")
                    .expressionAttributeValues(Map.of(":e", Attr.s("EFFECT#"), ":r", Attr.s("RUNS#")));
            if (start != null) req.exclusiveStartKey(start);
            var resp = aws.dynamo().scan(req.build());
            for (var i : resp.items()) {
                String pk = Attr.str(i, "pk");
                out.put(pk, pk.startsWith("EFFECT#") ? Attr.num(i, "effects", 0) : Attr.num(i, "runs", 0));
            }
            start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
