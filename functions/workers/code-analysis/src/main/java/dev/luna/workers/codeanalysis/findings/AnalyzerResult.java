package dev.luna.workers.codeanalysis.findings;

import java.util.List;
import java.util.Map;

/**
 * What an analyzer found.
 *
 * @param findings sorted by file, line, column, then rule id
 * @param skipped  files it could not analyse, and why
 * @param stats    figures worth reporting (files parsed, methods, flows tracked…), JSON-ready values
 * @param complete false when it stopped early ({@link AnalysisInput#stop})
 */
public record AnalyzerResult(List<Finding> findings, List<Skipped> skipped, Map<String, Object> stats, boolean complete) {
    public AnalyzerResult {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
        stats = Map.copyOf(stats);
    }

    public record Skipped(String file, String reason) {
    }
}
