package dev.luna.bench;

import dev.luna.bench.RagCorpus.Query;
import dev.luna.core.Hashes;
import dev.luna.rag.CachingEmbedder;
import dev.luna.rag.Chunk;
import dev.luna.rag.Chunker;
import dev.luna.rag.EmbeddingText;
import dev.luna.rag.LuceneStore;
import dev.luna.rag.OnnxEmbedder;
import dev.luna.rag.Retriever;
import dev.luna.rag.VectorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

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
    private RagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 && !args[0].isBlank() ? args[0]
                : System.getProperty("user.home") + "/.m2/repository/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0-sources.jar");
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int evalSize = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        System.out.printf("corpus: %s%n", jar.getFileName());
        var raw = RagCorpus.read(jar);
        var stripped = new TreeMap<String, String>();
        raw.forEach((p, t) -> stripped.put(p, RagCorpus.blankJavadoc(t)));
        var all = RagCorpus.evalSet(raw, Integer.MAX_VALUE);
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
                var vectors = embedder.embedAll(chunks.stream().map(EmbeddingText::of).toList());
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
            RagTokenSavings.tokenSavings(retriever, queries, tuning, raw);

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
            embedder.embedAll(reChunks.stream().map(EmbeddingText::of).toList());
            var after = embedder.stats();
            long hits = after.documentHits() - before.documentHits(), misses = after.documentMisses() - before.documentMisses();
            System.out.printf("document-embedding cache on a one-method change of %s: %d of %d chunks reused (%.1f %%)%n",
                    changedPath.substring(changedPath.lastIndexOf('/') + 1), hits, hits + misses, 100.0 * hits / (hits + misses));

            // ---- latency at scale
            System.out.println();
            RagScaleLatency.scale(store, entries, scale, queries);
        } finally {
            deleteTree(dir);
        }

        // ---- through the HTTP API (-Dluna.bench.http=false skips it: it indexes the corpus once more, through the API)
        if (!Boolean.parseBoolean(System.getProperty("luna.bench.http", "true"))) return;
        System.out.println();
        RagHttpBench.http(raw);
    }

    static int rank(List<Retriever.Ranked> ranked, Query q) {
        for (int i = 0; i < ranked.size(); i++) {
            var c = ranked.get(i).chunk();
            if (c.path().equals(q.path()) && q.symbol().equals(c.symbol())) return i + 1;
        }
        return 0;
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
        int i = Arrays.binarySearch(cdf, u);
        return i >= 0 ? i : Math.min(cdf.length - 1, -i - 1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
