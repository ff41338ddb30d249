package dev.luna.workers.design;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.kit.TaskRun;
import java.util.ArrayList;
import java.util.List;

/**
 * With a model configured: one call that writes an overview of the recovered architecture and, when there is a brief,
 * the proposed decision's context and consequences, grounded in the generated summary, the refactoring candidates and
 * the passages of the project most related to the brief. An answer that does not fit {@link #ANSWER} is dropped and
 * the deterministic text stands.
 */
final class Enhancer {
    static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["overview"], "additionalProperties": false,
             "properties": {
               "overview": {"type": "string", "minLength": 40, "maxLength": 3000},
               "briefContext": {"type": "string", "minLength": 40, "maxLength": 3000},
               "briefGood": {"type": "array", "maxItems": 6, "items": {"type": "string", "minLength": 5, "maxLength": 400}},
               "briefBad": {"type": "array", "maxItems": 6, "items": {"type": "string", "minLength": 5, "maxLength": 400}}}}
            """));
    private static final String SYSTEM = "You are a software architect. From the facts recovered from a codebase, write a short overview of its "
            + "architecture (what the parts are, how requests flow, what it depends on, the main risks) in plain prose, and, when the user "
            + "gives a goal, the context of the decision to reach it and its consequences (good and bad, as short clauses that follow "
            + "'Good, because' and 'Bad, because'). Use only the facts given; do not invent components. Answer with a JSON object "
            + "{\"overview\": string, \"briefContext\": string, \"briefGood\": [string], \"briefBad\": [string]} and nothing else.";

    Design.Enhancement enhance(TaskRun run, Generated generated) {
        if (!run.model().available()) return null;
        var answer = run.model().json(SYSTEM, prompt(run, generated), ANSWER, 1500);
        if (answer.isEmpty()) return null;
        var a = answer.get();
        return new Design.Enhancement(a.get("overview").asString(), a.has("briefContext") && run.brief() != null ? a.get("briefContext").asString() : null,
                strings(a.get("briefGood")), strings(a.get("briefBad")));
    }

    private static String prompt(TaskRun run, Generated generated) {
        var sb = new StringBuilder();
        if (run.brief() != null) sb.append("Goal from the user: ").append(BriefDecision.clean(run.brief())).append("\n\n");
        sb.append("Summary: ").append(Json.mapper().writeValueAsString(generated.summary())).append("\n\nDecisions recovered from the code:\n");
        for (var d : generated.decisions()) sb.append("- ").append(d.title()).append(" (").append(d.status()).append(")\n");
        sb.append("\nRefactoring candidates:\n");
        for (var r : generated.refactorings()) sb.append("- ").append(r.kind()).append(": ").append(r.subject()).append(" — ").append(r.problem()).append('\n');
        String md = new String(generated.files().get("architecture.md"), java.nio.charset.StandardCharsets.UTF_8);
        int metrics = md.indexOf("## Metrics");
        if (metrics > 0) sb.append('\n').append(md, metrics, Math.min(md.length(), metrics + 4000)).append('\n');
        if (run.brief() != null) {
            for (var p : run.retrieval().search(run.brief(), 3)) {
                sb.append("\nCode related to the goal (").append(p.path()).append(" lines ").append(p.startLine()).append('-').append(p.endLine())
                        .append("):\n```\n").append(p.text().length() > 1500 ? p.text().substring(0, 1500) : p.text()).append("\n```\n");
            }
        }
        return sb.toString();
    }

    private static List<String> strings(tools.jackson.databind.JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null && node.isArray()) node.forEach(n -> out.add(n.asString()));
        return out.isEmpty() ? null : out;
    }
}
