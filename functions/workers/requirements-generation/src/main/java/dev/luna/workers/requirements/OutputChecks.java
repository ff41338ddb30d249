package dev.luna.workers.requirements;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What is checked before a run succeeds: requirements.json against its JSON Schema (networknt, 2020-12), every
 * {@code .feature} file with the Gherkin parser, and every evidence link against the analysed revision (file present,
 * range inside it). A problem here is a bug in this worker, so the run fails rather than ship a broken document.
 */
final class OutputChecks {
    static final PayloadSchema SCHEMA = PayloadSchema.of(schema());

    private OutputChecks() {
    }

    static List<String> problems(RequirementsDocument doc, JsonNode json, Map<String, byte[]> features, Links links) {
        var out = new ArrayList<String>();
        SCHEMA.validate(json, "requirements.json").forEach(v -> out.add(v.field() + " " + v.message()));
        out.addAll(GherkinCheck.problems(features));
        for (var t : Trace.rows(doc)) {
            if (t.links().isEmpty()) out.add(t.id() + " has no evidence");
            for (var l : t.links()) if (!links.resolves(l)) out.add(t.id() + ": " + l + " does not resolve in the analysed revision");
        }
        return out;
    }

    static JsonNode schema() {
        try (InputStream in = OutputChecks.class.getResourceAsStream("/requirements.schema.json")) {
            if (in == null) throw new IllegalStateException("requirements.schema.json is missing");
            return Json.tree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
