package dev.luna.functions.rag;

/**
 * A file of a source, as bytes (decoded and checked by the indexer). {@code size} is the file's real size: larger
 * than {@code bytes.length} only for an image or recording too large to read whole, of which just the head is kept
 * (enough for its metadata; see {@link MediaFiles#HEAD_BYTES}).
 */
record SourceFile(String path, byte[] bytes, long size) {
    SourceFile(String path, byte[] bytes) {
        this(path, bytes, bytes.length);
    }

    boolean truncated() {
        return size > bytes.length;
    }
}
