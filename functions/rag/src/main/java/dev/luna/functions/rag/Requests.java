package dev.luna.functions.rag;

import dev.luna.sources.Source;
import java.util.List;

/** Request bodies of the RAG API. */
final class Requests {
    private Requests() {
    }

    /** {@code POST /api/v1/rag/index}; the source is the shared {@link Source} object (inline, archive, s3, git). */
    record IndexRequest(String projectId, Source source, List<String> include, List<String> exclude, List<String> deletedPaths,
                        Boolean deleteMissing, Refresh refresh) {
    }

    /**
     * Keep a git source's index fresh: re-index on signed push webhooks ({@code webhook}, with {@code secret} or one
     * generated and shown once) and/or check the remote every {@code intervalMinutes}.
     */
    record Refresh(Boolean webhook, String secret, Integer intervalMinutes) {
    }

    /** {@code POST /api/v1/rag/query}. */
    record QueryRequest(String projectId, String query, Integer topK, Filters filters, String mode, Integer tokenBudget) {
    }

    record Filters(String path, String language, String symbol) {
    }

    /** {@code PUT /api/v1/rag/context/{id}}. */
    record ContextUpdate(String content, String symbol) {
    }

    /** {@code POST /api/v1/tokens/optimize}; {@code summarize}: true, false, or absent (only while the target is not met). */
    record OptimizeRequest(String projectId, String prompt, List<OptimizeContext> contexts, Integer targetTokens, Double keepRelevance,
                           Boolean summarize) {
    }

    record OptimizeContext(String id, String path, String language, String content, Double relevanceScore) {
    }
}
