package dev.luna.workers.codeanalysis.dependencies;

import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import java.util.List;

/**
 * What the dependency analysis found.
 *
 * @param result     findings (unpinned, missing, duplicate, conflicting versions) and stats
 * @param components the inventory for the SBOM, sorted by purl
 * @param notApplied checks that could not run, and why (known-vulnerability lookup without an advisory source)
 */
public record DependencyResult(AnalyzerResult result, List<Component> components, List<String> notApplied) {
    public DependencyResult {
        components = List.copyOf(components);
        notApplied = List.copyOf(notApplied);
    }
}
