package dev.luna.functions.rag;

/** A file of a source, as bytes (decoded and checked by the indexer). */
record SourceFile(String path, byte[] bytes) {
}
