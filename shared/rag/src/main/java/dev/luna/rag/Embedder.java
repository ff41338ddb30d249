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

    /** A search query's embedding: models trained with a query instruction (bge) get it here; others embed it as text. */
    default float[] embedQuery(String query) {
        return embed(query);
    }
}
