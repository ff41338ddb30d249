package dev.luna.rag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where chunks, their vectors and their files' content hashes live, one namespace per project. Implementations:
 * {@link LuceneStore} (embedded HNSW + BM25). Writes of one {@link #apply} call are atomic: readers see all of it or
 * none of it.
 */
public interface VectorStore extends AutoCloseable {
    /** A chunk with its embedding and the hash of the whole file it came from. */
    record Entry(Chunk chunk, float[] vector, String fileHash) {
    }

    /** A chunk found by a search, with the search's own score (BM25 or cosine similarity). */
    record Hit(Chunk chunk, double score) {
    }

    /** Optional filters, all of which must hold. {@code pathGlob}: {@code *} any characters except '/', {@code **} any. */
    record Filter(String pathGlob, String language, String symbol) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    /** Replaces every chunk of {@code replacePaths} with {@code entries} (and deletes {@code deletePaths}) atomically. */
    void apply(String namespace, java.util.Collection<String> replacePaths, List<Entry> entries, java.util.Collection<String> deletePaths);

    /** Hash of each indexed file. */
    Map<String, String> fileHashes(String namespace);

    Optional<Entry> get(String namespace, String chunkId);

    /** Replaces one chunk (same id) atomically. */
    void put(String namespace, Entry entry);

    boolean delete(String namespace, String chunkId);

    List<Hit> keyword(String namespace, String query, int topK, Filter filter);

    /** A chunk id found by a search, with its score (for fusion before any chunk is loaded). */
    record Ref(String id, double score) {
    }

    /** Keyword ranking as ids only; stores that can rank without loading chunks override this. */
    default List<Ref> keywordRefs(String namespace, String query, int topK, Filter filter) {
        return keyword(namespace, query, topK, filter).stream().map(h -> new Ref(h.chunk().id(), h.score())).toList();
    }

    /** Vector ranking as ids only; stores that can rank without loading chunks override this. */
    default List<Ref> vectorRefs(String namespace, float[] query, int topK, Filter filter) {
        return vector(namespace, query, topK, filter).stream().map(h -> new Ref(h.chunk().id(), h.score())).toList();
    }

    /** The chunks of the given ids that exist, by id. */
    default Map<String, Chunk> load(String namespace, java.util.Collection<String> ids) {
        var out = new java.util.LinkedHashMap<String, Chunk>();
        for (String id : ids) get(namespace, id).ifPresent(e -> out.put(id, e.chunk()));
        return out;
    }

    List<Hit> vector(String namespace, float[] query, int topK, Filter filter);

    /**
     * Weights and k of weighted reciprocal rank fusion: a chunk scores {@code sum weight_i / (k + rank_i)}; or, with
     * {@code byScore}, weighted score fusion: {@code sum weight_i * (score_i - min_i) / (max_i - min_i)} over each
     * ranking's own scores (k unused).
     */
    record Fusion(double keywordWeight, double vectorWeight, int k, boolean byScore) {
        public Fusion(double keywordWeight, double vectorWeight, int k) {
            this(keywordWeight, vectorWeight, k, false);
        }

        /** The best score a chunk can get: first in both rankings. */
        public double best() {
            return byScore ? keywordWeight + vectorWeight : keywordWeight / (k + 1) + vectorWeight / (k + 1);
        }

        /** What the chunk at {@code rank} (0-based) of a ranking whose scores are {@code scores} adds to its fused score. */
        public double contribution(double weight, int rank, double score, double max, double min) {
            if (!byScore) return weight / (k + rank + 1);
            return max > min ? weight * (score - min) / (max - min) : weight;
        }
    }

    /**
     * Hybrid search: the keyword and the vector ranking of one query, each {@code depth} deep, fused by {@code fusion},
     * best first, with the chunks of the fused top k loaded; each hit's score is its fused score. Ties keep the order in
     * which the chunks were first met (keyword ranking, then vector ranking). Stores that can fuse on their own
     * document numbers override this; this default fuses ids, then loads the top k.
     */
    default List<Hit> hybrid(String namespace, String query, float[] vector, int depth, int topK, Fusion fusion, Filter filter) {
        var rankings = List.of(keywordRefs(namespace, query, depth, filter), vectorRefs(namespace, vector, depth, filter));
        double[] weights = {fusion.keywordWeight(), fusion.vectorWeight()};
        var scores = new java.util.LinkedHashMap<String, Double>();
        for (int w = 0; w < rankings.size(); w++) {
            var ranking = rankings.get(w);
            double max = ranking.stream().mapToDouble(Ref::score).max().orElse(0), min = ranking.stream().mapToDouble(Ref::score).min().orElse(0);
            for (int r = 0; r < ranking.size(); r++) {
                scores.merge(ranking.get(r).id(), fusion.contribution(weights[w], r, ranking.get(r).score(), max, min), Double::sum);
            }
        }
        var top = scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(topK).toList();
        var chunks = load(namespace, top.stream().map(Map.Entry::getKey).toList());
        var out = new java.util.ArrayList<Hit>(top.size());
        for (var e : top) {
            var c = chunks.get(e.getKey());
            if (c != null) out.add(new Hit(c, e.getValue()));
        }
        return out;
    }

    long count(String namespace);

    @Override
    void close();
}
