package dev.luna.rag;

/**
 * One retrievable unit of a source file: a type, method or function with its doc comment, a Markdown section, a
 * top-level config key, or a window of plain text. Lines are 1-based and inclusive.
 */
public record Chunk(String id, String path, String language, String symbol, String kind, int startLine, int endLine,
                    String content, String contentHash, int tokenCount) {
    public Chunk withId(String newId) {
        return new Chunk(newId, path, language, symbol, kind, startLine, endLine, content, contentHash, tokenCount);
    }
}
