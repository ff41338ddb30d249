package dev.luna.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranked retrieval over a {@link VectorStore}: keyword (BM25), vector (cosine over the query embedding) or hybrid,
 * which fuses both rankings by reciprocal rank fusion ({@code sum 1/(k + rank)}, k = 60) over a deeper candidate list
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

    static final int RRF_K = 60;
    private final VectorStore store;
    private final CachingEmbedder embedder;

    public Retriever(VectorStore store, CachingEmbedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    public List<Ranked> search(String namespace, String query, int topK, Mode mode, VectorStore.Filter filter) {
        int depth = Math.max(topK * 4, 40);
        return switch (mode) {
            case KEYWORD -> normalise(store.keyword(namespace, query, topK, filter));
            case VECTOR -> normalise(store.vector(namespace, embedder.embedQuery(query), topK, filter));
            case HYBRID -> fuse(List.of(store.keyword(namespace, query, depth, filter),
                    store.vector(namespace, embedder.embedQuery(query), depth, filter)), topK);
        };
    }

    private static List<Ranked> normalise(List<VectorStore.Hit> hits) {
        if (hits.isEmpty()) return List.of();
        double max = hits.stream().mapToDouble(VectorStore.Hit::score).max().orElse(1);
        double min = Math.min(0, hits.stream().mapToDouble(VectorStore.Hit::score).min().orElse(0));
        double span = max - min == 0 ? 1 : max - min;
        return hits.stream().map(h -> new Ranked(h.chunk(), (h.score() - min) / span)).toList();
    }

    static List<Ranked> fuse(List<List<VectorStore.Hit>> rankings, int topK) {
        Map<String, Double> scores = new HashMap<>();
        Map<String, Chunk> chunks = new LinkedHashMap<>();
        for (var ranking : rankings) {
            for (int r = 0; r < ranking.size(); r++) {
                var c = ranking.get(r).chunk();
                scores.merge(c.id(), 1.0 / (RRF_K + r + 1), Double::sum);
                chunks.putIfAbsent(c.id(), c);
            }
        }
        double best = rankings.size() * (1.0 / (RRF_K + 1));
        var out = new ArrayList<Ranked>();
        for (var e : chunks.entrySet()) out.add(new Ranked(e.getValue(), scores.get(e.getKey()) / best));
        out.sort(Comparator.comparingDouble(Ranked::relevance).reversed());
        return out.size() > topK ? List.copyOf(out.subList(0, topK)) : out;
    }
}
