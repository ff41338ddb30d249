package dev.luna.workers.codeanalysis.report;

import dev.luna.workers.codeanalysis.findings.Finding;
import java.util.List;

/** A findings table in GitHub-flavoured Markdown, for {@code report.md}: severity, rule, location, message. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    /** The first {@code limit} findings as table rows (in the order given), and a line saying how many were left out. */
    public static String findings(List<Finding> findings, int limit) {
        var sb = new StringBuilder("| Severity | Rule | Location | Message |\n|---|---|---|---|\n");
        findings.stream().limit(limit).forEach(f -> sb.append("| ").append(f.severity().wire()).append(" | `").append(f.ruleId())
                .append("` | `").append(cell(f.file())).append(':').append(f.region().startLine()).append("` | ").append(cell(f.message()))
                .append(" |\n"));
        if (findings.size() > limit) sb.append("\n").append(findings.size() - limit).append(" more not shown.\n");
        return sb.toString();
    }

    /** Escapes what would break a table cell: pipes, backquotes inside code spans, and line breaks. */
    static String cell(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("\r", " ").replace("\n", " ");
    }
}
