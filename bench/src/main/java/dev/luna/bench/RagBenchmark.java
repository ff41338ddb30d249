package dev.luna.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.luna.core.Hashes;
import dev.luna.core.Json;
import dev.luna.local.LocalRuntime;
import dev.luna.rag.CachingEmbedder;
import dev.luna.rag.Chunk;
import dev.luna.rag.Chunker;
import dev.luna.rag.LuceneStore;
import dev.luna.rag.OnnxEmbedder;
import dev.luna.rag.Retriever;
import dev.luna.rag.TokenOptimizer;
import dev.luna.rag.VectorStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * RAG benchmark on a real library's sources from Maven Central (default: commons-lang3 sources jar in ~/.m2).
 * <ol>
 * <li>Retrieval quality: queries are Javadoc summaries (first sentence) of public methods; the relevant result is that
 * method's chunk. The index holds the code with every Javadoc comment blanked out (line numbers kept), so a query
 * never meets its own text. MRR@10 and Recall@10 per mode.</li>
 * <li>Latency at scale: the corpus replicated under distinct paths until the index holds N chunks (default 100,000);
 * query p50/p95 with a fresh query embedding, and retrieval alone (query embedding cached).</li>
 * <li>Caches: query-embedding hit rate on a Zipf-distributed repeated-query workload; document-embedding hits when
 * one file changes.</li>
 * <li>Token savings of the optimiser at a fixed recall of the relevant chunk, over hybrid top-10 contexts: keepRelevance
 * chosen on the tuning split, savings and recall reported on the evaluation queries.</li>
 * <li>Through the HTTP API of a local runtime: indexing throughput (files/s, chunks/s) and the time from a one-file
 * change to it being queryable.</li>
 * </ol>
 */
public final class RagBenchmark {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*.*?\\*/", Pattern.DOTALL);

