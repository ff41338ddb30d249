package dev.luna.workers.openaiapp;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.kit.ModelAccess;
import java.util.HashMap;
import java.util.Map;

/**
 * With a model configured: rewrites the chosen operations' descriptions for a model (when to call it, what it returns,
 * confirmation for changes) inside the same limit of {@value Describer#MAX_DESCRIPTION} characters. An answer that
 * does not fit {@link #ANSWER} or does not cover exactly the chosen operations is dropped whole; the deterministic text stands.
 */
final class DescriptionEnhancer {
    private static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["operations"], "additionalProperties": false,
             "properties": {"operations": {"type": "array", "minItems": 1, "maxItems": 30, "items": {
               "type": "object", "required": ["operationId", "description"], "additionalProperties": false,
               "properties": {"operationId": {"type": "string", "maxLength": 64},
                              "description": {"type": "string", "minLength": 30, "maxLength": 300}}}}}}
            """));
    private static final String SYSTEM = "You write GPT Action descriptions. For each API operation given, write one description of at most "
            + "300 characters for a language model: what it does, when to call it, what it returns; operations that change data must end with "
            + "'Confirm with the user first.' Use only the facts given. Answer with a JSON object {\"operations\": [{\"operationId\": string, "
            + "\"description\": string}]} covering every operationId given, and nothing else.";

    /** @param prose the descriptions by operationId, or null with {@code note} saying why */
    record Outcome(Map<String, String> prose, String note) {
    }

    Outcome enhance(ModelAccess model, String brief, GeneratedApp app) {
        if (!model.available()) return new Outcome(null, null);
        var describer = new Describer(app.api(), null);
        var sb = new StringBuilder();
        if (brief != null && !brief.isBlank()) sb.append("Context from the user: ").append(brief.strip()).append("\n\n");
        sb.append("API: ").append(app.api().title()).append("\n\nOperations:\n");
        for (var op : app.choice().chosen()) {
            sb.append("- ").append(op.operationId()).append(": ").append(op.method()).append(' ').append(op.path())
                    .append(op.changesData() ? " (changes data)" : " (read-only)").append(". Current: ").append(describer.description(op)).append('\n');
        }
        var answer = model.json(SYSTEM, sb.toString(), ANSWER, 4000);
        if (answer.isEmpty()) return new Outcome(null, "A model was asked for the descriptions; its answer was not usable, so the deterministic text stands.");
        var byId = new HashMap<String, String>();
        answer.get().get("operations").forEach(n -> byId.put(n.get("operationId").asString(), n.get("description").asString().strip()));
        boolean exact = byId.size() == app.choice().chosen().size() && app.choice().chosen().stream().allMatch(op -> byId.containsKey(op.operationId()));
        if (!exact) return new Outcome(null, "A model's descriptions did not cover exactly the chosen operations; the deterministic text stands.");
        return new Outcome(byId, "The operations' descriptions were written by a model from the API's facts (each ≤ 300 characters); the rest is deterministic.");
    }
}
