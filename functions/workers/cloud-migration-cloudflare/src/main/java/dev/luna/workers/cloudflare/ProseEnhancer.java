package dev.luna.workers.cloudflare;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.cloudflare.plan.MigrationPlan;
import dev.luna.workers.kit.ModelAccess;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * With a model configured: rewrites the action text of each plan step for this project (from the inventory's
 * findings and the brief; never from raw source), inside the same structure: same steps, order, effort, risks. An
 * answer that does not fit {@link #ANSWER} or does not cover exactly the steps is dropped whole and the deterministic
 * text stands, and the result says so.
 */
final class ProseEnhancer {
    private static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["steps"], "additionalProperties": false,
             "properties": {"steps": {"type": "array", "minItems": 1, "maxItems": 12, "items": {
               "type": "object", "required": ["id", "action"], "additionalProperties": false,
               "properties": {"id": {"type": "string", "pattern": "^[a-z0-9-]{2,40}$"},
                              "action": {"type": "string", "minLength": 40, "maxLength": 900}}}}}}
            """));
    private static final String SYSTEM = "You are a staff engineer planning the move of a backend to Cloudflare Workers (KV, D1, R2, Queues, Cron "
            + "Triggers). For each plan step given, rewrite its action in two to four sentences specific to THIS project, using only the findings "
            + "given (routes, datastores, compatibility problems with file:line). Do not change what the step does, do not invent files or numbers. "
            + "Answer with a JSON object {\"steps\": [{\"id\": string, \"action\": string}]} covering every step id given, and nothing else.";

    MigrationReport enhance(ModelAccess model, String brief, MigrationReport report) {
        if (!model.available()) return report.withPlan(report.plan(), "deterministic", "no model is configured");
        if (report.plan().isEmpty()) return report.withPlan(report.plan(), "deterministic", "there is no plan to word");
        var sb = new StringBuilder();
        if (brief != null && !brief.isBlank()) sb.append("Context from the user: ").append(brief.strip()).append("\n\n");
        var inv = report.inventory();
        sb.append("Project: ").append(report.project()).append("\nRoutes: ").append(inv.routes().size()).append(" (")
                .append(inv.routes().stream().filter(r -> r.isPorted()).count()).append(" ported)\nFindings:\n");
        inv.items().stream().filter(i -> !i.category().equals("env")).limit(40)
                .forEach(i -> sb.append("- ").append(i.category()).append(' ').append(i.name()).append(" → ").append(i.verdict()).append(", ")
                        .append(i.target()).append(" (").append(i.location()).append(")\n"));
        inv.tables().stream().limit(20).forEach(t -> sb.append("- table ").append(t.name()).append(" (").append(t.source()).append(")\n"));
        sb.append("\nSteps:\n");
        for (var s : report.plan()) sb.append("- ").append(s.id()).append(": ").append(s.title()).append(". ").append(s.action()).append('\n');
        var answer = model.json(SYSTEM, sb.toString(), ANSWER, 2000);
        if (answer.isEmpty()) return report.withPlan(report.plan(), "deterministic", "a model was asked to word the plan; its answer was not usable, so the deterministic text stands");
        var byId = new HashMap<String, String>();
        answer.get().get("steps").forEach(n -> byId.put(n.get("id").asString(), n.get("action").asString().strip()));
        boolean exact = byId.size() == report.plan().size() && report.plan().stream().allMatch(s -> byId.containsKey(s.id()));
        if (!exact) return report.withPlan(report.plan(), "deterministic", "a model's plan text did not cover exactly the plan's steps, so the deterministic text stands");
        var steps = new ArrayList<MigrationPlan.Step>();
        for (var s : report.plan()) steps.add(s.withAction(byId.get(s.id())));
        return report.withPlan(steps, "model", "the plan's action texts were written by a model from the findings");
    }
}
