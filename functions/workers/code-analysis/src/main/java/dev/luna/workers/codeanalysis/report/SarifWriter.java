package dev.luna.workers.codeanalysis.report;

import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.Region;
import dev.luna.workers.codeanalysis.findings.RuleInfo;
import dev.luna.workers.codeanalysis.findings.TraceStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes {@code findings.sarif}: SARIF 2.1.0, one run per analyzer, deterministic bytes. Each run's driver lists the
 * analyzer's rules (tags {@code CWE-89} and {@code external/cwe/cwe-089}, precision, security-severity, relationships
 * to CWE taxa); the run's {@code taxonomies} hold the CWE taxa its rules reference. Results carry a relative uri under
 * {@code SRCROOT}, the region, the data-flow trace as a code flow, the {@code lunaFingerprint/v1} partial fingerprint
 * and their CWE taxa, sorted by rule, uri, line and column. Skipped files become tool-execution notifications, and the
 * run's properties say whether it completed, how many files it skipped, its stats and what it did not apply.
 */
public final class SarifWriter {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final String SRCROOT = "SRCROOT";

    private final String version;
    private final String informationUri;

    /**
     * @param version        the Luna version written as each driver's {@code semanticVersion}
     * @param informationUri where the deployment documents its analyzers (each driver's {@code informationUri}), or
     *                       null to leave it out
     */
    public SarifWriter(String version, String informationUri) {
        this.version = version;
        this.informationUri = informationUri;
    }

    /** One analyzer's run: its rules, its result, and the checks it could not apply (may be empty). */
    public record Run(String analyzer, List<RuleInfo> rules, AnalyzerResult result, List<String> notApplied) {
        public Run {
            rules = List.copyOf(rules);
            notApplied = notApplied == null ? List.of() : List.copyOf(notApplied);
        }
    }

    /** The SARIF log, UTF-8 JSON; runs in the order given. */
    public byte[] write(List<Run> runs) {
        return ReportJson.write(new SarifLog(SCHEMA, "2.1.0", runs.stream().map(this::run).toList()));
    }

    private SarifLog.Run run(Run run) {
        var rules = new ArrayList<>(run.rules());
        var known = new HashMap<String, Integer>();
        rules.sort(Comparator.comparing(RuleInfo::id));
        for (Finding f : run.result().findings()) {
            if (rules.stream().noneMatch(r -> r.id().equals(f.ruleId()))) {
                rules.add(new RuleInfo(f.ruleId(), f.ruleId(), run.analyzer(), f.ruleId(), f.ruleId(), f.severity(), null, "medium", f.cwe(),
                        List.of(), "0.1.0"));
            }
        }
        rules.sort(Comparator.comparing(RuleInfo::id));
        for (int i = 0; i < rules.size(); i++) known.put(rules.get(i).id(), i);
        var cwes = new TreeSet<Integer>();
        rules.forEach(r -> cwes.addAll(r.cwe()));
        run.result().findings().forEach(f -> cwes.addAll(f.cwe()));

        var driver = new SarifLog.Driver("Luna " + run.analyzer(), version, informationUri, rules.stream().map(SarifWriter::rule).toList());
        var results = run.result().findings().stream()
                .sorted(Comparator.comparing(Finding::ruleId).thenComparing(Finding::file).thenComparingInt(f -> f.region().startLine())
                        .thenComparingInt(f -> f.region().startColumn()).thenComparing(Finding::message)
                        .thenComparing(f -> f.fingerprint() == null ? "" : f.fingerprint()))
                .map(f -> result(f, known.get(f.ruleId()))).toList();
        var notifications = run.result().skipped().stream()
                .map(s -> new SarifLog.Notification("warning", new SarifLog.Text("Not analysed: " + s.reason()), List.of(new SarifLog.Location(
                        new SarifLog.PhysicalLocation(artifact(s.file()), null), null)))).toList();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("analyzer", run.analyzer());
        properties.put("complete", run.result().complete());
        properties.put("skippedFiles", run.result().skipped().size());
        properties.put("notApplied", run.notApplied());
        properties.put("stats", run.result().stats());
        return new SarifLog.Run(new SarifLog.Tool(driver),
                List.of(new SarifLog.Invocation(true, notifications.isEmpty() ? null : notifications)),
                Map.of(SRCROOT, new SarifLog.ArtifactLocation(null, null, new SarifLog.Text("The root of the analysed project"))),
                cwes.isEmpty() ? null : List.of(taxonomy(cwes)), results, properties);
    }

