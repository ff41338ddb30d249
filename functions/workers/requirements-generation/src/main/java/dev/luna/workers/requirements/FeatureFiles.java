package dev.luna.workers.requirements;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code features/<slug>.feature}, one per feature, from {@code templates/feature.mustache}: path → UTF-8 bytes, sorted. */
final class FeatureFiles {
    private FeatureFiles() {
    }

    static String path(Feature f) {
        return "features/" + f.slug() + ".feature";
    }

    static Map<String, byte[]> render(RequirementsDocument doc) {
        var out = new TreeMap<String, byte[]>();
        for (var f : doc.features()) out.put(path(f), Templates.render("feature.mustache", view(f)).getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static Map<String, Object> view(Feature f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("file", path(f));
        m.put("id", GherkinText.tag(f.id()));
        m.put("title", GherkinText.line(f.title()));
        m.put("description", GherkinText.description(f.description()));
        var stories = new ArrayList<Map<String, Object>>();
        for (var s : f.stories()) {
            var sm = new LinkedHashMap<String, Object>();
            sm.put("evidence", evidence(s.links()));
            sm.put("id", GherkinText.tag(s.id()));
            sm.put("title", GherkinText.line(s.title()));
            sm.put("article", Story.article(s.role()));
            sm.put("role", GherkinText.line(s.role()));
            sm.put("want", GherkinText.line(s.want()));
            sm.put("soThat", GherkinText.line(s.soThat()));
            var scenarios = new ArrayList<Map<String, Object>>();
            for (var sc : s.scenarios()) {
                var c = new LinkedHashMap<String, Object>();
                c.put("evidence", evidence(sc.links()));
                c.put("id", GherkinText.tag(sc.id()));
                c.put("name", GherkinText.line(sc.name()));
                var steps = new ArrayList<Map<String, Object>>();
                for (var st : sc.steps()) steps.add(Map.of("keyword", st.keyword(), "text", GherkinText.line(st.text())));
                c.put("steps", steps);
                scenarios.add(c);
            }
            sm.put("scenarios", scenarios);
            stories.add(sm);
        }
        m.put("stories", stories);
        return m;
    }

    /** {@code evidence: a/B.java:10-14, a/C.java:3} for a comment line. */
    static String evidence(List<Link> links) {
        var parts = new ArrayList<String>();
        for (var l : links) parts.add(l.file() + ":" + l.startLine() + (l.endLine() > l.startLine() ? "-" + l.endLine() : ""));
        return "evidence: " + String.join(", ", parts).replaceAll("[\\r\\n]", " ");
    }
}
