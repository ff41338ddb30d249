package dev.luna.workers.projectorganization;

import dev.luna.core.Json;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result JSON: summary, every finding, the layout verdict, what the patch carries (file lists cut at
 * {@value #MAX_PATCH_FILES} per commit), skips (the first {@value #MAX_SKIPPED}) and figures. Keys in a fixed order, maps sorted, UTF-8, a final newline.
 */
public final class ReportJson {
    static final int MAX_PATCH_FILES = 200;
    static final int MAX_SKIPPED = 500;

    private ReportJson() {
    }

    public static byte[] render(OrganizationReport report) {
        return (Json.write(tree(report)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static ObjectNode tree(OrganizationReport report) {
        var root = Json.object();
        var s = report.summary();
        var summary = root.putObject("summary");
        if (s.revision() != null) summary.put("revision", s.revision());
        summary.put("files", s.files());
        s.stacks().forEach(summary.putArray("stacks")::add);
        s.checks().forEach(c -> summary.withArray("checks").add(c.wire()));
        summary.putPOJO("byCheck", new TreeMap<>(s.byCheck()));
        var bySeverity = summary.putObject("bySeverity");
        for (var sev : Severity.values()) bySeverity.put(sev.wire(), s.bySeverity().getOrDefault(sev.wire(), 0));
        summary.put("findings", report.findings().size());
        summary.put("inPatch", s.inPatch());
        summary.put("complete", report.complete());
        var findings = root.putArray("findings");
        for (var f : report.findings()) {
            var n = findings.addObject();
            n.put("id", f.id()).put("kind", f.kind()).put("check", f.check().wire()).put("severity", f.severity().wire())
                    .put("confidence", f.confidence().wire()).put("subject", f.subject());
            f.files().forEach(n.putArray("files")::add);
            if (f.moreFiles() > 0) n.put("moreFiles", f.moreFiles());
            n.put("evidence", f.evidence()).put("action", f.action()).put("proposal", f.proposal()).put("inPatch", f.inPatch());
        }
        var st = report.structure();
        var structure = root.putObject("structure");
        structure.put("messy", st.messy());
        st.reasons().forEach(structure.putArray("reasons")::add);
        var moves = structure.putArray("moves");
        st.moves().forEach(m -> moves.addObject().put("from", m.from()).put("to", m.to()).put("why", m.why()));
        structure.put("target", st.target());
        var commits = root.putObject("patch").putArray("commits");
        for (var c : report.patch().commits()) {
            var n = commits.addObject().put("subject", c.subject());
            var files = n.putArray("files");
            c.changes().stream().limit(MAX_PATCH_FILES).forEach(ch -> files.addObject().put("path", ch.path()).put("change", ch.removal() ? "delete" : "write"));
            if (c.changes().size() > MAX_PATCH_FILES) n.put("moreFiles", c.changes().size() - MAX_PATCH_FILES);
            c.findings().forEach(n.putArray("findings")::add);
        }
        var skipped = root.putArray("skipped");
        report.skipped().stream().limit(MAX_SKIPPED).forEach(k -> skipped.addObject().put("path", k.path()).put("reason", k.reason()));
        if (report.skipped().size() > MAX_SKIPPED) root.put("moreSkipped", report.skipped().size() - MAX_SKIPPED);
        root.putPOJO("stats", sorted(report.stats()));
        return root;
    }

    private static Map<String, Object> sorted(Map<String, Object> map) {
        return new TreeMap<>(map);
    }
}
