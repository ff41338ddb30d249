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
     * (prefix under the project's folder of the artifacts bucket) or {@code git} (url, optional ref: branch, tag or
     * commit, optional credentialsSecret: the name of a token the worker looks up; see {@link GitSource}).
     */
    record Source(String type, List<InlineFile> files, String format, String contentBase64, String prefix, String url, String ref,
                  String credentialsSecret) {
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

    /** {@code POST /api/v1/tokens/optimize}; {@code summarize}: true, false, or absent (only while the target is not met). */
    record OptimizeRequest(String projectId, String prompt, List<OptimizeContext> contexts, Integer targetTokens, Double keepRelevance,
                           Boolean summarize) {
    }

    record OptimizeContext(String id, String path, String language, String content, Double relevanceScore) {
    }
}
