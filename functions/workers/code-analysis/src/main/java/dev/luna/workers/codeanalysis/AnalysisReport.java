package dev.luna.workers.codeanalysis;

import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.report.MarkdownTable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.md}: what was analysed, the findings by severity and analyser, the most severe findings with their
 * data-flow traces (and a model's explanation where there is one), every finding as a table, metrics hotspots, the
 * dependency inventory, and what was not analysed. No timestamps or absolute paths: the same analysis gives the same
 * bytes.
 */
final class AnalysisReport {
    static final int DETAILED = 15;
    static final int TABLE = 300;
    private final AnalysisResult r;

    AnalysisReport(AnalysisResult result) {
        this.r = result;
    }

    String render() {
        var sb = new StringBuilder("# Code analysis\n\n");
        var c = r.checkout();
        sb.append("Revision `").append(c.revision()).append("` · ").append(c.files().size()).append(" files analysed");
        if (!c.skipped().isEmpty()) sb.append(" · ").append(c.skipped().size()).append(" skipped");
        sb.append(" · analysers: ").append(String.join(", ", r.options().rules())).append("\n\n");
        if (!r.collected().complete) sb.append("> The analysis stopped before its end (time limit); the findings below are those found so far.\n\n");
        summary(sb);
        top(sb);
        sb.append("## All findings\n\n");
        sb.append(r.selection().selected.isEmpty() ? "None.\n\n" : MarkdownTable.findings(r.selection().selected, TABLE) + "\n");
        metrics(sb);
        dependencies(sb);
        gaps(sb);
        return sb.toString();
    }

    private void summary(StringBuilder sb) {
        var counts = r.selection().counts();
        sb.append("## Summary\n\n| Severity | Findings |\n|---|---|\n");
        ((Map<?, ?>) counts.get("bySeverity")).forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sb.append("\n| Analyser | Findings | Complete |\n|---|---|---|\n");
        for (var run : r.collected().runs) {
            sb.append("| ").append(run.analyzer()).append(" | ").append(run.result().findings().stream().filter(r.selection().selected::contains).count())
                    .append(" | ").append(run.result().complete() ? "yes" : "no").append(" |\n");
        }
        sb.append('\n');
        if (r.baselineTaskId() != null) {
            sb.append("Compared with baseline `").append(r.baselineTaskId()).append("`: ").append(r.selection().knownToBaseline)
                    .append(" findings it already had are not repeated.\n\n");
        }
        if (r.selection().truncated) {
            sb.append("Only the ").append(r.selection().selected.size()).append(" most severe of ").append(r.selection().found)
                    .append(" findings are reported (`options.maxFindings`).\n\n");
        }
    }

    private void top(StringBuilder sb) {
        var selected = r.selection().selected;
        if (selected.isEmpty()) return;
        var explained = new HashMap<String, Enhancer.Explanation>();
        for (var e : r.explanations()) explained.put(e.fingerprint(), e);
        sb.append("## Most severe findings\n\n");
        int n = 0;
        for (Finding f : selected.stream().limit(DETAILED).toList()) {
            sb.append("### ").append(++n).append(". ").append(f.severity().wire().toUpperCase(Locale.ROOT)).append(" `").append(f.ruleId()).append('`');
            if (!f.cwe().isEmpty()) sb.append(" (CWE-").append(f.cwe().get(0)).append(')');
            sb.append("\n\n`").append(f.file()).append(':').append(f.region().startLine()).append('`');
            if (f.commit() != null) sb.append(" in commit `").append(f.commit()).append('`');
            sb.append(" — ").append(f.message()).append("\n\n");
            if (f.snippet() != null && !f.snippet().isBlank()) sb.append("```\n").append(f.snippet()).append("\n```\n\n");
            if (!f.trace().isEmpty()) {
                sb.append("Data flow:\n\n");
                int i = 0;
                for (var step : f.trace()) {
                    sb.append(++i).append(". ").append(step.kind()).append(" `").append(step.file()).append(':').append(step.region().startLine())
                            .append("` ").append(step.note()).append('\n');
                }
                sb.append('\n');
            }
            var e = explained.get(f.fingerprint());
            if (e != null) {
                sb.append("**Explanation** (model, ").append(e.confidence()).append(" confidence): ").append(e.explanation().strip()).append("\n\n");
                sb.append("**Suggested fix:**\n\n").append(e.fix().strip()).append("\n\n");
            }
        }
    }

    private void metrics(StringBuilder sb) {
        var m = r.collected().metrics;
        if (m == null) return;
        sb.append("## Metrics\n\n| Language | Files | Code lines | Comment lines | Functions |\n|---|---|---|---|---|\n");
        for (var t : m.totals()) {
            if (!t.code()) continue;
            sb.append("| ").append(t.language()).append(" | ").append(t.files()).append(" | ").append(t.codeLines()).append(" | ")
                    .append(t.commentLines()).append(" | ").append(t.functions()).append(" |\n");
        }
        if (!m.hotspots().isEmpty()) {
            sb.append("\nHotspots (most complex functions):\n\n| Function | Location | Complexity | Lines |\n|---|---|---|---|\n");
            for (var h : m.hotspots()) {
                sb.append("| `").append(h.function().replace("|", "\\|").replace("`", "'")).append("` | `")
                        .append(h.file()).append(':').append(h.startLine()).append("` | ").append(h.complexity()).append(" | ").append(h.lines()).append(" |\n");
            }
        }
        sb.append('\n');
    }

    private void dependencies(StringBuilder sb) {
        if (!r.options().runs("dependencies")) return;
        var components = r.collected().components;
        sb.append("## Dependencies\n\n").append(components.size()).append(" components (the full inventory is `sbom.cdx.json`, CycloneDX 1.6).\n\n");
        for (String n : r.collected().notApplied) sb.append("- Not applied: ").append(n).append('\n');
        sb.append('\n');
    }

    private void gaps(StringBuilder sb) {
        var skipped = r.checkout().skipped();
        boolean analyserSkips = r.collected().runs.stream().anyMatch(run -> !run.result().skipped().isEmpty());
        if (skipped.isEmpty() && !analyserSkips) return;
        sb.append("## Not analysed\n\n");
        skipped.stream().limit(50).forEach(s -> sb.append("- `").append(s.path()).append("`: ").append(s.message()).append('\n'));
        if (skipped.size() > 50) sb.append("- … and ").append(skipped.size() - 50).append(" more\n");
        for (var run : r.collected().runs) {
            run.result().skipped().stream().limit(20).forEach(s -> sb.append("- `").append(s.file()).append("` (").append(run.analyzer())
                    .append("): ").append(s.reason()).append('\n'));
        }
        sb.append('\n');
    }
}
