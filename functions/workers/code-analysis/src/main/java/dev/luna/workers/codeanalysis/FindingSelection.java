package dev.luna.workers.codeanalysis;

import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.report.SarifWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The findings a task reports: without those a baseline already had (by fingerprint), most severe first (then by
 * analyser, file, line, column and rule), at most {@code maxFindings}; and the SARIF runs cut down to them.
 */
final class FindingSelection {
    static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.severity().ordinal())
            .thenComparing(f -> AnalysisOptions.ALL.indexOf(f.analyzer()))
            .thenComparing(Finding::file).thenComparing(f -> f.region().startLine()).thenComparing(f -> f.region().startColumn())
            .thenComparing(Finding::ruleId).thenComparing(Finding::fingerprint, Comparator.nullsFirst(Comparator.naturalOrder()));

    final List<Finding> selected;
    final int found;
    final int knownToBaseline;
    final boolean truncated;
    final List<SarifWriter.Run> runs;

    FindingSelection(Collected collected, Set<String> baseline, int maxFindings) {
        var all = collected.findings();
        found = all.size();
        var fresh = all.stream().filter(f -> baseline == null || f.fingerprint() == null || !baseline.contains(f.fingerprint()))
                .sorted(ORDER).toList();
        knownToBaseline = found - fresh.size();
        truncated = fresh.size() > maxFindings;
        selected = truncated ? fresh.subList(0, maxFindings) : fresh;
        var keep = new HashSet<Finding>(selected);
        runs = new ArrayList<>();
        for (var run : collected.runs) {
            var r = run.result();
            var findings = r.findings().stream().filter(keep::contains).toList();
            runs.add(new SarifWriter.Run(run.analyzer(), run.rules(), new AnalyzerResult(findings, r.skipped(), r.stats(), r.complete()),
                    run.notApplied()));
        }
    }

    /** Counts of the reported findings: by severity, analyser, rule and CWE. */
    Map<String, Object> counts() {
        var bySeverity = new LinkedHashMap<String, Integer>();
        for (var s : dev.luna.workers.codeanalysis.findings.Severity.values()) bySeverity.put(s.wire(), 0);
        var byAnalyzer = new TreeMap<String, Integer>();
        var byRule = new TreeMap<String, Integer>();
        var byCwe = new TreeMap<String, Integer>();
        for (var f : selected) {
            bySeverity.merge(f.severity().wire(), 1, Integer::sum);
            byAnalyzer.merge(f.analyzer(), 1, Integer::sum);
            byRule.merge(f.ruleId(), 1, Integer::sum);
            for (int cwe : f.cwe()) byCwe.merge("CWE-" + cwe, 1, Integer::sum);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("bySeverity", bySeverity);
        out.put("byAnalyzer", byAnalyzer);
        out.put("byRule", byRule);
        out.put("byCwe", byCwe);
        return out;
    }
}
