package dev.luna.rag;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) running in-process; the model ships inside its Maven artifact,
 * so no network is used. (bge-small-en-v1.5-q was tried: its 1.19.0-beta29 artifact does not resolve.)
 */
public final class OnnxEmbedder implements Embedder {
    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public String modelId() {
        return "all-minilm-l6-v2-q";
    }

    /** The model's dimension, known without loading it. */
    public static final int DIMENSION = 384;

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

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float f : v) sum += f * f;
        double norm = Math.sqrt(sum);
        if (norm == 0) return v;
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] / norm);
        return v;
    }
}
