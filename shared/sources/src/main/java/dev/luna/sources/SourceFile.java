package dev.luna.sources;

/**
 * A file of a source, as bytes. {@code size} is the file's real size: larger than {@code bytes.length} only when a
 * {@link ReadPolicy} asked for the file's head alone (an image or recording too large to read whole, of which just
 * enough for its metadata is kept).
 */
public record SourceFile(String path, byte[] bytes, long size) {
    public SourceFile(String path, byte[] bytes) {
        this(path, bytes, bytes.length);
    }

    public boolean truncated() {
        return size > bytes.length;
    }
}
