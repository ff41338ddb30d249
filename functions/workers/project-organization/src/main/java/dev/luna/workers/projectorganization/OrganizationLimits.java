package dev.luna.workers.projectorganization;

/**
 * Bounds on one run, so a huge tree or history costs a reported cut, never a hang or unbounded memory.
 *
 * @param maxFiles          files listed from the tree; the rest are reported and not analysed
 * @param maxModelFiles     source files given to the symbol and import graphs; past it the unused-files check is
 *                          reported as incomplete
 * @param maxFileBytes      a text file larger than this is not read (names, indentation, mentions)
 * @param maxTextBytes      text read in total for mentions and style; past it the rest is reported unread
 * @param maxCommits        commits walked from HEAD for large blobs and secrets in history
 * @param maxHistoryBytes   bytes of added lines the history secret scan reads
 * @param largeBlobBytes    a blob at least this large is reported
 * @param maxPatchFiles     files the patch may change; removals beyond it stay findings only
 * @param inlineDiffBytes   a removed text file larger than this is written to the patch without its lines (a full
 *                          {@code index} line, as for a binary file), which {@code git apply} applies the same way
 */
public record OrganizationLimits(int maxFiles, int maxModelFiles, long maxFileBytes, long maxTextBytes, int maxCommits, long maxHistoryBytes,
                                 long largeBlobBytes, int maxPatchFiles, long inlineDiffBytes) {
    public static final OrganizationLimits DEFAULT = new OrganizationLimits(200_000, 20_000, 1L << 20, 256L << 20, 2_000, 64L << 20,
            1L << 20, 20_000, 256L << 10);

    public OrganizationLimits {
        if (maxFiles < 1 || maxModelFiles < 0 || maxFileBytes < 1 || maxTextBytes < 0 || maxCommits < 0 || maxHistoryBytes < 0
                || largeBlobBytes < 1 || maxPatchFiles < 0 || inlineDiffBytes < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
