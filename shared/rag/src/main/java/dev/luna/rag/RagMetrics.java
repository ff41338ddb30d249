package dev.luna.rag;

import dev.luna.core.metrics.Metrics;

/**
 * RAG's metrics: {@code RagQueryLatency} (ms, by retrieval mode) per query, and the embedding caches'
 * {@code CacheHits} / {@code CacheMisses} ({@code Cache=rag-query-embedding} or {@code rag-document-embedding}).
 */
public final class RagMetrics {
    public static final String QUERY_CACHE = "rag-query-embedding";
    public static final String DOCUMENT_CACHE = "rag-document-embedding";

    private RagMetrics() {
    }

    /** One query answered: retrieval plus packing took {@code ms}. */
    public static void query(String mode, double ms) {
        if (Metrics.enabled()) Metrics.event().dimension("Mode", mode).value("RagQueryLatency", ms).emit();
    }

    /** Lookups in one of the embedding caches. */
    static void cache(String cache, long hits, long misses) {
        if (!Metrics.enabled() || hits + misses == 0) return;
        Metrics.event().dimension("Cache", cache).value("CacheHits", hits).value("CacheMisses", misses).emit();
    }
}
