package dev.luna.workers.requirements;

import dev.luna.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code requirements.json}: the whole document as JSON (schema: {@code requirements.schema.json}), fields in a fixed order. */
final class RequirementsJson {
    static final int SCHEMA_VERSION = 1;

    private RequirementsJson() {
    }

    static JsonNode tree(RequirementsDocument doc, String brief) {
        var m = new LinkedHashMap<String, Object>();
        m.put("schemaVersion", SCHEMA_VERSION);
        m.put("generator", "luna requirements-generation");
        m.put("audience", doc.audience());
        if (brief != null && !brief.isBlank()) m.put("brief", Words.line(brief, 4000));
        m.put("complete", doc.complete());
        m.put("summary", summary(doc));
        var features = new ArrayList<Object>();
        for (var f : doc.features()) {
            var fm = new LinkedHashMap<String, Object>();
            fm.put("id", f.id());
            fm.put("slug", f.slug());
            fm.put("title", f.title());
            fm.put("description", f.description());
            fm.put("file", FeatureFiles.path(f));
            var stories = new ArrayList<Object>();
            for (var s : f.stories()) {
                var sm = new LinkedHashMap<String, Object>();
                sm.put("id", s.id());
                sm.put("source", s.source());
                sm.put("title", s.title());
                sm.put("role", s.role());
                sm.put("want", s.want());
                sm.put("soThat", s.soThat());
                sm.put("text", s.sentence());
                var criteria = new ArrayList<Object>();
                for (var sc : s.scenarios()) {
                    var c = new LinkedHashMap<String, Object>();
                    c.put("id", sc.id());
                    c.put("name", sc.name());
                    var steps = new ArrayList<Object>();
                    for (var st : sc.steps()) steps.add(ordered("keyword", st.keyword(), "text", st.text()));
                    c.put("steps", steps);
                    c.put("evidence", links(sc.links()));
                    criteria.add(c);
                }
                sm.put("acceptanceCriteria", criteria);
                sm.put("evidence", links(s.links()));
                stories.add(sm);
            }
            fm.put("stories", stories);
            fm.put("evidence", links(f.links()));
            features.add(fm);
        }
        m.put("features", features);
        var nfrs = new ArrayList<Object>();
        for (var n : doc.nfrs()) nfrs.add(ordered("id", n.id(), "category", n.category(), "statement", n.statement(), "evidence", links(n.links())));
        m.put("nonFunctional", nfrs);
        var questions = new ArrayList<Object>();
        for (var q : doc.questions()) questions.add(ordered("id", q.id(), "kind", q.kind(), "question", q.question(), "evidence", links(q.links())));
        m.put("openQuestions", questions);
        var trace = new ArrayList<Object>();
        for (var t : Trace.rows(doc)) trace.add(ordered("requirement", t.id(), "kind", t.kind(), "title", t.title(), "evidence", links(t.links())));
        m.put("traceability", trace);
        return Json.mapper().valueToTree(m);
    }

    static Map<String, Object> summary(RequirementsDocument doc) {
        var s = new LinkedHashMap<String, Object>();
        s.put("files", doc.files());
        s.putAll(Summary.counts(doc));
        s.put("evidence", doc.evidence());
        s.put("omitted", doc.omitted());
        return s;
    }

    static byte[] bytes(JsonNode tree) {
        String text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree).replace("\r\n", "\n");
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> links(List<Link> links) {
        var out = new ArrayList<Object>();
        for (var l : links) out.add(ordered("file", l.file(), "startLine", l.startLine(), "endLine", l.endLine()));
        return out;
    }

    private static Map<String, Object> ordered(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