    private static SarifLog.Rule rule(RuleInfo r) {
        Map<String, Object> props = new LinkedHashMap<>();
        var tags = new ArrayList<String>();
        tags.add(r.cwe().isEmpty() ? r.analyzer() : "security");
        for (int cwe : r.cwe()) {
            tags.add("CWE-" + cwe);
            tags.add(String.format(Locale.ROOT, "external/cwe/cwe-%03d", cwe));
        }
        props.put("tags", tags);
        props.put("precision", r.precision());
        if (r.securitySeverity() != null) props.put("security-severity", String.format(Locale.ROOT, "%.1f", r.securitySeverity()));
        props.put("since", r.since());
        var relationships = r.cwe().stream().map(c -> new SarifLog.Relationship(cweRef(c), List.of("superset"))).toList();
        String help = r.help() + (r.references().isEmpty() ? "" : "\n\nReferences: " + String.join(", ", r.references()));
        return new SarifLog.Rule(r.id(), r.name(), new SarifLog.Text(r.message()), new SarifLog.Text(r.help()), new SarifLog.Text(help),
                r.references().isEmpty() ? null : r.references().get(0), new SarifLog.Configuration(r.severity().sarifLevel()), props,
                relationships.isEmpty() ? null : relationships);
    }

    private static SarifLog.Result result(Finding f, int ruleIndex) {
        var location = new SarifLog.Location(new SarifLog.PhysicalLocation(artifact(f.file()), region(f.region(), f.snippet())), null);
        List<SarifLog.CodeFlow> flows = null;
        if (!f.trace().isEmpty()) {
            var steps = f.trace().stream().map(SarifWriter::step).toList();
            flows = List.of(new SarifLog.CodeFlow(List.of(new SarifLog.ThreadFlow(steps))));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("severity", f.severity().wire());
        if (f.commit() != null) {
            props.put("commit", f.commit());
            props.put("foundIn", "git-history");
        }
        var taxa = f.cwe().stream().map(SarifWriter::cweRef).toList();
        return new SarifLog.Result(f.ruleId(), ruleIndex, f.severity().sarifLevel(), new SarifLog.Text(f.message()), List.of(location), flows,
                f.fingerprint() == null ? null : Map.of("lunaFingerprint/v1", f.fingerprint()), taxa.isEmpty() ? null : taxa, props);
    }

    private static SarifLog.ThreadFlowLocation step(TraceStep s) {
        var loc = new SarifLog.Location(new SarifLog.PhysicalLocation(artifact(s.file()), region(s.region(), s.snippet())),
                s.note() == null ? null : new SarifLog.Text(s.note()));
        return new SarifLog.ThreadFlowLocation(loc, s.kind() == null ? null : List.of(s.kind()));
    }

    private static SarifLog.Region region(Region r, String snippet) {
        if (r == null) return null;
        boolean wholeLine = r.startColumn() == 1 && r.endColumn() == 1 && r.startLine() == r.endLine();
        var text = snippet == null || snippet.isEmpty() ? null : new SarifLog.Text(snippet);
        if (wholeLine) return new SarifLog.Region(r.startLine(), null, null, null, text);
        return new SarifLog.Region(r.startLine(), r.startColumn(), r.endLine(), r.endColumn(), text);
    }

    private static SarifLog.ArtifactLocation artifact(String file) {
        return new SarifLog.ArtifactLocation(uri(file), SRCROOT, null);
    }

    private static SarifLog.Reference cweRef(int cwe) {
        return new SarifLog.Reference(String.valueOf(cwe), new SarifLog.ComponentReference("CWE"));
    }

    private static SarifLog.Taxonomy taxonomy(TreeSet<Integer> cwes) {
        var taxa = cwes.stream().map(c -> new SarifLog.Taxon(String.valueOf(c), "CWE-" + c,
                "https://cwe.mitre.org/data/definitions/" + c + ".html")).toList();
        return new SarifLog.Taxonomy("CWE", "4.16", "MITRE", new SarifLog.Text("The MITRE Common Weakness Enumeration"),
                "https://cwe.mitre.org/", taxa);
    }

    /** A relative path as a URI reference: '/' kept, everything outside RFC 3986's unreserved set percent-encoded. */
    static String uri(String path) {
        var sb = new StringBuilder();
        for (byte b : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) sb.append(c);
            else sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
        return sb.toString();
    }
}
