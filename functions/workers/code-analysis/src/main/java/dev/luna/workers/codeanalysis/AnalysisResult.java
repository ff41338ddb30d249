package dev.luna.workers.codeanalysis;

import dev.luna.sources.Checkout;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.kit.ArtifactRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a code-analysis run came to, and the task's result document made of it
 * ({@code {"summary", "artifacts", "model", "source", "analyzers", "topFindings", "metrics", "dependencies", …}}),
 * kept well under the 256 KiB result limit: the complete list of findings is the SARIF artifact.
 */
record AnalysisResult(AnalysisOptions options, Checkout checkout, Collected collected, FindingSelection selection,
                      List<Enhancer.Explanation> explanations, String baselineTaskId) {
    static final int TOP_FINDINGS = 25;

    Map<String, Object> document(List<ArtifactRef> artifacts, Map<String, Object> model) {
        var out = new LinkedHashMap<String, Object>();
        out.put("summary", summary());
        out.put("artifacts", artifacts);
        out.put("model", model);
        out.put("source", source());
        out.put("analyzers", analyzers());
        out.put("topFindings", selection.selected.stream().limit(TOP_FINDINGS).map(this::finding).toList());
        if (collected.metrics != null) out.put("metrics", metrics());
        if (options.runs("dependencies")) out.put("dependencies", dependencies());
        if (baselineTaskId != null) out.put("baseline", Map.of("taskId", baselineTaskId, "unchanged", selection.knownToBaseline));
        if (!explanations.isEmpty()) out.put("explanations", explanations);
        return out;
    }

    Map<String, Object> summary() {
        var s = new LinkedHashMap<String, Object>();
        s.put("complete", collected.complete);
        s.put("findings", selection.selected.size());
        s.put("found", selection.found);
        s.put("truncated", selection.truncated);
        s.putAll(selection.counts());
        s.put("files", checkout.files().size());
        if (collected.metrics != null) {
            var languages = new TreeMap<String, Object>();
            for (var t : collected.metrics.totals()) languages.put(t.language(), Map.of("files", t.files(), "codeLines", t.codeLines()));
            s.put("languages", languages);
            s.put("codeLines", collected.metrics.totals().stream().mapToLong(t -> t.codeLines()).sum());
        }
        return s;
    }

    private Map<String, Object> source() {
        var s = new LinkedHashMap<String, Object>();
        s.put("revision", checkout.revision());
        s.put("files", checkout.files().size());
        s.put("skipped", checkout.skipped().size());
        s.put("transcoded", checkout.transcoded().size());
        if (checkout.isGit()) s.put("historyCommits", checkout.git().commits());
        return s;
    }

    private List<Map<String, Object>> analyzers() {
        return collected.runs.stream().map(r -> {
            var a = new LinkedHashMap<String, Object>();
            a.put("name", r.analyzer());
            a.put("complete", r.result().complete());
            a.put("findings", r.result().findings().size());
            a.put("skippedFiles", r.result().skipped().size());
            if (!r.notApplied().isEmpty()) a.put("notApplied", r.notApplied());
            return (Map<String, Object>) a;
        }).toList();
    }

    private Map<String, Object> finding(Finding f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("ruleId", f.ruleId());
        m.put("analyzer", f.analyzer());
        m.put("severity", f.severity().wire());
        if (!f.cwe().isEmpty()) m.put("cwe", f.cwe().stream().map(c -> "CWE-" + c).toList());
        m.put("message", f.message());
        m.put("file", f.file());
        m.put("line", f.region().startLine());
        if (f.commit() != null) m.put("commit", f.commit());
        m.put("snippet", f.snippet());
        if (!f.trace().isEmpty()) m.put("traceSteps", f.trace().size());
        m.put("fingerprint", f.fingerprint());
        return m;
    }

    private Map<String, Object> metrics() {
        var m = new LinkedHashMap<String, Object>();
        m.put("totals", collected.metrics.totals());
        m.put("hotspots", collected.metrics.hotspots());
        return m;
    }

    private Map<String, Object> dependencies() {
        var d = new LinkedHashMap<String, Object>();
        d.put("components", collected.components.size());
        var byEcosystem = new TreeMap<String, Integer>();
        collected.components.forEach(c -> byEcosystem.merge(c.ecosystem(), 1, Integer::sum));
        d.put("byEcosystem", byEcosystem);
        d.put("notApplied", collected.notApplied);
        return d;
    }
}
