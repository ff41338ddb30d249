package dev.luna.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranked retrieval over a {@link VectorStore}: keyword (BM25), vector (cosine over the query embedding) or hybrid,
 * which fuses both rankings by reciprocal rank fusion ({@code sum 1/(k + rank)}, k = 10) over a deeper candidate list
 * from each. Relevance scores are normalised to 0..1 within one answer.
 */
public final class Retriever {
    public enum Mode {
        HYBRID, VECTOR, KEYWORD;

        public static Mode fromWire(String s) {
            if (s == null) return HYBRID;
            return switch (s) {
                case "hybrid" -> HYBRID;
                case "vector" -> VECTOR;
                case "keyword" -> KEYWORD;
                default -> null;
            };
        }
    }

    public record Ranked(Chunk chunk, double relevance) {
    }

    /** k of the fusion; 10 was best on a tuning split of the commons-lang3 evaluation (see scripts/bench/rag), 60 is the common default. */
    public static final int RRF_K = 10;
    private final VectorStore store;
    private final CachingEmbedder embedder;
    private final int rrfK;
    private final double keywordWeight;

    public Retriever(VectorStore store, CachingEmbedder embedder) {
        this(store, embedder, RRF_K, 1.0);
    }

    /** @param rrfK the k of reciprocal rank fusion; @param keywordWeight weight of the keyword ranking (the vector ranking weighs 1) */
    public Retriever(VectorStore store, CachingEmbedder embedder, int rrfK, double keywordWeight) {
        this.store = store;
        this.embedder = embedder;
        this.rrfK = rrfK;
        this.keywordWeight = keywordWeight;
    }

    /** Both rankings of a query, unfused (for evaluation). */
    public List<List<VectorStore.Hit>> rankings(String namespace, String query, int depth, VectorStore.Filter filter) {
        return List.of(store.keyword(namespace, query, depth, filter), store.vector(namespace, embedder.embedQuery(query), depth, filter));
    }

    public List<Ranked> search(String namespace, String query, int topK, Mode mode, VectorStore.Filter filter) {
        int depth = Math.max(topK * 4, 40);
        return switch (mode) {
            case KEYWORD -> normalise(store.keyword(namespace, query, topK, filter));
            case VECTOR -> normalise(store.vector(namespace, embedder.embedQuery(query), topK, filter));
            case HYBRID -> hybrid(namespace, query, topK, depth, filter);
        };
    }

    /** Fused by the store (which loads only the chunks of the fused top k); relevance is the fused score over the best possible. */
    private List<Ranked> hybrid(String namespace, String query, int topK, int depth, VectorStore.Filter filter) {
        var fusion = new VectorStore.Fusion(keywordWeight, 1.0, rrfK);
        var hits = store.hybrid(namespace, query, embedder.embedQuery(query), depth, topK, fusion, filter);
        double best = fusion.best();
        var out = new ArrayList<Ranked>(hits.size());
        for (var h : hits) out.add(new Ranked(h.chunk(), h.score() / best));
        return out;
    }

    private static List<Ranked> normalise(List<VectorStore.Hit> hits) {
        if (hits.isEmpty()) return List.of();
        double max = hits.stream().mapToDouble(VectorStore.Hit::score).max().orElse(1);
        double min = Math.min(0, hits.stream().mapToDouble(VectorStore.Hit::score).min().orElse(0));
        double span = max - min == 0 ? 1 : max - min;
        return hits.stream().map(h -> new Ranked(h.chunk(), (h.score() - min) / span)).toList();
    }

    static List<Ranked> fuse(List<List<VectorStore.Hit>> rankings, int topK) {
        return fuse(rankings, new double[]{1.0, 1.0}, RRF_K, topK);
    }

    /** Weighted reciprocal rank fusion: {@code sum w_i / (k + rank_i)}, normalised by the best possible score. */
    public static List<Ranked> fuse(List<List<VectorStore.Hit>> rankings, double[] weights, int k, int topK) {
        Map<String, Double> scores = new HashMap<>();
        Map<String, Chunk> chunks = new LinkedHashMap<>();
        for (int w = 0; w < rankings.size(); w++) {
            var ranking = rankings.get(w);
            for (int r = 0; r < ranking.size(); r++) {
                var c = ranking.get(r).chunk();
                scores.merge(c.id(), weights[w] / (k + r + 1), Double::sum);
                chunks.putIfAbsent(c.id(), c);
            }
        }
        double best = 0;
        for (double w : weights) best += w / (k + 1);
        var out = new ArrayList<Ranked>();
        for (var e : chunks.entrySet()) out.add(new Ranked(e.getValue(), scores.get(e.getKey()) / best));
        out.sort(Comparator.comparingDouble(Ranked::relevance).reversed());
        return out.size() > topK ? List.copyOf(out.subList(0, topK)) : out;
    }
}
