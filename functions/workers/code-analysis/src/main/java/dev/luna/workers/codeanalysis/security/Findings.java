package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.Region;
import dev.luna.workers.codeanalysis.findings.TraceStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings: one per (rule, file, sink region) and file the flow starts in, keeping the shortest trace (then
 * the first met), so a shared helper's sink reached from two entry points is reported for each; and turns
 * them into {@link Finding}s sorted by file, line, column and rule, with fingerprints numbered by occurrence.
 */
final class Findings {
    /** The order of findings: file, line, column, rule, then the rest of the region, the entry file and the message. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file).thenComparingInt((Finding f) -> f.region().startLine())
            .thenComparingInt(f -> f.region().startColumn()).thenComparing(Finding::ruleId)
            .thenComparingInt(f -> f.region().endLine()).thenComparingInt(f -> f.region().endColumn())
            .thenComparing(f -> f.trace().isEmpty() ? "" : f.trace().get(0).file()).thenComparing(Finding::message);

    private final RuleCatalog rules;
    private final Map<String, Raw> taint = new LinkedHashMap<>();
    private final Map<String, Raw> patterns = new LinkedHashMap<>();

    private record Raw(SecurityRule rule, SourceFile file, Region region, String message, List<Step> trace) {
    }

    Findings(RuleCatalog rules) {
        this.rules = rules;
    }

    void clearTaint() {
        taint.clear();
    }

    void taint(SecurityRule rule, Taint t, Origin.Source source, SourceFile file, Node sink, String label) {
        Region region = file.region(sink);
        List<Step> trace = t.step() == null ? List.of() : t.step().list();
        String sourceFile = trace.isEmpty() ? "" : trace.get(0).file.path;
        String key = rule.info().id() + "\u0000" + file.path + "\u0000" + region + "\u0000" + sourceFile;
        Raw old = taint.get(key);
        if (old != null && old.trace.size() <= trace.size()) return;
        String message = capitalise(source.label()) + " reaches " + label + ".";
        taint.put(key, new Raw(rule, file, region, message, trace));
    }

    /** A pattern check's finding; null rule (a check no rule names) is ignored. */
    void pattern(String check, SourceFile file, Node at, String message) {
        SecurityRule rule = rules.forCheck(check);
        if (rule == null) return;
        Region region = file.region(at);
        String key = rule.info().id() + "\u0000" + file.path + "\u0000" + region;
        patterns.putIfAbsent(key, new Raw(rule, file, region, message, List.of()));
    }

    int size() {
        return taint.size() + patterns.size();
    }

    List<Finding> toFindings() {
        var raws = new ArrayList<Raw>(taint.values());
        raws.addAll(patterns.values());
        raws.sort(Comparator.comparing((Raw r) -> r.file.path).thenComparingInt(r -> r.region.startLine())
                .thenComparingInt(r -> r.region.startColumn()).thenComparing(r -> r.rule.info().id())
                .thenComparingInt(r -> r.region.endLine()).thenComparingInt(r -> r.region.endColumn())
                .thenComparing(r -> r.trace.isEmpty() ? "" : r.trace.get(0).file.path).thenComparing(r -> r.message));
        var seen = new HashMap<String, Integer>();
        var out = new ArrayList<Finding>();
        for (Raw r : raws) {
            String snippet = r.file.snippet(r.region);
            String norm = snippet.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
            int occurrence = seen.merge(r.rule.info().id() + "\u0000" + r.file.path + "\u0000" + norm, 1, Integer::sum) - 1;
            var trace = new ArrayList<TraceStep>();
            for (Step s : r.trace) trace.add(new TraceStep(s.kind, s.file.path, s.region, s.file.snippet(s.region), s.note));
            var info = r.rule.info();
            out.add(new Finding(info.id(), "security", info.severity(), r.message, r.file.path, r.region, snippet, trace,
                    info.cwe(), Finding.fingerprint(info.id(), r.file.path, snippet, occurrence), null));
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
