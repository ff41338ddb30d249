package dev.luna.rag;

import java.util.List;

/** Text to unit-length vectors. */
public interface Embedder {
    String modelId();

    int dimension();

    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }
}
