package dev.luna.rag;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sentence-embedding model (quantized ONNX, 384 dimensions) running in-process; each model ships inside its Maven
 * artifact, so no network is used. Chosen by {@link #SETTING}: {@code all-minilm-l6-v2-q} or
 * {@code bge-small-en-v1.5-q} (which embeds queries with its retrieval instruction). Both have 384 dimensions, so a
 * Pinecone index serves either; the embedding cache keys by model, and the indexer's file hashes name the model, so the
 * first index job after a change of model re-embeds every file.
 * {@code scripts/bench/rag-quality} compares them.
 */
public final class OnnxEmbedder implements Embedder {
    /** The setting (or environment variable) naming the model. */
    public static final String SETTING = "LUNA_RAG_EMBEDDING_MODEL";

    /** The models that ship as Maven artifacts, with how each embeds a query. */
    public enum Model {
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", ""),
        BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: ");

        // no reference to the model classes here: naming a model must not need them on the classpath (a package
        // that only reads index jobs leaves them out)
        final String id;
        final String queryPrefix;

        Model(String id, String queryPrefix) {
            this.id = id;
            this.queryPrefix = queryPrefix;
        }

        public String id() {
            return id;
        }

        /**
         * The model a setting names (null or blank: {@link #DEFAULT}); an {@link IllegalArgumentException} listing
         * the known ones otherwise.
         */
        public static Model of(String id) {
            if (id == null || id.isBlank()) return BGE_SMALL_EN_V15_Q; // OnnxEmbedder.DEFAULT, named here so the outer class stays unloaded
            for (var m : values()) if (m.id.equals(id.trim())) return m;
            throw new IllegalArgumentException(SETTING + " must be one of " + Arrays.stream(values()).map(Model::id).toList() + ", not " + id);
        }
    }

    /**
     * The model used when {@link #SETTING} is not set: bge-small-en-v1.5, which retrieves code better than MiniLM on
     * held-out libraries (docs/rag-tuning.md), at about twice MiniLM's embedding time.
     */
    public static final Model DEFAULT = Model.BGE_SMALL_EN_V15_Q;

    /** The models' dimension, known without loading them. */
    public static final int DIMENSION = 384;

    private final Model which;
    private final EmbeddingModel model;

    public OnnxEmbedder() {
        this(DEFAULT);
    }

    public OnnxEmbedder(Model which) {
        this.which = which;
        this.model = switch (which) {
            case ALL_MINILM_L6_V2_Q -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            case BGE_SMALL_EN_V15_Q -> new BgeSmallEnV15QuantizedEmbeddingModel();
        };
    }

    /** The model a setting names (null or blank: {@link #DEFAULT}). */
    public static OnnxEmbedder named(String id) {
        return new OnnxEmbedder(Model.of(id));
    }

    @Override
    public String modelId() {
        return which.id;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        var segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? " " : t)).toList();
        var out = new ArrayList<float[]>(texts.size());
        for (var e : model.embedAll(segments).content()) out.add(normalize(e.vector()));
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(which.queryPrefix + query);
    }

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float f : v) sum += f * f;
        double norm = Math.sqrt(sum);
        if (norm == 0) return v;
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] / norm);
        return v;
    }
}
