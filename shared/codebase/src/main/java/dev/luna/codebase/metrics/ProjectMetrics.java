package dev.luna.codebase.metrics;

import java.util.List;

/**
 * The measures of a project.
 *
 * @param files    every measured file, sorted by path
 * @param totals   per language, sorted by code lines (descending), then language
 * @param hotspots the 20 most complex functions: by complexity (descending), then length in lines (descending), then
 *                 file and start line
 * @param skipped  files not measured, and why, sorted by file
 * @param complete false when the stop signal ended the run early
 */
public record ProjectMetrics(List<FileMetrics> files, List<LanguageTotals> totals, List<Hotspot> hotspots, List<Skipped> skipped,
                             boolean complete) {
    public ProjectMetrics {
        files = List.copyOf(files);
        totals = List.copyOf(totals);
        hotspots = List.copyOf(hotspots);
        skipped = List.copyOf(skipped);
    }

    public long codeLines() {
        return totals.stream().filter(LanguageTotals::code).mapToLong(LanguageTotals::codeLines).sum();
    }

    public record Skipped(String file, String reason) {
    }
}
