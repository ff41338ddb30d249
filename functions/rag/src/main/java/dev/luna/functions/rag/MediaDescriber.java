package dev.luna.functions.rag;

import java.util.Optional;

/**
 * Makes a caption (images) or a transcript (audio) for the index. {@link #NONE} — metadata only — unless a capable
 * provider is configured (see {@link OpenAiMediaDescriber}). A describer never fails a file: when it cannot describe
 * one it answers empty and the file is indexed by its metadata.
 */
interface MediaDescriber {
    MediaDescriber NONE = (kind, path, mimeType, bytes) -> Optional.empty();

    /** A description and the model that wrote it. */
    record Description(String text, String model) {
    }

    Optional<Description> describe(MediaFiles.Kind kind, String path, String mimeType, byte[] bytes);
}