    record Query(String text, String path, String symbol) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 && !args[0].isBlank() ? args[0]
                : System.getProperty("user.home") + "/.m2/repository/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0-sources.jar");
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int evalSize = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        System.out.printf("corpus: %s%n", jar.getFileName());
        var raw = read(jar);
        var stripped = new TreeMap<String, String>();
        raw.forEach((p, t) -> stripped.put(p, blankJavadoc(t)));
        var all = evalSet(raw, Integer.MAX_VALUE);
        var queries = all.subList(0, Math.min(evalSize, all.size()));
        var tuning = all.subList(queries.size(), Math.min(all.size(), queries.size() + 300));
        System.out.printf("files: %d, eval queries (Javadoc summary -> method): %d%n", raw.size(), queries.size());

        Path dir = Files.createTempDirectory("luna-rag-bench");
        var chunker = new Chunker();
        String cacheFile = System.getProperty("luna.bench.embeddingCache");
        var embedder = new CachingEmbedder(new OnnxEmbedder(), cacheFile == null ? null : Path.of(cacheFile), 100_000);
        if (cacheFile != null) System.out.println("(document embeddings from " + cacheFile + ": indexing throughput below is not representative)");
        try (var store = new LuceneStore(dir)) {
            // ---- index (in process)
            long t0 = System.nanoTime();
            var entries = new ArrayList<VectorStore.Entry>();
            for (var f : stripped.entrySet()) {
                var chunks = chunker.chunk(f.getKey(), f.getValue());
                var vectors = embedder.embedAll(chunks.stream().map(Chunk::content).toList());
                for (int i = 0; i < chunks.size(); i++) entries.add(new VectorStore.Entry(chunks.get(i), vectors.get(i), Hashes.sha256(f.getValue())));
            }
            store.apply("eval", stripped.keySet(), entries, List.of());
            double indexSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("in-process indexing: %d files, %d chunks in %.1f s = %.1f files/s, %.1f chunks/s (chunk + embed + Lucene commit)%n",
                    stripped.size(), entries.size(), indexSeconds, stripped.size() / indexSeconds, entries.size() / indexSeconds);

            // ---- quality
            var retriever = new Retriever(store, embedder);
            System.out.println();
            System.out.println("retrieval quality (" + queries.size() + " queries, top 10):");
            System.out.println("  mode      MRR@10   Recall@10  Recall@1");
            for (var mode : List.of(Retriever.Mode.KEYWORD, Retriever.Mode.VECTOR, Retriever.Mode.HYBRID)) {
                double mrr = 0;
                int hit10 = 0, hit1 = 0;
                for (var q : queries) {
                    var ranked = retriever.search("eval", q.text(), 10, mode, VectorStore.Filter.NONE);
                    int rank = rank(ranked, q);
                    if (rank > 0) {
                        mrr += 1.0 / rank;
                        hit10++;
                        if (rank == 1) hit1++;
                    }
                }
                System.out.printf("  %-8s  %.4f   %.4f     %.4f%n", mode.name().toLowerCase(), mrr / queries.size(),
                        (double) hit10 / queries.size(), (double) hit1 / queries.size());
            }

            // ---- fusion parameters, on a disjoint tuning split
            System.out.println();
            System.out.printf("fusion sweep on %d tuning queries (disjoint from the evaluation set):%n", tuning.size());
            var tuningRankings = new ArrayList<List<List<VectorStore.Hit>>>();
            for (var q : tuning) tuningRankings.add(retriever.rankings("eval", q.text(), 40, VectorStore.Filter.NONE));
            for (int k : new int[]{5, 10, 20, 60}) {
                for (double w : new double[]{0.5, 1.0, 1.5, 2.0}) {
                    double mrr = 0;
                    int hit = 0;
                    for (int i = 0; i < tuning.size(); i++) {
                        int r = rank(Retriever.fuse(tuningRankings.get(i), new double[]{w, 1.0}, k, 10), tuning.get(i));
                        if (r > 0) {
                            mrr += 1.0 / r;
                            hit++;
                        }
                    }
                    System.out.printf("  k=%-3d keywordWeight=%.1f  MRR@10 %.4f  Recall@10 %.4f%n", k, w, mrr / tuning.size(), (double) hit / tuning.size());
                }
            }

            // ---- token savings at fixed recall
            System.out.println();
            tokenSavings(retriever, queries, tuning, raw);

            // ---- caches
            System.out.println();
            var cacheProbe = new CachingEmbedder(new OnnxEmbedder(), null, 10_000);
            var rnd = new Random(11);
            double[] zipf = zipf(queries.size(), 1.1);
            int workload = 3000;
            for (int i = 0; i < workload; i++) cacheProbe.embedQuery(queries.get(sample(zipf, rnd)).text());
            var qs = cacheProbe.stats();
            System.out.printf("query-embedding cache: %d queries (Zipf s=1.1 over %d distinct): hit rate %.1f %%%n", workload, queries.size(),
                    100 * qs.queryHitRate());
            var before = embedder.stats();
            String changedPath = stripped.keySet().stream().filter(p -> p.endsWith("StringUtils.java")).findFirst().orElse(stripped.firstKey());
            String changed = stripped.get(changedPath).replaceFirst("\\}\\s*$", "    public static int lunaBenchMarker() {\n        return 42;\n    }\n}\n");
            var reChunks = chunker.chunk(changedPath, changed);
            embedder.embedAll(reChunks.stream().map(Chunk::content).toList());
            var after = embedder.stats();
            long hits = after.documentHits() - before.documentHits(), misses = after.documentMisses() - before.documentMisses();
            System.out.printf("document-embedding cache on a one-method change of %s: %d of %d chunks reused (%.1f %%)%n",
                    changedPath.substring(changedPath.lastIndexOf('/') + 1), hits, hits + misses, 100.0 * hits / (hits + misses));

            // ---- latency at scale
            System.out.println();
            scale(store, entries, scale, queries);
        } finally {
            deleteTree(dir);
        }

        // ---- through the HTTP API
        System.out.println();
        http(raw);
    }

    private static int rank(List<Retriever.Ranked> ranked, Query q) {
        for (int i = 0; i < ranked.size(); i++) {
            var c = ranked.get(i).chunk();
            if (c.path().equals(q.path()) && q.symbol().equals(c.symbol())) return i + 1;
        }
        return 0;
    }

    /** The optimiser's input for one query: the hybrid top 10 as an agent would receive them, and which one is the answer. */
    record ContextSet(List<TokenOptimizer.Item> items, int relevant) {
    }

    private static List<ContextSet> contextSets(Retriever retriever, List<Query> queries, Map<String, String> raw) {
        var sets = new ArrayList<ContextSet>();
        for (var q : queries) {
            var ranked = retriever.search("eval", q.text(), 10, Retriever.Mode.HYBRID, VectorStore.Filter.NONE);
            int r = rank(ranked, q);
            if (r == 0) continue;
            // the original code (comments included) of each chunk's lines
            var items = new ArrayList<TokenOptimizer.Item>();
            for (var x : ranked) {
                var c = x.chunk();
                String[] lines = raw.get(c.path()).split("\n", -1);
                var sb = new StringBuilder();
                for (int l = c.startLine(); l <= Math.min(c.endLine(), lines.length); l++) sb.append(lines[l - 1]).append('\n');
                items.add(new TokenOptimizer.Item(c.id(), c.path(), "java", sb.toString(), x.relevance()));
            }
            sets.add(new ContextSet(items, r - 1));
        }
        return sets;
    }

    /** The same contexts with relevance relative to the best context of each set. */
    private static List<ContextSet> relative(List<ContextSet> sets) {
        return sets.stream().map(s -> {
            double max = s.items().stream().mapToDouble(TokenOptimizer.Item::relevanceScore).max().orElse(1);
            return new ContextSet(s.items().stream().map(i -> new TokenOptimizer.Item(i.id(), i.path(), i.language(), i.content(),
                    i.relevanceScore() / max)).toList(), s.relevant());
        }).toList();
    }

    record Savings(double keep, double savings, double recall, double markerRecall) {
    }

    /**
     * Savings of the optimiser at one keepRelevance over a list of context sets. Recall: the share of sets in which the
     * relevant chunk's code survives whole — its text without comments and whitespace occurs in one output context
     * likewise normalised (so a body dropped as contained in another context counts only if that context kept it, and
     * a body mangled by a rewrite does not count). markerRecall is the older, looser measure: the relevant context is
     * absent or not rendered signature-only.
     */
    private static Savings savings(TokenOptimizer optimizer, List<ContextSet> sets, double keep) {
        long beforeTokens = 0, afterTokens = 0;
        int kept = 0, marker = 0;
        for (var set : sets) {
            var result = optimizer.optimize(new TokenOptimizer.Input(null, set.items(), null, keep));
            beforeTokens += result.tokensBefore();
            afterTokens += result.tokensAfter();
            var relevantItem = set.items().get(set.relevant());
            String code = codeOnly(relevantItem.content());
            if (result.contexts().stream().anyMatch(i -> codeOnly(i.content()).contains(code))) kept++;
            var out = result.contexts().stream().filter(i -> i.id().equals(relevantItem.id())).findFirst();
            if (out.isEmpty() || !out.get().content().contains("{ … }")) marker++;
        }
        return new Savings(keep, 1 - (double) afterTokens / beforeTokens, (double) kept / sets.size(), (double) marker / sets.size());
    }

    private static void tokenSavings(Retriever retriever, List<Query> queries, List<Query> tuning, Map<String, String> raw) {
        var optimizer = new TokenOptimizer();
        var evalSets = contextSets(retriever, queries.subList(0, Math.min(200, queries.size())), raw);
        var tuneSets = contextSets(retriever, tuning, raw);
        System.out.printf("token optimisation over hybrid top-10 contexts of the queries whose relevant chunk was retrieved: %d evaluation sets, "
                + "%d tuning sets (from the disjoint tuning split; keepRelevance is chosen there)%n", evalSets.size(), tuneSets.size());
        System.out.println("  recall = the relevant chunk's code (comments and whitespace aside) is present whole in the output;");
        System.out.println("  marker = the older measure: the relevant context is not rendered signature-only");
        double[] keeps = {0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01};
        for (boolean rel : new boolean[]{false, true}) {
            var ev = rel ? relative(evalSets) : evalSets;
            var tu = rel ? relative(tuneSets) : tuneSets;
            if (rel) System.out.println("  relevance relative to the best context of each set:");
            System.out.println("  keepRelevance  evaluation: savings  recall  (marker)   tuning: savings  recall");
            Savings chosen = null;
            Savings chosenEval = null;
            for (double keep : keeps) {
                var e = savings(optimizer, ev, keep);
                var t = savings(optimizer, tu, keep);
                System.out.printf("  %-13s  %17.1f %%  %5.1f %%  (%5.1f %%)  %13.1f %%  %5.1f %%%n",
                        keep > 1 ? "1.0 (none)" : String.format("%.2f", keep), 100 * e.savings(), 100 * e.recall(), 100 * e.markerRecall(),
                        100 * t.savings(), 100 * t.recall());
                if (t.recall() >= 0.95 && (chosen == null || t.savings() > chosen.savings())) {
                    chosen = t;
                    chosenEval = e;
                }
            }
            if (chosen != null) {
                System.out.printf("  => keepRelevance %.2f (best savings at >= 95 %% recall on the tuning sets: %.1f %% at %.1f %%): "
                                + "evaluation %.1f %% savings at %.1f %% recall%n", Math.min(chosen.keep(), 1.0), 100 * chosen.savings(),
                        100 * chosen.recall(), 100 * chosenEval.savings(), 100 * chosenEval.recall());
            }
        }
    }

    /** Java code without comments and whitespace (string, character and text-block literals kept as they are). */
    static String codeOnly(String java) {
        var sb = new StringBuilder(java.length());
        int n = java.length();
        for (int i = 0; i < n; i++) {
            char c = java.charAt(i);
            char next = i + 1 < n ? java.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < n && java.charAt(i) != '\n') i++;
            } else if (c == '/' && next == '*') {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                while (end > 0 && java.charAt(end - 1) == '\\') end = java.indexOf("\"\"\"", end + 1);
                int stop = end < 0 ? n : end + 3;
                sb.append(java, i, stop);
                i = stop - 1;
            } else if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < n && java.charAt(k) != c && java.charAt(k) != '\n') k += java.charAt(k) == '\\' ? 2 : 1;
                int stop = Math.min(n, k + 1);
                sb.append(java, i, stop);
                i = stop - 1;
            } else if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void scale(LuceneStore store, List<VectorStore.Entry> base, int target, List<Query> queries) {
        long t0 = System.nanoTime();
        int copies = 0;
        long count = 0;
        var batch = new ArrayList<VectorStore.Entry>();
        var paths = new ArrayList<String>();
        while (count < target) {
            for (var e : base) {
                if (count >= target) break;
                var c = e.chunk();
                String path = "copy" + copies + "/" + c.path();
                var moved = new Chunk(c.id() + "-" + copies, path, c.language(), c.symbol(), c.kind(), c.startLine(), c.endLine(), c.content(),
                        c.contentHash(), c.tokenCount());
                batch.add(new VectorStore.Entry(moved, e.vector(), e.fileHash()));
                count++;
                if (batch.size() == 20_000) {
                    store.apply("scale", List.of(), batch, List.of());
                    batch = new ArrayList<>();
                }
            }
            copies++;
        }
        if (!batch.isEmpty()) store.apply("scale", List.of(), batch, List.of());
        System.out.printf("latency at scale: %d chunks in one index (corpus replicated %d times under distinct paths; built in %.1f s)%n",
                store.count("scale"), copies, (System.nanoTime() - t0) / 1e9);
        var fresh = new CachingEmbedder(new OnnxEmbedder(), null, 100_000);
        var retriever = new Retriever(store, fresh);
        int n = Math.min(300, queries.size());
        // warm-up (JIT, searcher)
        for (int i = 0; i < 30; i++) retriever.search("scale", "warm up query " + i, 10, Retriever.Mode.HYBRID, VectorStore.Filter.NONE);
        int rounds = 3;
        System.out.printf("  (%d queries per mode; the cached runs are repeated %d times, p50/p95 of each round shown; wall-clock, then the"
                + " query thread's CPU time, which other processes on a shared machine do not inflate)%n", n, rounds);
        for (var mode : List.of(Retriever.Mode.HYBRID, Retriever.Mode.VECTOR, Retriever.Mode.KEYWORD)) {
            var cold = new Percentiles(n);
            for (int i = 0; i < n; i++) {
                String q = queries.get(i).text() + (mode == Retriever.Mode.KEYWORD ? "" : " " + mode.name().toLowerCase());
                long s = System.nanoTime();
                retriever.search("scale", q, 10, mode, VectorStore.Filter.NONE);
                cold.add(System.nanoTime() - s);
            }
            var warm = new StringBuilder();
            var cpu = new StringBuilder();
            for (int round = 0; round < rounds; round++) {
                var p = new Percentiles(n);
                var c = new Percentiles(n);
                for (int i = 0; i < n; i++) {
                    String q = queries.get(i).text() + (mode == Retriever.Mode.KEYWORD ? "" : " " + mode.name().toLowerCase());
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    retriever.search("scale", q, 10, mode, VectorStore.Filter.NONE);
                    p.add(System.nanoTime() - s);
                    c.add(THREADS.getCurrentThreadCpuTime() - c0);
                }
                warm.append(String.format("%s p50 %.2f ms  p95 %.2f ms", round == 0 ? "" : " |", p.p(0.50), p.p(0.95)));
                cpu.append(String.format("%s p50 %.2f ms  p95 %.2f ms", round == 0 ? "" : " |", c.p(0.50), c.p(0.95)));
            }
            String name = mode.name().toLowerCase();
            if (mode == Retriever.Mode.KEYWORD) {
                System.out.printf("  %-7s (no embedding):            %s%n", name, warm);
            } else {
                System.out.printf("  %-7s incl. query embedding:     p50 %.2f ms  p95 %.2f ms%n", name, cold.p(0.50), cold.p(0.95));
                System.out.printf("  %-7s retrieval alone (cached): %s%n", name, warm);
            }
            System.out.printf("  %-7s   the same, CPU time:       %s%n", "", cpu);
        }
    }

    private static void http(Map<String, String> raw) throws Exception {
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
    private static tools.jackson.databind.JsonNode awaitJob(HttpClient client, URI base, String key, String accepted) throws Exception {
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

    private static Map<String, String> read(Path jar) throws IOException {
        var out = new TreeMap<String, String>();
        try (var zip = new ZipFile(jar.toFile())) {
            for (var e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (!name.endsWith(".java") || name.endsWith("package-info.java") || name.endsWith("module-info.java")) continue;
                out.put(name, new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        }
        return out;
    }

    /** Javadoc comments replaced by as many empty lines, so line numbers stay. */
    static String blankJavadoc(String text) {
        var m = JAVADOC.matcher(text);
        var sb = new StringBuilder();
        while (m.find()) {
            long lines = m.group().chars().filter(c -> c == '\n').count();
            m.appendReplacement(sb, "\n".repeat((int) lines));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static List<Query> evalSet(Map<String, String> raw, int size) {
        var parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE));
        var bySummary = new HashMap<String, List<Query>>();
        for (var f : raw.entrySet()) {
            var cu = parser.parse(f.getValue()).getResult().orElse(null);
            if (cu == null) continue;
            for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
                if (!m.isPublic() || m.getJavadoc().isEmpty()) continue;
                String summary = summary(m.getJavadoc().get().getDescription().toText());
                if (summary.split("\\s+").length < 4) continue;
                String symbol = owner(m) + "." + m.getNameAsString();
                bySummary.computeIfAbsent(summary.toLowerCase(), k -> new ArrayList<>()).add(new Query(summary, f.getKey(), symbol));
            }
        }
        var unique = new ArrayList<Query>();
        for (var list : bySummary.values()) {
            // a summary shared by overloads of one method still has one right answer; shared by different methods it has none
            if (list.stream().map(q -> q.path() + "#" + q.symbol()).distinct().count() == 1) unique.add(list.get(0));
        }
        unique.sort(java.util.Comparator.comparing(Query::text));
        Collections.shuffle(unique, new Random(7));
        return unique.subList(0, Math.min(size, unique.size()));
    }

    private static String owner(Node n) {
        var names = new ArrayList<String>();
        Node p = n.getParentNode().orElse(null);
        while (p != null) {
            if (p instanceof TypeDeclaration<?> t) names.add(0, t.getNameAsString());
            p = p.getParentNode().orElse(null);
        }
        return String.join(".", names);
    }

    static String summary(String description) {
        String text = description.replaceAll("\\{@(?:code|literal)\\s+([^}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+(?:[^}#\\s]*#)?([^}\\s(]+)[^}]*}", "$1")
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        int dot = text.indexOf(". ");
        String first = dot > 0 ? text.substring(0, dot + 1) : text;
        return first.length() > 300 ? first.substring(0, 300) : first;
    }

    private static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) cdf[i] /= sum;
        return cdf;
    }

    private static int sample(double[] cdf, Random rnd) {
        double u = rnd.nextDouble();
        int i = java.util.Arrays.binarySearch(cdf, u);
        return i >= 0 ? i : Math.min(cdf.length - 1, -i - 1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
