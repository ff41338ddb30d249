package dev.luna.codebase.secrets;

/**
 * How much git history a scan reads.
 *
 * @param maxCommits   commits walked from HEAD, newest first
 * @param maxBytes     bytes of added lines scanned in total; the walk stops (incomplete) past it
 * @param maxBlobBytes a changed file larger than this is skipped
 */
public record HistoryLimits(int maxCommits, long maxBytes, long maxBlobBytes) {
    public static final HistoryLimits DEFAULT = new HistoryLimits(1_000, 64L << 20, 1L << 20);

    public HistoryLimits {
        if (maxCommits < 0 || maxBytes < 0 || maxBlobBytes < 0) throw new IllegalArgumentException("limits must not be negative");
    }
}
