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

    long count(String namespace);

    @Override
    void close();
}
