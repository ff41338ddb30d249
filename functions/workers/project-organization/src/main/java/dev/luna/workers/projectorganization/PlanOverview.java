package dev.luna.workers.projectorganization;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.kit.TaskRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With a model configured: a short overview of the clean-up plan and its priorities, written from the findings (never
 * from raw source), appended to {@code report.md} and carried in the result. The deterministic report is complete
 * without it; an answer that does not fit {@link #ANSWER} is dropped.
 */
final class PlanOverview {
    static final int FINDINGS_SHOWN = 40;
    private static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["overview", "priorities"], "additionalProperties": false,
             "properties": {
               "overview": {"type": "string", "minLength": 40, "maxLength": 3000},
               "priorities": {"type": "array", "minItems": 1, "maxItems": 7, "items": {"type": "string", "minLength": 5, "maxLength": 400}}}}
            """));
    private static final String SYSTEM = "You are a staff engineer reviewing a repository clean-up plan that static checks produced. Write a "
            + "short overview for the team (what state the repository is in, what the plan changes) and the priorities in order, using "
            + "only the findings given. Answer with a JSON object {\"overview\": string, \"priorities\": [string]} and nothing else.";

    /** The model's overview of the plan. */
    record Overview(String overview, List<String> priorities) {
        String markdown() {
            var sb = new StringBuilder("## Overview (written by a model from the findings above)\n\n").append(overview.strip()).append("\n\n");
            int i = 0;
            for (String p : priorities) sb.append(++i).append(". ").append(p.strip()).append('\n');
            return sb.toString();
        }

        Map<String, Object> json() {
            var m = new LinkedHashMap<String, Object>();
            m.put("overview", overview);
            m.put("priorities", priorities);
            return m;
        }
    }

    /** The overview, or null when no model is configured or its answer was not usable. */
    Overview write(TaskRun run, OrganizationReport report) {
        var model = run.model();
        if (!model.available() || report.findings().isEmpty()) return null;
        var sb = new StringBuilder();
        if (run.brief() != null) sb.append("Context from the user: ").append(run.brief()).append("\n\n");
        var s = report.summary();
        sb.append("Repository: ").append(s.files()).append(" files; stacks ").append(s.stacks()).append("; findings by check ")
                .append(s.byCheck()).append("; ").append(s.inPatch()).append(" changes in the patch.\n\nFindings:\n");
        report.findings().stream().limit(FINDINGS_SHOWN).forEach(f -> sb.append("- [").append(f.severity().wire()).append(", ")
                .append(f.confidence().wire()).append("] ").append(f.kind()).append(" ").append(f.subject()).append(": ")
                .append(f.evidence()).append(" → ").append(f.action()).append('\n'));
        if (report.structure().messy()) sb.append("\nThe layout is messy: ").append(report.structure().reasons()).append('\n');
        return model.json(SYSTEM, sb.toString(), ANSWER, 900).map(a -> {
            var priorities = new ArrayList<String>();
            a.get("priorities").forEach(p -> priorities.add(p.asString()));
            return new Overview(a.get("overview").asString(), priorities);
        }).orElse(null);
    }
}
