package dev.luna.workers.codeanalysis;

import dev.luna.codebase.metrics.ProjectMetrics;
import dev.luna.workers.codeanalysis.dependencies.Component;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.report.SarifWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the analysers found, as they ran: one SARIF run each, the inventory of components, the project's metrics, and
 * whether every analyser finished. Findings are filtered (baseline) and capped later, by {@link FindingSelection}.
 */
final class Collected {
    final List<SarifWriter.Run> runs = new ArrayList<>();
    final List<Component> components = new ArrayList<>();
    final List<String> notApplied = new ArrayList<>();
    ProjectMetrics metrics;
    boolean complete = true;

    void add(SarifWriter.Run run) {
        runs.add(run);
        complete &= run.result().complete();
    }

    List<Finding> findings() {
        var out = new ArrayList<Finding>();
        for (var r : runs) out.addAll(r.result().findings());
        return out;
    }
}
