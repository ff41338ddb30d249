package dev.luna.workers.codeanalysis;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.kit.Retrieval;
import dev.luna.workers.kit.TaskRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * With a model configured: explains the most severe findings and proposes a fix for each, grounded in the code around
 * the finding and the passages of the project most related to it (retrieval over the task's source). Each answer must
 * fit {@link #ANSWER}; one that does not is dropped and the finding keeps its deterministic message.
 */
final class Enhancer {
    static final int MAX_EXPLAINED = 5;
    private static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["explanation", "fix", "confidence"], "additionalProperties": false,
             "properties": {
               "explanation": {"type": "string", "minLength": 20, "maxLength": 2000},
               "fix": {"type": "string", "minLength": 1, "maxLength": 4000},
               "confidence": {"enum": ["high", "medium", "low"]}}}
            """));
    private static final String SYSTEM = "You are a senior application security and code quality engineer. Explain one static-analysis "
            + "finding to the developer who owns the code, using only the code shown; say plainly if it looks like a false positive. "
            + "Propose the smallest correct fix as a short code change. Answer with a JSON object "
            + "{\"explanation\": string, \"fix\": string, \"confidence\": \"high\"|\"medium\"|\"low\"} and nothing else.";

    /** A model's explanation of one finding. */
    record Explanation(String fingerprint, String ruleId, String file, int line, String explanation, String fix, String confidence) {
    }

    List<Explanation> explain(TaskRun run, List<Finding> findings, BooleanSupplier stop) {
        var model = run.model();
        var out = new ArrayList<Explanation>();
        if (!model.available()) return out;
        var retrieval = run.retrieval();
        for (var f : findings.stream().filter(f -> f.commit() == null).limit(MAX_EXPLAINED).toList()) {
            if (stop.getAsBoolean()) break;
            var answer = model.json(SYSTEM, prompt(f, retrieval, run.brief()), ANSWER, 800);
            answer.ifPresent(a -> out.add(new Explanation(f.fingerprint(), f.ruleId(), f.file(), f.region().startLine(),
                    a.get("explanation").asString(), a.get("fix").asString(), a.get("confidence").asString())));
        }
        return out;
    }

    private static String prompt(Finding f, Retrieval retrieval, String brief) {
        var sb = new StringBuilder();
        if (brief != null) sb.append("Project context from the user: ").append(brief).append("\n\n");
        sb.append("Finding: ").append(f.ruleId()).append(" (").append(f.severity().wire()).append(f.cwe().isEmpty() ? "" : ", CWE-" + f.cwe().get(0))
                .append(")\n").append(f.message()).append("\nAt ").append(f.file()).append(':').append(f.region().startLine()).append("\n");
        if (!f.trace().isEmpty()) {
            sb.append("\nData flow:\n");
            for (var step : f.trace()) {
                sb.append("- ").append(step.kind()).append(" at ").append(step.file()).append(':').append(step.region().startLine())
                        .append(": ").append(step.note()).append(" — `").append(step.snippet()).append("`\n");
            }
        }
        var around = retrieval.around(f.file(), f.region().startLine(), f.region().endLine(), 12);
        sb.append("\nCode (").append(around.path()).append(" lines ").append(around.startLine()).append('-').append(around.endLine())
                .append("):\n```\n").append(around.text()).append("\n```\n");
        for (var p : retrieval.search(f.message() + " " + (f.snippet() == null ? "" : f.snippet()), 3)) {
            if (p.path().equals(f.file()) && p.startLine() <= f.region().startLine() && p.endLine() >= f.region().startLine()) continue;
            sb.append("\nRelated code (").append(p.path()).append(" lines ").append(p.startLine()).append('-').append(p.endLine())
                    .append("):\n```\n").append(p.text().length() > 2000 ? p.text().substring(0, 2000) : p.text()).append("\n```\n");
        }
        return sb.toString();
    }
}
