package dev.luna.workers.requirements;

import java.util.LinkedHashMap;
import java.util.Map;

/** The counts a result, requirements.json and requirements.md share. */
final class Summary {
    private Summary() {
    }

    static Map<String, Integer> counts(RequirementsDocument doc) {
        var m = new LinkedHashMap<String, Integer>();
        m.put("features", doc.features().size());
        m.put("stories", doc.stories());
        m.put("acceptanceCriteria", doc.scenarios());
        m.put("nonFunctional", doc.nfrs().size());
        m.put("openQuestions", doc.questions().size());
        m.put("links", Trace.rows(doc).stream().mapToInt(t -> t.links().size()).sum());
        return m;
    }
}
