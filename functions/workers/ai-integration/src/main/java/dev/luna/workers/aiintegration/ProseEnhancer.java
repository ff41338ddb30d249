package dev.luna.workers.aiintegration;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.aiintegration.find.Opportunity;
import dev.luna.workers.kit.ModelAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * With a model configured: rewrites each top opportunity's rationale for this project (from the evidence, the brief
 * and the feature's design; never from raw source), inside the same structure. An answer that does not fit
 * {@link #ANSWER}, names an unknown opportunity or leaves one out is dropped whole, and the deterministic text stands.
 */
final class ProseEnhancer {
    static final int SHOWN = 10;
    private static final PayloadSchema ANSWER = PayloadSchema.of(Json.tree("""
            {"type": "object", "required": ["opportunities"], "additionalProperties": false,
             "properties": {"opportunities": {"type": "array", "minItems": 1, "maxItems": 10, "items": {
               "type": "object", "required": ["id", "rationale"], "additionalProperties": false,
               "properties": {"id": {"type": "string", "pattern": "^AI-[0-9]{2,3}$"},
                              "rationale": {"type": "string", "minLength": 40, "maxLength": 800}}}}}}
            """));
    private static final String SYSTEM = "You are a staff engineer proposing AI features for an existing application. For each opportunity "
            + "given (found by static analysis, with file:line evidence), write two or three sentences on why this feature helps the users of "
            + "THIS application and what to watch out for (privacy, cost, wrong answers). Use only the facts given; do not invent files. "
            + "Answer with a JSON object {\"opportunities\": [{\"id\": \"AI-01\", \"rationale\": string}]} covering every id given, and nothing else.";

    /** The report with rewritten rationales and a note, or the same report with the reason it was not rewritten. */
    IntegrationReport enhance(ModelAccess model, String brief, IntegrationReport report) {
        if (!model.available() || report.opportunities().isEmpty()) return report;
        var shown = report.opportunities().subList(0, Math.min(SHOWN, report.opportunities().size()));
        var sb = new StringBuilder();
        if (brief != null && !brief.isBlank()) sb.append("Context from the user: ").append(brief.strip()).append("\n\n");
        sb.append("Project: ").append(report.summary().get("languages")).append("; frameworks ").append(report.summary().get("frameworks"))
                .append("\n\nOpportunities:\n");
        for (var o : shown) {
            sb.append("- ").append(o.id()).append(" ").append(o.title()).append(" at ").append(o.subject()).append(". Evidence: ");
            o.evidence().stream().limit(3).forEach(s -> sb.append(s.location()).append(" ").append(s.detail()).append("; "));
            sb.append("Current rationale: ").append(o.rationale()).append('\n');
        }
        var answer = model.json(SYSTEM, sb.toString(), ANSWER, 1500);
        if (answer.isEmpty()) return report.withOpportunities(report.opportunities(), "A model was asked to write the rationales; its answer was not usable, so the deterministic text stands.");
        var byId = new HashMap<String, String>();
        answer.get().get("opportunities").forEach(n -> byId.put(n.get("id").asString(), n.get("rationale").asString().strip()));
        boolean complete = shown.stream().allMatch(o -> byId.containsKey(o.id())) && byId.size() == shown.size();
        if (!complete) return report.withOpportunities(report.opportunities(), "A model's rationales did not cover exactly the opportunities asked about; the deterministic text stands.");
        var out = new ArrayList<Opportunity>();
        for (var o : report.opportunities()) out.add(byId.containsKey(o.id()) ? o.withRationale(byId.get(o.id())) : o);
        return report.withOpportunities(List.copyOf(out), "The rationales of the first " + shown.size()
                + " opportunities were written by a model from the evidence above; everything else is deterministic.");
    }
}
