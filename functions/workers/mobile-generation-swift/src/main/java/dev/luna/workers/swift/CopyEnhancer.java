package dev.luna.workers.swift;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.kit.ModelAccess;
import dev.luna.workers.swift.plan.AppPlan;
import dev.luna.workers.swift.plan.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * With a model configured: better empty-state titles and messages per resource, inside the same screens. An answer
 * that does not fit {@link #ANSWER} or does not cover exactly the resources asked about is dropped whole, and the
 * deterministic copy stands.
 */
final class CopyEnhancer {
    private static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["resources"], "additionalProperties": false,
             "properties": {"resources": {"type": "array", "maxItems": 40, "items": {"type": "object", "required": ["name", "emptyTitle", "emptyMessage"],
               "additionalProperties": false, "properties": {"name": {"type": "string"},
                 "emptyTitle": {"type": "string", "minLength": 3, "maxLength": 40, "pattern": "^[^\\\\\\\\\\"{}<>]+$"},
                 "emptyMessage": {"type": "string", "minLength": 10, "maxLength": 120, "pattern": "^[^\\\\\\\\\\"{}<>]+$"}}}}}}
            """));
    private static final String SYSTEM = "You write short, friendly empty-state copy for the screens of an iPhone app, following Apple's Human "
            + "Interface Guidelines (plain words, sentence case, say what to do next). For each resource give a title (at most 40 characters) and a "
            + "message (at most 120 characters). Answer with a JSON object {\"resources\": [{\"name\", \"emptyTitle\", \"emptyMessage\"}]} covering every "
            + "name given, and nothing else.";

    record Outcome(AppPlan plan, String note) {
    }

    Outcome enhance(ModelAccess model, String brief, AppPlan plan) {
        if (!model.available() || plan.resources().isEmpty()) return new Outcome(plan, null);
        var sb = new StringBuilder();
        if (brief != null && !brief.isBlank()) sb.append("About the product: ").append(brief.strip()).append("\n\n");
        sb.append("App: ").append(plan.appName()).append("\n\nResources:\n");
        for (Resource r : plan.resources()) {
            sb.append("- ").append(r.name()).append(" (screen '").append(r.title()).append("'").append(r.create() != null ? ", users can add one with +" : "")
                    .append("): current title '").append(r.emptyTitle()).append("', message '").append(r.emptyMessage()).append("'\n");
        }
        var answer = model.json(SYSTEM, sb.toString(), ANSWER, 2000);
        if (answer.isEmpty()) return new Outcome(plan, "A model was asked for empty-state copy; its answer was not usable, so the deterministic copy stands.");
        Map<String, String[]> copy = new HashMap<>();
        answer.get().get("resources").forEach(n -> copy.put(n.get("name").asString(), new String[] {n.get("emptyTitle").asString().strip(), n.get("emptyMessage").asString().strip()}));
        boolean complete = copy.size() == plan.resources().size() && plan.resources().stream().allMatch(r -> copy.containsKey(r.name()));
        if (!complete) return new Outcome(plan, "A model's empty-state copy did not cover exactly the resources asked about; the deterministic copy stands.");
        var resources = new ArrayList<Resource>();
        for (Resource r : plan.resources()) resources.add(r.withCopy(copy.get(r.name())[0], copy.get(r.name())[1]));
        return new Outcome(plan.withResources(resources), "Empty-state titles and messages were written by a model; screens, names and code are deterministic.");
    }
}
