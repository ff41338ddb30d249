package dev.luna.workers.aiintegration;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import dev.luna.workers.aiintegration.find.Kinds;
import dev.luna.workers.aiintegration.gen.NewFilesPatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The validate step: what this type generated is checked before it is reported. The patch reads back to exactly the
 * rendered files, no template slot is left unfilled, every answer schema is a valid JSON Schema 2020-12 document that
 * accepts its feature's sample answer, every evidence line is inside its file, and the report has its sections.
 */
final class OutputCheck {
    private OutputCheck() {
    }

    /** The problems found (empty when all is well). */
    static List<String> problems(IntegrationReport r, String markdown, java.util.Map<String, Integer> lineCounts) {
        var out = new ArrayList<String>();
        if (!r.patch().isEmpty() && !NewFilesPatch.parse(r.patch()).equals(r.files())) out.add("the patch does not read back to the rendered files");
        for (var e : r.files().entrySet()) {
            String text = e.getValue();
            if (text.contains("<%")) out.add(e.getKey() + " has an unfilled template slot");
            if (e.getKey().endsWith(".schema.json")) {
                try {
                    var schema = PayloadSchema.of(Json.tree(text));
                    String kind = e.getKey().substring(e.getKey().lastIndexOf('/') + 1).replace(".schema.json", "");
                    var violations = schema.validate(Json.tree(Kinds.get().kind(kind).sample()), "sample");
                    if (!violations.isEmpty()) out.add(e.getKey() + " rejects its sample answer: " + violations.get(0).message());
                } catch (RuntimeException x) {
                    out.add(e.getKey() + " is not a valid JSON Schema: " + x.getMessage());
                }
            }
        }
        for (var o : r.opportunities()) {
            for (var s : o.evidence()) {
                Integer lines = lineCounts.get(s.file());
                if (lines == null || s.line() < 1 || s.line() > Math.max(1, lines)) out.add(o.id() + " cites " + s.location() + ", which is not in the analysed files");
            }
        }
        for (String section : List.of("## Opportunity map", "## Designs", "## The patch", "## Cost estimate per month")) {
            if (!markdown.contains(section)) out.add("ai-integration.md lacks " + section);
        }
        return out;
    }
}
