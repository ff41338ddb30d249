package dev.luna.sources;

/**
 * How much of a source is read.
 *
 * @param maxFiles         files kept (read); more is over the file budget
 * @param maxTotalBytes    bytes kept, all files together; more is over the byte budget
 * @param maxFileBytes     bytes of one file; a larger file is skipped as too large (a {@link ReadPolicy} may say otherwise)
 * @param maxEntries       entries a source may list at all (archive entries, tree entries, S3 objects, directories included):
 *                         the hard cap; more fails the whole source with {@code PAYLOAD_TOO_LARGE}, nothing is read
 * @param maxExpandedBytes bytes an archive may expand to, every entry counted: more is refused as an archive bomb
 *                         ({@code PAYLOAD_TOO_LARGE}) while it is being read, never fully expanded
 * @param maxPathDepth     directories a file's path may be nested in; deeper files are skipped
 * @param failOverBudget   true: a source over the file or byte budget fails with {@code PAYLOAD_TOO_LARGE} (RAG indexing,
 *                         which must not index half a project); false: the files beyond the budget are skipped and
 *                         reported (task checkouts, which analyse what fits)
 */
public record SourceLimits(int maxFiles, long maxTotalBytes, int maxFileBytes, int maxEntries, long maxExpandedBytes, int maxPathDepth,
                           boolean failOverBudget) {
    public static final int MIB = 1024 * 1024;

    /** 20,000 files, 64 MiB, 1 MiB per file, 100,000 entries, archives up to 256 MiB expanded, 64 levels; skip over budget. */
    public static final SourceLimits DEFAULTS = new SourceLimits(20_000, 64L * MIB, MIB, 100_000, 256L * MIB, 64, false);

    public SourceLimits {
        if (maxFiles < 1 || maxTotalBytes < 1 || maxFileBytes < 1 || maxEntries < 1 || maxExpandedBytes < 1 || maxPathDepth < 1) {
            throw new IllegalArgumentException("source limits must be positive");
        }
    }

    public SourceLimits withMaxFiles(int n) {
        return new SourceLimits(n, maxTotalBytes, maxFileBytes, maxEntries, maxExpandedBytes, maxPathDepth, failOverBudget);
    }

    public SourceLimits withMaxTotalBytes(long n) {
        return new SourceLimits(maxFiles, n, maxFileBytes, maxEntries, maxExpandedBytes, maxPathDepth, failOverBudget);
    }

    public SourceLimits withMaxFileBytes(int n) {
        return new SourceLimits(maxFiles, maxTotalBytes, n, maxEntries, maxExpandedBytes, maxPathDepth, failOverBudget);
    }

    public SourceLimits withMaxEntries(int n) {
        return new SourceLimits(maxFiles, maxTotalBytes, maxFileBytes, n, maxExpandedBytes, maxPathDepth, failOverBudget);
    }

    public SourceLimits withMaxExpandedBytes(long n) {
        return new SourceLimits(maxFiles, maxTotalBytes, maxFileBytes, maxEntries, n, maxPathDepth, failOverBudget);
    }

    public SourceLimits withMaxPathDepth(int n) {
        return new SourceLimits(maxFiles, maxTotalBytes, maxFileBytes, maxEntries, maxExpandedBytes, n, failOverBudget);
    }

    public SourceLimits failingOverBudget(boolean fail) {
        return new SourceLimits(maxFiles, maxTotalBytes, maxFileBytes, maxEntries, maxExpandedBytes, maxPathDepth, fail);
    }
}
