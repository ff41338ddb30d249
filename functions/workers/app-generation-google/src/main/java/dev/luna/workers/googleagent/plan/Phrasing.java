package dev.luna.workers.googleagent.plan;

import dev.luna.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The phrasing rules ({@code rules/phrasing.json}): title, description, utterances, success and confirmation per kind. */
public final class Phrasing {
    private static final JsonNode RULES = load();

    private Phrasing() {
    }

    public static String title(String kind, Map<String, String> slots) {
        return fill(RULES.at("/kinds/" + kind + "/title").asString(), slots);
    }

    public static String does(String kind, Map<String, String> slots) {
        return fill(RULES.at("/kinds/" + kind + "/does").asString(), slots);
    }

    public static String success(String kind, Map<String, String> slots) {
        return fill(RULES.at("/kinds/" + kind + "/success").asString(), slots);
    }

    /** The confirmation question, or null for a kind that reads only. */
    public static String confirm(String kind, Map<String, String> slots) {
        var node = RULES.at("/kinds/" + kind + "/confirm");
        return node.isNull() || node.isMissingNode() ? null : fill(node.asString(), slots);
    }

    public static List<String> utterances(String kind, Map<String, String> slots) {
        var out = new ArrayList<String>();
        RULES.at("/kinds/" + kind + "/utterances").forEach(u -> out.add(fill(u.asString(), slots)));
        return out;
    }

    static String fill(String template, Map<String, String> slots) {
        String out = template;
        for (var e : slots.entrySet()) out = out.replace("{" + e.getKey() + "}", e.getValue());
        out = out.replaceAll("\\s+", " ").replace(" ?", "?").replace(" .", ".").strip();
        return Words.capitalise(out);
    }

    private static JsonNode load() {
        try (InputStream in = Phrasing.class.getResourceAsStream("/rules/phrasing.json")) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
