package dev.luna.bench;

import dev.luna.local.LocalRuntime;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code scripts/bench/agents}: latency of the agents API over HTTP on the local runtime (in-memory, real sockets),
 * listing 1,000+ agents with pagination, and cold init of one function in a fresh JVM.
 * Usage: AgentsBenchmark [registrations | cold] — defaults to 2,000 measured registrations after 300 warm-up ones;
 * {@code cold} measures only the cold init.
 */
public final class AgentsBenchmark {
    private static final String KEY = "luna_bench_admin_key_0000000000000001";
    private static final Pattern ID = Pattern.compile("\"id\":\"(agt_[0-9A-Z]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AgentsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean coldOnly = args.length > 0 && args[0].equals("cold");
        int measured = args.length > 0 && !coldOnly ? Integer.parseInt(args[0]) : 2_000;
        // the benchmark drives one key far past the default 600 requests/minute: it measures latency, not limits
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000").start()) {
            URI base = runtime.baseUri();
            if (coldOnly) {
                coldStart(runtime, register(base, "cold", null));
                return;
            }
            System.out.println("Luna agents benchmark — local runtime on " + base + ", " + Runtime.getRuntime().availableProcessors() + " cores");

            var ids = new ArrayList<String>();
            for (int i = 0; i < 300; i++) ids.add(register(base, "warmup-" + i, null));
            var reg = new Percentiles(measured);
            for (int i = 0; i < measured; i++) ids.add(register(base, String.format("bench-%05d", i), reg));
            System.out.println("registration (POST /api/v1/agents):           " + reg.summary());

            String id = ids.get(ids.size() / 2);
            send(base, "POST", "/api/v1/agents/" + id + "/start", null);
            send(base, "POST", "/api/v1/agents/" + id + "/heartbeat", "{\"metrics\":{\"cpu\":10,\"errorRate\":0}}");
            for (int i = 0; i < 1_000; i++) send(base, "GET", "/api/v1/agents/" + id + "/health", null);
            var health = new Percentiles(5_000);
            for (int i = 0; i < 5_000; i++) {
                long t0 = System.nanoTime();
                send(base, "GET", "/api/v1/agents/" + id + "/health", null);
                health.add(System.nanoTime() - t0);
            }
            System.out.println("agent health (GET /api/v1/agents/{id}/health): " + health.summary());
            var platform = new Percentiles(5_000);
            for (int i = 0; i < 5_000; i++) {
                long t0 = System.nanoTime();
                send(base, "GET", "/api/v1/health", null);
                platform.add(System.nanoTime() - t0);
            }
            System.out.println("platform health (GET /api/v1/health):         " + platform.summary());

            long t0 = System.nanoTime();
            int seen = 0, pages = 0;
            var page = new Percentiles(1_000);
            String next = "/api/v1/agents?limit=100";
            while (next != null) {
                long p0 = System.nanoTime();
                String body = send(base, "GET", next, null);
                page.add(System.nanoTime() - p0);
                var m = ID.matcher(body);
                while (m.find()) seen++;
                pages++;
                int at = body.indexOf("\"next\":\"");
                next = at < 0 ? null : body.substring(at + 8, body.indexOf('"', at + 8));
            }
            System.out.printf("list %d agents, limit=100, %d pages:        total %.1f ms; per page %s%n", seen, pages,
                    (System.nanoTime() - t0) / 1e6, page.summary());
            if (seen != ids.size()) throw new IllegalStateException("listed " + seen + " agents, registered " + ids.size());

            coldStart(runtime, id);
        }
    }

    private static String register(URI base, String name, Percentiles into) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"type\":\"task-executor\",\"version\":\"1.0.0\","
                + "\"config\":{\"runtime\":\"java\",\"capabilities\":[\"code-analysis\"]},\"resourceQuota\":{\"memoryMb\":2048}}";
        long t0 = System.nanoTime();
        String response = send(base, "POST", "/api/v1/agents", body);
        if (into != null) into.add(System.nanoTime() - t0);
        var m = ID.matcher(response);
        if (!m.find()) throw new IllegalStateException("registration failed: " + response);
        return m.group(1);
    }

    static String send(URI base, String method, String path, String body) throws Exception {
        var b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }

    /**
     * Cold init: a fresh JVM with only the agents module's classpath runs Spring Cloud Function's FunctionInvoker
     * (as Lambda does) on the agents-get sample event; measured from process start to the response. Measured plain,
     * then with an application class-data-sharing archive (built by one training run, as packaging would).
     */
    private static void coldStart(LocalRuntime runtime, String agentId) throws Exception {
        String classpath = System.getProperty("luna.agents.classpath");
        if (classpath == null) {
            System.out.println("cold init: skipped (run through scripts/bench/agents, which passes luna.agents.classpath)");
            return;
        }
        Path event = Path.of(System.getProperty("luna.root", ".")).resolve("events/agents-get/request.json");
        Path tmp = Files.createTempFile("cold-event", ".json");
        Files.writeString(tmp, Files.readString(event).replace("agt_01JEXAMPLE0000000000000000", agentId)
                .replace("luna_example_admin_key_for_sample_events_0001", KEY));
        Path archive = Files.createTempDirectory("luna-cds").resolve("agents.jsa");
        coldRuns(runtime, classpath, tmp, List.of(), 5, "no CDS");
        coldRuns(runtime, classpath, tmp, List.of("-XX:ArchiveClassesAtExit=" + archive), 1, null);
        coldRuns(runtime, classpath, tmp, List.of("-XX:SharedArchiveFile=" + archive), 5, "AppCDS archive");
    }

    private static void coldRuns(LocalRuntime runtime, String classpath, Path event, List<String> extraFlags, int runs, String label)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var wall = new ArrayList<Double>();
        var reported = new ArrayList<Double>();
        String phases = null;
        for (int run = 0; run < runs; run++) {
            // the JVM options Lambda runs the function with (Terraform's JAVA_TOOL_OPTIONS and the runtime's own)
            var command = new ArrayList<>(List.of(java));
            command.addAll(dev.luna.tools.LambdaJvm.RUNTIME_OPTIONS);
            command.addAll(dev.luna.tools.LambdaJvm.TOOL_OPTIONS);
            command.addAll(extraFlags);
            command.addAll(List.of("-cp", classpath + File.pathSeparator + System.getProperty("luna.bench.jar"),
                    "dev.luna.bench.ColdStart", event.toString()));
            var pb = new ProcessBuilder(command);
            var env = pb.environment();
            env.put("MAIN_CLASS", "dev.luna.functions.agents.AgentFunctions");
            env.put("SPRING_CLOUD_FUNCTION_DEFINITION", "agentsGet");
            env.put("LUNA_DYNAMODB_ENDPOINT", runtime.emulators().dynamoEndpoint().toString());
            env.put("LUNA_S3_ENDPOINT", runtime.emulators().s3Endpoint().toString());
            env.put("LUNA_SQS_ENDPOINT", runtime.emulators().sqsEndpoint().toString());
            env.put("LUNA_RESOURCE_PREFIX", "luna");
            // the same lifted rate limit as the runtime's: the measured runs above used up the key's window
            env.put("LUNA_RATE_LIMIT_PER_KEY", "100000000");
            env.put("LUNA_RATE_LIMIT_PER_USER", "100000000");
            env.put("AWS_REGION", "us-east-1");
            env.put("LUNA_LOG_LEVEL", "WARN");
            pb.redirectErrorStream(true);
            long t0 = System.nanoTime();
            var p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            double ms = (System.nanoTime() - t0) / 1e6;
            var m = Pattern.compile("INIT_TO_RESPONSE_MS=(\\d+)").matcher(out);
            if (p.exitValue() != 0 || !m.find() || !out.contains("\"statusCode\":200")) {
                throw new IllegalStateException("cold start failed: " + out);
            }
            if (phases == null) phases = out.lines().filter(l -> l.startsWith("PHASES")).findFirst().orElse("");
            wall.add(ms);
            reported.add(Double.parseDouble(m.group(1)));
        }
        if (label != null) {
            System.out.printf("cold init, agents-get, %s (fresh JVM -> first response, %d runs): JVM uptime at response %s ms; "
                    + "wall incl. exit %s ms [first run %s]%n", label, runs, fmt(reported), fmt(wall), phases);
        }
    }

    private static String fmt(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return String.format("median %.0f (min %.0f, max %.0f)", sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
