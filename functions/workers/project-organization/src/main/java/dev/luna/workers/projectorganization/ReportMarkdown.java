package dev.luna.workers.projectorganization;

import java.util.List;

/** {@code report.md}: the summary, the findings by check (most serious first), the proposed structure, the patch and the skips. */
public final class ReportMarkdown {
    private static final int MAX_FILES_SHOWN = 10;
    private static final int MAX_SKIPS_SHOWN = 100;

    private ReportMarkdown() {
    }

    public static String render(OrganizationReport report) {
        var sb = new StringBuilder("# Project clean-up report\n\n");
        var s = report.summary();
        if (s.revision() != null) sb.append("- Revision: `").append(s.revision()).append("`\n");
        sb.append("- Files: ").append(s.files()).append('\n');
        sb.append("- Stacks: ").append(s.stacks().isEmpty() ? "none detected" : String.join(", ", s.stacks())).append('\n');
        sb.append("- Checks: ").append(String.join(", ", s.checks().stream().map(Check::wire).toList())).append('\n');
        sb.append("- Findings: ").append(report.findings().size()).append(" (");
        var parts = new StringBuilder();
        for (var sev : Severity.values()) {
            if (!parts.isEmpty()) parts.append(", ");
            parts.append(s.bySeverity().getOrDefault(sev.wire(), 0)).append(' ').append(sev.wire());
        }
        sb.append(parts).append("); ").append(s.inPatch()).append(" resolved by `cleanup.patch`\n");
        if (!report.complete()) sb.append("- **Incomplete:** a limit cut the analysis short; see *Skipped* below.\n");
        for (var check : s.checks()) {
            var list = report.findings().stream().filter(f -> f.check() == check).toList();
            sb.append("\n## ").append(title(check)).append(" (").append(list.size()).append(")\n\n");
            if (list.isEmpty()) sb.append("Nothing found.\n");
            for (var f : list) finding(sb, f);
        }
        var st = report.structure();
        if (st.messy()) {
            sb.append("\n## Proposed structure\n\nThe layout looks messy:\n\n");
            st.reasons().forEach(r -> sb.append("- ").append(r).append('\n'));
            sb.append("\nProposed moves (not in the patch: moving files breaks imports and build paths, so review and move them by hand):\n\n");
            sb.append("| From | To | Why |\n|---|---|---|\n");
            st.moves().forEach(m -> sb.append("| `").append(code(m.from())).append("` | `").append(code(m.to())).append("` | ")
                    .append(m.why().replace("|", "\\|")).append(" |\n"));
            sb.append("\nTarget top level:\n\n```\n").append(st.target()).append("```\n");
        }
        sb.append("\n## cleanup.patch\n\n");
        var commits = report.patch().commits();
        if (commits.isEmpty()) sb.append("No patch: nothing to change automatically.\n");
        else {
            sb.append("Apply with `git am cleanup.patch` (check first with `git apply --check cleanup.patch`). Commits:\n\n");
            for (int i = 0; i < commits.size(); i++) {
                var c = commits.get(i);
                sb.append(i + 1).append(". ").append(c.subject()).append(" (").append(c.changes().size())
                        .append(c.changes().size() == 1 ? " file" : " files").append(")\n");
            }
        }
        if (!report.skipped().isEmpty()) {
            sb.append("\n## Skipped\n\n");
            report.skipped().stream().limit(MAX_SKIPS_SHOWN).forEach(k -> sb.append("- `").append(code(k.path())).append("`: ").append(k.reason()).append('\n'));
            if (report.skipped().size() > MAX_SKIPS_SHOWN) sb.append("- … and ").append(report.skipped().size() - MAX_SKIPS_SHOWN).append(" more\n");
        }
        return sb.toString();
    }

    private static void finding(StringBuilder sb, Finding f) {
        sb.append("- **").append(f.severity().wire()).append("** `").append(f.kind()).append("` ").append('`').append(code(f.subject())).append('`')
                .append(" (confidence ").append(f.confidence().wire()).append(f.inPatch() ? ", in the patch" : "").append(")\n");
        sb.append("  - Evidence: ").append(indent(f.evidence())).append('\n');
        sb.append("  - Proposal (").append(f.action()).append("): ").append(indent(f.proposal())).append('\n');
        List<String> files = f.files();
        if (files.size() > 1 || f.moreFiles() > 0) {
            sb.append("  - Files: ");
            sb.append(String.join(", ", files.stream().limit(MAX_FILES_SHOWN).map(p -> "`" + code(p) + "`").toList()));
            int more = files.size() - Math.min(files.size(), MAX_FILES_SHOWN) + f.moreFiles();
            if (more > 0) sb.append(" and ").append(more).append(" more");
            sb.append('\n');
        }
    }

    private static String title(Check c) {
        return switch (c) {
            case UNUSED_FILES -> "Unused files";
            case DEPENDENCIES -> "Dependencies";
            case GIT -> "Git";
            case STANDARDS -> "Standards";
        };
    }

    private static String code(String s) {
        return s.replace('`', '\'');
    }

    private static String indent(String s) {
        return s == null ? "" : s.replace("\n", "\n    ");
    }
}
