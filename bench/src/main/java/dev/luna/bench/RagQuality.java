package dev.luna.bench;

import dev.luna.core.Hashes;
import dev.luna.rag.CachingEmbedder;
import dev.luna.rag.Chunk;
import dev.luna.rag.Chunker;
import dev.luna.rag.EmbeddingText;
import dev.luna.rag.LuceneStore;
import dev.luna.rag.OnnxEmbedder;
import dev.luna.rag.Retriever;
import dev.luna.rag.VectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Retrieval quality on public codebases no one here wrote, split into corpora we may tune on and corpora we never
 * tune on: queries are the first sentences of public methods' Javadoc, the indexed text has every Javadoc blanked
 * (so a query never meets its own words), and the answer is the method's chunk. For each embedding model and each
 * embedded-text variant: MRR@10 and Recall@10 of keyword, vector and hybrid retrieval, per corpus.
 *
 * <p>Arguments: {@code role=name=sources.jar} ... with role {@code tune} or {@code heldout}. System properties:
 * {@code luna.bench.models} (comma list, default both models), {@code luna.bench.texts} ({@code content},
 * {@code enriched}), {@code luna.bench.maxQueries} (per corpus, default 600), {@code luna.bench.cacheDir} (document
 * embeddings kept between runs).
 */
public final class RagQuality {
    record Corpus(String role, String name, Map<String, String> stripped, List<RagCorpus.Query> queries) {
    }

    public static void main(String[] args) throws Exception {
        int maxQueries = Integer.getInteger("luna.bench.maxQueries", 600);
        var models = List.of(System.getProperty("luna.bench.models", "all-minilm-l6-v2-q,bge-small-en-v1.5-q").split(","));
        var texts = List.of(System.getProperty("luna.bench.texts", "content,enriched").split(","));
        String cacheDir = System.getProperty("luna.bench.cacheDir");
        var corpora = new ArrayList<Corpus>();
        for (String a : args) {
            String[] p = a.split("=", 3);
            var raw = RagCorpus.read(Path.of(p[2]));
            var stripped = new TreeMap<String, String>();
            raw.forEach((k, t) -> stripped.put(k, RagCorpus.blankJavadoc(t)));
            corpora.add(new Corpus(p[0], p[1], stripped, RagCorpus.evalSet(raw, maxQueries)));
            System.out.printf("corpus %-8s %-22s files %5d  queries %4d%n", p[0], p[1], raw.size(), corpora.get(corpora.size() - 1).queries().size());
        }
        System.out.println();
        System.out.println("role     corpus                 model                 text      keyword MRR/R@10   vector MRR/R@10    hybrid MRR/R@10   index s");
        for (String modelId : models) {
            var onnx = OnnxEmbedder.named(modelId);
            var embedder = new CachingEmbedder(onnx, cacheDir == null ? null : Path.of(cacheDir, modelId + ".bin"), 10_000);
            for (String text : texts) {
                Function<Chunk, String> embedded = text.equals("enriched") ? EmbeddingText::of : Chunk::content;
                for (var c : corpora) {
                    Path dir = Files.createTempDirectory("luna-rag-quality");
                    try (var store = new LuceneStore(dir)) {
                        long t0 = System.nanoTime();
                        var chunker = new Chunker();
                        var entries = new ArrayList<VectorStore.Entry>();
                        for (var f : c.stripped().entrySet()) {
                            var chunks = chunker.chunk(f.getKey(), f.getValue());
                            var vectors = embedder.embedAll(chunks.stream().map(embedded).toList());
                            for (int i = 0; i < chunks.size(); i++) entries.add(new VectorStore.Entry(chunks.get(i), vectors.get(i), Hashes.sha256(f.getValue())));
                        }
                        store.apply("q", c.stripped().keySet(), entries, List.of());
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        var retriever = new Retriever(store, embedder);
                        var row = new StringBuilder(String.format("%-8s %-22s %-21s %-9s", c.role(), c.name(), modelId, text));
                        for (var mode : List.of(Retriever.Mode.KEYWORD, Retriever.Mode.VECTOR, Retriever.Mode.HYBRID)) {
                            double mrr = 0;
                            int hit = 0;
                            for (var q : c.queries()) {
                                int r = RagBenchmark.rank(retriever.search("q", q.text(), 10, mode, VectorStore.Filter.NONE), q);
                                if (r > 0) {
                                    mrr += 1.0 / r;
                                    hit++;
                                }
                            }
                            row.append(String.format("   %.3f / %.3f   ", mrr / c.queries().size(), (double) hit / c.queries().size()));
                        }
                        System.out.println(row.append(String.format("  %6.1f", seconds)));
                    }
                    deleteTree(dir);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (var p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
