package dev.luna.bench;

import dev.luna.core.Json;
import dev.luna.local.LocalRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The RAG API of a local runtime, over HTTP: indexing throughput (jobs through the rag-index queue, status polled),
 * the time from a one-file change to it being queryable, and query latency with the handler's own share.
 */
final class RagHttpBench {
    private RagHttpBench() {
    }

    static void http(Map<String, String> raw) throws Exception {
        var runtime = LocalRuntime.builder().port(0).dataDirectory(null).adminKey("luna_bench_admin_key_0000000000000001")
                .setting("LUNA_RATE_LIMIT_PER_KEY", "100000000").setting("LUNA_RATE_LIMIT_PER_USER", "100000000").start();
        try {
            var client = HttpClient.newHttpClient();
            String key = "luna_bench_admin_key_0000000000000001";
            URI base = runtime.baseUri();
            String project = Json.tree(send(client, base, key, "POST", "/api/v1/projects", "{\"name\":\"rag-bench\"}")).get("data").get("id").asString();
            long t0 = System.nanoTime();
            int files = 0, chunks = 0;
            var batch = new ArrayList<Map<String, String>>();
            int bytes = 0;
            var list = new ArrayList<>(raw.entrySet());
            for (int i = 0; i <= list.size(); i++) {
                boolean flush = i == list.size() || bytes + list.get(i).getValue().length() > 600_000;
                if (flush && !batch.isEmpty()) {
                    var job = awaitJob(client, base, key, send(client, base, key, "POST", "/api/v1/rag/index",
                            Json.write(Map.of("projectId", project, "source", Map.of("type", "inline", "files", batch)))));
                    files += job.get("result").get("filesIndexed").asInt();
                    chunks += job.get("result").get("chunksIndexed").asInt();
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                if (i < list.size()) {
                    batch.add(Map.of("path", list.get(i).getKey(), "content", list.get(i).getValue()));
                    bytes += list.get(i).getValue().length();
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("HTTP API indexing (local runtime; each job posted, run by rag-index-worker from the queue, status polled): %d files, %d chunks in %.1f s = %.1f files/s, %.1f chunks/s%n",
                    files, chunks, s, files / s, chunks / s);
            String path = raw.keySet().stream().filter(p -> p.endsWith("StringUtils.java")).findFirst().orElseThrow();
            String changed = raw.get(path).replaceFirst("\\}\\s*$", "    /** Marks the benchmark's change. */\n    public static int lunaBenchMarker() {\n        return 42;\n    }\n}\n");
            long c0 = System.nanoTime();
            var job = awaitJob(client, base, key, send(client, base, key, "POST", "/api/v1/rag/index",
                    Json.write(Map.of("projectId", project, "source", Map.of("type", "inline", "files", List.of(Map.of("path", path, "content", changed)))))));
            var result = Json.tree(send(client, base, key, "POST", "/api/v1/rag/query",
                    Json.write(Map.of("projectId", project, "query", "lunaBenchMarker", "mode", "keyword", "topK", 1)))).get("data");
            double changeMs = (System.nanoTime() - c0) / 1e6;
            boolean found = result.get("contexts").size() > 0 && result.get("contexts").get(0).get("content").asString().contains("lunaBenchMarker");
            System.out.printf("one-file change (%s, %d chunks) to queryable over HTTP: %.0f ms (found: %s; embeddings reused from cache: %d, computed: %d)%n",
                    path.substring(path.lastIndexOf('/') + 1), job.get("result").get("chunksIndexed").asInt(), changeMs, found,
                    job.get("result").get("embeddingCacheHits").asInt(), job.get("result").get("chunksEmbedded").asInt());
            var lat = new Percentiles(200);
            var took = new Percentiles(200);
            for (int i = 0; i < 200; i++) {
                long q0 = System.nanoTime();
                String body = send(client, base, key, "POST", "/api/v1/rag/query", Json.write(Map.of("projectId", project, "query",
                        "split a string by a separator character " + (i % 50), "topK", 10, "tokenBudget", 4000)));
                lat.add(System.nanoTime() - q0);
                took.add((long) (Json.tree(body).get("data").get("tookMs").asDouble() * 1e6));
            }
            System.out.printf("HTTP query (hybrid, topK 10, budget 4000, 50 distinct queries x4): %s%n", lat.summary());
            System.out.printf("  of which retrieval and packing in the handler (data.tookMs): %s%n", took.summary());
        } finally {
            runtime.close();
        }
    }

    /** Follows the status link of an accepted index job (polled every 10 ms) until it ends; the succeeded job. */
    private static JsonNode awaitJob(HttpClient client, URI base, String key, String accepted) throws Exception {
        String link = Json.tree(accepted).get("links").get("status").asString();
        while (true) {
            var job = Json.tree(send(client, base, key, "GET", link, "")).get("data");
            String status = job.get("status").asString();
            if (status.equals("succeeded")) return job;
            if (status.equals("failed")) throw new IllegalStateException(job.toString());
            Thread.sleep(10);
        }
    }

    private static String send(HttpClient client, URI base, String key, String method, String path, String body) throws IOException, InterruptedException {
        var r = client.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        return r.body();
    }
}
