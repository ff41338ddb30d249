package dev.luna.codebase.secrets;

/**
 * Bounds of a file scan.
 *
 * @param maxFileBytes       a larger file is skipped and reported
 * @param maxFindingsPerFile findings kept per file (a generated file full of keys says enough after this many)
 */
public record ScanLimits(long maxFileBytes, int maxFindingsPerFile) {
    public static final ScanLimits DEFAULT = new ScanLimits(2L << 20, 200);

    public ScanLimits {
        if (maxFileBytes < 0 || maxFindingsPerFile < 1) throw new IllegalArgumentException("bad limits");
    }
}
