package dev.luna.bench;

import dev.luna.core.Json;
import dev.luna.local.LocalRuntime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code scripts/bench/graphql}: the GraphQL API on the local runtime (in memory, real sockets), against REST.
 * <ol>
 * <li>Overhead: {@code { queues { … } }} over GraphQL vs {@code GET /api/v1/queues}, sequential requests.</li>
 * <li>A list with a join: 100 tasks with their agent in one GraphQL query vs REST's {@code GET /api/v1/tasks?limit=100}
 * followed by {@code GET /api/v1/agents/{id}} per distinct agent (what a REST client has to do).</li>
 * <li>Store calls: requests reaching the agents table (DynamoDB emulator) per GraphQL query of 10 and of 100 tasks.</li>
 * </ol>
 * Usage: GraphqlBenchmark [requests per measurement (default 300)] [agents (default 10)]
 */
public final class GraphqlBenchmark {
    private static final String KEY = "luna_bench_admin_key_0000000000000001";
    private static final String TASKS = "query($n: Int) { tasks(first: $n) { nodes { id status agentId agent { id name status } } } }";

    private GraphqlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey(KEY)
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000")
                .initializer(BenchTaskTypes::register).start()) {
            var client = new BenchClient(runtime.baseUri(), KEY);
            System.out.println("Luna GraphQL benchmark — local runtime on " + runtime.baseUri() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, " + requests + " requests per measurement");
            var ids = new java.util.ArrayList<String>();
            for (int i = 0; i < agents; i++) ids.add(client.agent("bench-graphql-" + i, 1));
            var tasks = new HashSet<String>();
            for (int i = 0; i < 100; i++) tasks.add(client.submit(ids.get(i % agents), "bench-noop", "normal", "{\"i\":" + i + "}"));
            while (client.allTasks("type=bench-noop&status=succeeded").size() < tasks.size()) Thread.sleep(200);

            var gqlQueues = measure(requests, () -> graphql(client, "{ queues { id priority depth inFlight } }", Map.of()));
            var restQueues = measure(requests, () -> client.send("GET", "/api/v1/queues", null));
            System.out.println("queues, GraphQL: " + gqlQueues.summary());
            System.out.println("queues, REST:    " + restQueues.summary());

            var gqlTasks = measure(requests, () -> graphql(client, TASKS, Map.of("n", 100)));
            var restTasks = measure(requests, () -> {
                var page = client.send("GET", "/api/v1/tasks?limit=100", null).get("data");
                Set<String> seen = new HashSet<>();
                for (var t : page) if (seen.add(t.get("agentId").asString())) client.send("GET", "/api/v1/agents/" + t.get("agentId").asString(), null);
            });
            System.out.println("100 tasks with their agent (" + agents + " agents), GraphQL, one request:       " + gqlTasks.summary());
            System.out.println("100 tasks with their agent (" + agents + " agents), REST, list + one GET per agent: " + restTasks.summary());

            var dynamo = runtime.emulators().dynamo();
            for (int n : new int[] {10, 100}) {
                long before = dynamo.requestsTo("-agents");
                graphql(client, TASKS, Map.of("n", n));
                System.out.printf("agents-table requests for one GraphQL query of %d tasks with their agent: %d%n", n, dynamo.requestsTo("-agents") - before);
            }
        }
    }

    private static void graphql(BenchClient client, String query, Map<String, Object> variables) {
        var answer = client.send("POST", "/api/v1/graphql", Json.write(Map.of("query", query, "variables", variables)));
        if (answer.has("errors")) throw new IllegalStateException("GraphQL errors: " + answer.get("errors"));
    }

    private static Percentiles measure(int n, Runnable request) {
        for (int i = 0; i < Math.min(50, n); i++) request.run(); // warm-up
        var p = new Percentiles(n);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            request.run();
            p.add(System.nanoTime() - t0);
        }
        return p;
    }
}
