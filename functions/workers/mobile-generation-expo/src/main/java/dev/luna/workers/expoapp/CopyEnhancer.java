package dev.luna.workers.expoapp;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.expoapp.render.AppCopy;
import dev.luna.workers.kit.ModelAccess;
import java.util.HashMap;

/**
 * With a model configured: rewrites each resource's empty-state title and message (friendlier copy) inside the same
 * structure. An answer that does not fit {@link #ANSWER} or does not cover exactly the app's resources is dropped; the
 * deterministic copy stands.
 */
final class CopyEnhancer {
    private static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["resources"], "additionalProperties": false,
             "properties": {"resources": {"type": "array", "minItems": 1, "maxItems": 30, "items": {
               "type": "object", "required": ["key", "emptyTitle", "emptyMessage"], "additionalProperties": false,
               "properties": {"key": {"type": "string", "maxLength": 80},
                              "emptyTitle": {"type": "string", "minLength": 3, "maxLength": 60},
                              "emptyMessage": {"type": "string", "minLength": 10, "maxLength": 160}}}}}}
            """));
    private static final String SYSTEM = "You write short, friendly empty-state copy for a mobile app's list screens, following Apple's Human "
            + "Interface Guidelines (plain words, no jargon, say what the user can do). For each resource given, answer an emptyTitle "
            + "(at most 60 characters) and an emptyMessage (at most 160 characters). Use only the facts given. Answer with a JSON object "
            + "{\"resources\": [{\"key\": string, \"emptyTitle\": string, \"emptyMessage\": string}]} covering every key given, and nothing else.";

    /** @param copy the improved copy, or null with {@code note} saying why */
    record Outcome(AppCopy copy, String note) {
    }

    Outcome enhance(ModelAccess model, String brief, ExpoGenerator.Output app) {
        if (!model.available() || app.plan().resources().isEmpty()) return new Outcome(null, null);
        var sb = new StringBuilder();
        if (brief != null && !brief.isBlank()) sb.append("Context from the user: ").append(brief.strip()).append("\n\n");
        sb.append("App: ").append(app.plan().appName()).append("\n\nResources:\n");
        for (var r : app.plan().resources()) {
            sb.append("- key ").append(r.key()).append(": ").append(r.title()).append(" (").append(r.description()).append(")")
                    .append(r.editable() ? ", the user can create them" : ", read-only").append('\n');
        }
        var answer = model.json(SYSTEM, sb.toString(), ANSWER, 2000);
        if (answer.isEmpty()) return new Outcome(null, "A model was asked for the empty-state copy; its answer was not usable, so the deterministic copy stands.");
        var byKey = new HashMap<String, String[]>();
        answer.get().get("resources").forEach(n -> byKey.put(n.get("key").asString(),
                new String[] {n.get("emptyTitle").asString(), n.get("emptyMessage").asString()}));
        boolean exact = byKey.size() == app.plan().resources().size() && app.plan().resources().stream().allMatch(r -> byKey.containsKey(r.key()));
        if (!exact) return new Outcome(null, "A model's copy did not cover exactly the app's resources; the deterministic copy stands.");
        return new Outcome(app.copy().withEmptyStates(byKey), "The empty-state copy was written by a model from the resources' names; the rest is deterministic.");
    }
}
