package dev.luna.workers.requirements;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A document rendered in every format, and what the checks found wrong with it (empty when it may be shipped). */
record Outputs(RequirementsDocument doc, String markdown, JsonNode json, Map<String, byte[]> features, List<String> problems) {
    static Outputs render(RequirementsDocument doc, String brief, Links links) {
        var json = RequirementsJson.tree(doc, brief);
        var features = FeatureFiles.render(doc);
        return new Outputs(doc, MarkdownReport.render(doc, brief), json, features, OutputChecks.problems(doc, json, features, links));
    }

    byte[] markdownBytes() {
        return markdown.getBytes(StandardCharsets.UTF_8);
    }

    byte[] jsonBytes() {
        return RequirementsJson.bytes(json);
    }
}
