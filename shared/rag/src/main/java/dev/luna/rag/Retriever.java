package dev.luna.rag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranked retrieval over a {@link VectorStore}: keyword (BM25 over the fields of {@link KeywordFields}), vector (cosine
 * over the query embedding) or hybrid, which fuses both rankings by weighted score fusion (min-max normalised scores,
 * keyword 0.7, vector 1) over a deeper candidate list from each, then re-ranks the fused top 30 by how much of each
 * chunk's name and signature the query has and whether other candidates override it ({@link Settings}). The re-rank runs here,
 * above the store, so Lucene and Pinecone rank alike. Relevance scores are normalised to 0..1 within one answer.
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

    /**
     * How hybrid retrieval fuses and re-ranks: weighted fusion of the keyword and the vector ranking — by score
     * ({@code scoreFusion}: each ranking's scores min-max normalised over its candidates, the keyword ranking weighted
     * {@code keywordWeight}, the vector ranking 1) or by reciprocal rank ({@code sum w/(rrfK + rank)}) — then a re-rank
     * of the fused top {@code rerankDepth} (0 = none) that adds to each chunk's fused relevance {@code nameWeight} × the
     * share of its name's terms the query has (the member's own name: {@code isEmpty} for {@code StringUtils.isEmpty}),
     * {@code typeWeight} × the share of its enclosing type's terms the query has, {@code signatureWeight} × the share of
     * the query's terms its signature has (which tells overloads apart: {@code equals(float[], float[])} for "Tests if
     * two float arrays are equal"), and {@code baseWeight} when it declares a member that another candidate overrides
     * ({@link Overrides}: the description a query is written from sits on the declaration the overrides inherit it
     * from). The defaults were chosen on the tuning corpus of {@code scripts/bench/rag-quality} (docs/rag-tuning.md).
     */
    public record Settings(int rrfK, double keywordWeight, int rerankDepth, double nameWeight, double typeWeight, double signatureWeight,
                           double baseWeight, boolean scoreFusion) {
        public static final Settings DEFAULT = new Settings(RRF_K, 0.7, 30, 0.1, 0, 0.3, 0.1, true);

        public Settings(int rrfK, double keywordWeight, int rerankDepth, double nameWeight, double typeWeight, double signatureWeight) {
            this(rrfK, keywordWeight, rerankDepth, nameWeight, typeWeight, signatureWeight, 0, false);
        }

        boolean reranks() {
            return rerankDepth > 0 && (nameWeight > 0 || typeWeight > 0 || signatureWeight > 0 || baseWeight != 0);
        }
    }

    private final VectorStore store;
    private final CachingEmbedder embedder;
    private final Settings settings;
    private final IdentifierAnalyzer analyzer = new IdentifierAnalyzer(true);

    public Retriever(VectorStore store, CachingEmbedder embedder) {
        this(store, embedder, Settings.DEFAULT);
    }

    /** @param rrfK the k of reciprocal rank fusion; @param keywordWeight weight of the keyword ranking (the vector ranking weighs 1) */
    public Retriever(VectorStore store, CachingEmbedder embedder, int rrfK, double keywordWeight) {
        this(store, embedder, new Settings(rrfK, keywordWeight, Settings.DEFAULT.rerankDepth(), Settings.DEFAULT.nameWeight(),
                Settings.DEFAULT.typeWeight(), Settings.DEFAULT.signatureWeight(), Settings.DEFAULT.baseWeight(), Settings.DEFAULT.scoreFusion()));
    }

    public Retriever(VectorStore store, CachingEmbedder embedder, Settings settings) {
        this.store = store;
        this.embedder = embedder;
        this.settings = settings;
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

    /**
     * Fused by the store (which loads only the chunks of the fused top k, or of the re-ranked pool); relevance is the
     * fused score over the best possible, plus the re-rank's bonuses, over the best possible of those.
     */
    private List<Ranked> hybrid(String namespace, String query, int topK, int depth, VectorStore.Filter filter) {
        var fusion = new VectorStore.Fusion(settings.keywordWeight(), 1.0, settings.rrfK(), settings.scoreFusion());
        int pool = settings.reranks() ? Math.max(topK, settings.rerankDepth()) : topK;
        var hits = store.hybrid(namespace, query, embedder.embedQuery(query), Math.max(depth, pool), pool, fusion, filter);
        double best = fusion.best();
        var out = new ArrayList<Ranked>(hits.size());
        for (var h : hits) out.add(new Ranked(h.chunk(), h.score() / best));
        if (!settings.reranks()) return out;
        return rerank(query, out, topK);
    }

    /** The re-rank of {@link Settings}: stable, so chunks the bonuses do not tell apart keep their fused order. */
    List<Ranked> rerank(String query, List<Ranked> fused, int topK) {
        var queryTerms = KeywordFields.queryTerms(analyzer, query, 0).keySet();
        double base = settings.baseWeight();
        double scale = 1 + settings.nameWeight() + settings.typeWeight() + settings.signatureWeight() + Math.max(0, base);
        var bases = base != 0 ? Overrides.overridden(fused.stream().map(Ranked::chunk).toList()) : java.util.Set.<Chunk>of();
        var out = new ArrayList<Ranked>(fused.size());
        for (var r : fused) {
            Chunk c = r.chunk();
            double bonus = settings.nameWeight() * share(KeywordFields.name(c), queryTerms)
                    + settings.typeWeight() * share(typeOf(c), queryTerms)
                    + (settings.signatureWeight() > 0 ? settings.signatureWeight() * covered(queryTerms, KeywordFields.signature(c)) : 0)
                    + (bases.contains(c) ? base : 0);
            out.add(new Ranked(c, (r.relevance() + bonus) / scale));
        }
        out.sort(Comparator.comparingDouble(Ranked::relevance).reversed());
        return out.size() > topK ? List.copyOf(out.subList(0, topK)) : out;
    }

    /** The share of an identifier's distinct words ({@code evictOldest}: evict, oldest) that the query has; 0 for none. */
    private double share(String identifier, java.util.Set<String> queryTerms) {
        if (identifier == null || identifier.isBlank()) return 0;
        var terms = new java.util.HashSet<>(KeywordFields.terms(analyzer, EmbeddingText.words(identifier)));
        if (terms.isEmpty()) return 0;
        int in = 0;
        for (String t : terms) if (queryTerms.contains(t)) in++;
        return (double) in / terms.size();
    }

    /** The share of the query's terms that a text (a signature) has; 0 for none. */
    private double covered(java.util.Set<String> queryTerms, String text) {
        if (text == null || queryTerms.isEmpty()) return 0;
        var terms = new java.util.HashSet<>(KeywordFields.terms(analyzer, text));
        int in = 0;
        for (String t : queryTerms) if (terms.contains(t)) in++;
        return (double) in / queryTerms.size();
    }

    /** The enclosing type of a member's symbol ({@code Outer.Inner} of {@code Outer.Inner.member}), or null. */
    private static String typeOf(Chunk c) {
        String s = c.symbol();
        if (s == null) return null;
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : null;
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
