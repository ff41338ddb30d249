package dev.luna.sources;

import java.util.Comparator;

/**
 * A file of a source that was left out, why ({@code reason}, stable) and in words ({@code message}, e.g.
 * {@code "larger than 1048576 bytes"}). Never carries content.
 */
public record SkippedFile(String path, Reason reason, String message) {
    /** By path, then reason. */
    public static final Comparator<SkippedFile> ORDER = Comparator.comparing(SkippedFile::path).thenComparing(SkippedFile::reason);

    public enum Reason {
        /** NUL bytes in the first 8,000 bytes (git's rule), or an extension that is never text (png, jar, …). */
        BINARY,
        /** Larger than the per-file limit. */
        TOO_LARGE,
        SYMLINK,
        /** A tar hard link. */
        HARD_LINK,
        /** A git submodule (gitlink): its repository is not fetched. */
        SUBMODULE,
        /** A device, pipe or other entry that is not a regular file. */
        SPECIAL,
        /** Left out by a {@code .gitignore} of the source (non-git sources). */
        IGNORED,
        /** Beyond {@link SourceLimits#maxFiles()}. */
        OVER_FILE_BUDGET,
        /** Would take the total beyond {@link SourceLimits#maxTotalBytes()}. */
        OVER_BYTE_BUDGET,
        /** Nested deeper than {@link SourceLimits#maxPathDepth()}. */
        TOO_DEEP,
        /** A name that is not a safe relative path (a git tree or S3 key; archives with one are refused whole). */
        UNSAFE_PATH,
        /** The same path listed again; the first copy is kept. */
        DUPLICATE,
        /** Could not be written into the checkout (a file where a directory must be, or the other way round). */
        UNWRITABLE
    }
}
