package dev.luna.workers.requirements;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.kit.ModelAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * With a model configured: better wording for feature titles and descriptions and for the stories' "I want" and
 * "so that" parts, inside the same structure (same ids, roles, acceptance criteria and evidence). The answer must fit
 * {@link #ANSWER}; text is kept to one line and unknown ids are ignored. The caller re-checks the result and keeps the
 * deterministic wording when anything is off.
 */
final class Wording {
    static final int MAX_FEATURES = 30;
    static final int MAX_STORIES = 120;
    static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["features", "stories"], "additionalProperties": false,
             "properties": {
               "features": {"type": "array", "maxItems": 60, "items": {"type": "object", "required": ["id", "title", "description"],
                 "additionalProperties": false, "properties": {"id": {"type": "string", "pattern": "^F[0-9]+$"},
                 "title": {"type": "string", "minLength": 3, "maxLength": 100}, "description": {"type": "string", "minLength": 10, "maxLength": 600}}}},
               "stories": {"type": "array", "maxItems": 200, "items": {"type": "object", "required": ["id", "want", "soThat"],
                 "additionalProperties": false, "properties": {"id": {"type": "string", "pattern": "^F[0-9]+\\\\.S[0-9]+$"},
                 "want": {"type": "string", "minLength": 5, "maxLength": 300}, "soThat": {"type": "string", "minLength": 5, "maxLength": 300}}}}}}
            """));
    static final String SYSTEM = "You are a product analyst. Requirements were derived mechanically from a codebase. Rewrite the feature "
            + "titles and descriptions and each user story's 'want' (starting with 'to …') and 'so that' parts in clear product language for "
            + "the audience given. Keep every id, keep the meaning, never invent behaviour the input does not show. Answer with one JSON object "
            + "{\"features\": [{\"id\", \"title\", \"description\"}], \"stories\": [{\"id\", \"want\", \"soThat\"}]} and nothing else.";

    private Wording() {
    }

    /** The document with the model's wording, or null when no model is configured or its answer was unusable. */
    static RequirementsDocument improve(ModelAccess model, RequirementsDocument doc, String brief) {
        if (!model.available() || doc.features().isEmpty()) return null;
        var prompt = new StringBuilder();
        if (brief != null && !brief.isBlank()) prompt.append("Product brief: ").append(Words.line(brief, 2000)).append("\n\n");
        prompt.append("Audience: ").append(doc.audience()).append("\n\nFeatures and stories:\n");
        int stories = 0;
        for (var f : doc.features().subList(0, Math.min(MAX_FEATURES, doc.features().size()))) {
            prompt.append("- ").append(f.id()).append(" \"").append(f.title()).append("\": ").append(f.description()).append('\n');
            for (var s : f.stories()) {
                if (stories++ >= MAX_STORIES) break;
                prompt.append("  - ").append(s.id()).append(" [").append(s.title()).append("] as ").append(s.role()).append(": want \"")
                        .append(s.want()).append("\" so that \"").append(s.soThat()).append("\"; criteria: ")
                        .append(String.join("; ", s.scenarios().stream().map(Scenario::name).limit(4).toList())).append('\n');
            }
        }
        return model.json(SYSTEM, prompt.toString(), ANSWER, 4000).map(answer -> apply(doc, answer)).orElse(null);
    }

    static RequirementsDocument apply(RequirementsDocument doc, tools.jackson.databind.JsonNode answer) {
        Map<String, String[]> features = new HashMap<>();
        answer.get("features").forEach(f -> features.put(f.get("id").asString(), new String[] {clean(f.get("title").asString(), 100),
                clean(f.get("description").asString(), 600)}));
        Map<String, String[]> stories = new HashMap<>();
        answer.get("stories").forEach(s -> stories.put(s.get("id").asString(), new String[] {want(s.get("want").asString()),
                clean(s.get("soThat").asString(), 300).replaceFirst("(?i)^so that\\s+", "").replaceAll("\\.$", "")}));
        var out = new ArrayList<Feature>();
        for (var f : doc.features()) {
            var newStories = new ArrayList<Story>();
            for (var s : f.stories()) {
                var w = stories.get(s.id());
                newStories.add(w == null || w[0].isEmpty() || w[1].isEmpty() ? s : s.worded(w[0], w[1]));
            }
            var fw = features.get(f.id());
            out.add(fw == null || fw[0].isEmpty() || fw[1].isEmpty() ? f.worded(f.title(), f.description(), newStories) : f.worded(fw[0], fw[1], newStories));
        }
        return doc.withFeatures(out);
    }

    private static String want(String text) {
        return clean(text, 300).replaceFirst("(?i)^i want\\s+", "");
    }

    private static String clean(String text, int max) {
        return Words.line(text, max);
    }
}
