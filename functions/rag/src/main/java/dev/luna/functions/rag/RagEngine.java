package dev.luna.functions.rag;

import dev.luna.rag.CachingEmbedder;
import dev.luna.rag.Chunker;
import dev.luna.rag.LuceneStore;
import dev.luna.rag.OnnxEmbedder;
import dev.luna.rag.Retriever;
import dev.luna.rag.TokenOptimizer;
import dev.luna.rag.VectorStore;
import java.nio.file.Path;

/**
 * The per-container RAG machinery: chunker, the embedding model behind its caches (loaded on first use), the vector
 * store and the retriever. The store is chosen by {@link RagStores} ({@code LUNA_RAG_STORE}): embedded Lucene, on
 * disk under {@code LUNA_RAG_INDEX_DIR} or in memory when no directory is configured (the default), or Pinecone.
 */
final class RagEngine implements AutoCloseable {
    static final String INDEX_DIR = "LUNA_RAG_INDEX_DIR";
    final Chunker chunker = new Chunker();
    final TokenOptimizer optimizer = new TokenOptimizer();
    final VectorStore store;
    private final Path directory;
    private final OnnxEmbedder.Model model;
    private volatile CachingEmbedder embedder;
    private volatile Retriever retriever;

    RagEngine(Path directory) {
        this(directory, new LuceneStore(directory == null ? null : directory.resolve("indexes")), null);
    }

    /** @param model the embedding model's id ({@link OnnxEmbedder#SETTING}; null for the default) */
    RagEngine(Path directory, VectorStore store, String model) {
        this.directory = directory;
        this.store = store;
        this.model = OnnxEmbedder.Model.of(model); // a wrong name fails start-up, not the first query
    }

    /** The embedding model this engine embeds with. */
    OnnxEmbedder.Model model() {
        return model;
    }

    CachingEmbedder embedder() {
        var e = embedder;
        if (e == null) {
            synchronized (this) {
                if (embedder == null) {
                    embedder = new CachingEmbedder(new OnnxEmbedder(model), directory == null ? null : directory.resolve("embeddings.bin"), 10_000);
                }
                e = embedder;
            }
        }
        return e;
    }

    Retriever retriever() {
        var r = retriever;
        if (r == null) {
            r = new Retriever(store, embedder());
            retriever = r;
        }
        return r;
    }

    @Override
    public void close() {
        store.close();
    }
}
