package dev.luna.functions.rag;

import java.util.List;

/** Request bodies of the RAG API. */
final class Requests {
    private Requests() {
    }

    /** {@code POST /api/v1/rag/index}. */
    record IndexRequest(String projectId, Source source, List<String> include, List<String> exclude, List<String> deletedPaths,
                        Boolean deleteMissing) {
    }

    /**
     * Where files come from: {@code inline} (files), {@code archive} (format zip|tar.gz, contentBase64), {@code s3}
     * (prefix under the project's folder of the artifacts bucket) or {@code git} (not available in this deployment).
     */
    record Source(String type, List<InlineFile> files, String format, String contentBase64, String prefix, String url) {
    }

    record InlineFile(String path, String content, String contentBase64) {
    }

    /** {@code POST /api/v1/rag/query}. */
    record QueryRequest(String projectId, String query, Integer topK, Filters filters, String mode, Integer tokenBudget) {
    }

    record Filters(String path, String language, String symbol) {
    }

    /** {@code PUT /api/v1/rag/context/{id}}. */
    record ContextUpdate(String content, String symbol) {
    }

    /** {@code POST /api/v1/tokens/optimize}. */
    record OptimizeRequest(String projectId, String prompt, List<OptimizeContext> contexts, Integer targetTokens, Double keepRelevance) {
    }

    record OptimizeContext(String id, String path, String language, String content, Double relevanceScore) {
    }
}
