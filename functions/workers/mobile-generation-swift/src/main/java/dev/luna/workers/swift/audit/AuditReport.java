package dev.luna.workers.swift.audit;

import dev.luna.designsystem.HigRule;
import dev.luna.designsystem.HigRules;
import dev.luna.workers.swift.lint.Finding;
import java.util.List;
import java.util.Map;

/** {@code hig-report.md}: counts per rule, then every violation with file:line and the rule's fix. */
final class AuditReport {
    private AuditReport() {
    }

    static String markdown(List<Finding> findings, Map<String, Integer> counts, HigRules rules, int swiftFiles, int colorSets, RedesignPatch.Patch patch) {
        var md = new StringBuilder("# HIG audit\n\n");
        md.append(findings.size()).append(findings.size() == 1 ? " violation" : " violations").append(" in ").append(swiftFiles)
                .append(" Swift files and ").append(colorSets).append(" colour sets, against Apple's Human Interface Guidelines and WCAG 2.x contrast.\n\n");
        if (patch.files() > 0) {
            md.append("`hig.patch` applies ").append(patch.edits()).append(" fixes to the analysed revision (`git apply hig.patch`) and adds the design system under `")
                    .append(RedesignPatch.DIR).append("`: add that folder to your app target. Violations without an automatic fix are marked *manual*.\n\n");
        } else {
            md.append("Nothing to patch.\n\n");
        }
        md.append("| Rule | Violations | What it checks |\n|---|---|---|\n");
        for (HigRule rule : rules.all()) md.append("| `").append(rule.id()).append("` | ").append(counts.get(rule.id())).append(" | ").append(rule.title()).append(" |\n");
        for (HigRule rule : rules.all()) {
            var mine = findings.stream().filter(f -> f.rule().equals(rule.id())).toList();
            if (mine.isEmpty()) continue;
            md.append("\n## ").append(rule.id()).append(": ").append(rule.title()).append("\n\n").append(rule.description()).append("\n\n**Fix:** ")
                    .append(rule.fix()).append("\n\n");
            for (Finding f : mine) {
                md.append("- `").append(f.file()).append(':').append(f.line()).append("`: ").append(f.message().replace("\n", " "))
                        .append(f.edits().isEmpty() ? " *(manual)*" : "").append('\n');
            }
            md.append("\nSee ").append(String.join(", ", rule.references())).append('\n');
        }
        return md.toString();
    }
}
