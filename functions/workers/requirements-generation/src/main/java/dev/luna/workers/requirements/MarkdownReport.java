package dev.luna.workers.requirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code requirements.md} from {@code templates/requirements.md.mustache}; text from the code is escaped for Markdown. */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(RequirementsDocument doc, String brief) {
        var m = new LinkedHashMap<String, Object>();
        m.put("files", doc.files());
        m.put("audience", md(doc.audience()));
        m.put("incomplete", !doc.complete());
        m.put("brief", brief == null || brief.isBlank() ? List.of() : List.of(md(Words.line(brief, 4000))));
        var counts = new ArrayList<Map<String, Object>>();
        Summary.counts(doc).forEach((k, v) -> counts.add(Map.of("name", Words.capital(Words.human(k)), "value", v)));
        m.put("counts", counts);
        var ev = new ArrayList<String>();
        doc.evidence().forEach((k, v) -> ev.add(v + " " + k));
        m.put("evidenceLine", ev.isEmpty() ? "none" : md(String.join(", ", ev)));
        var om = new ArrayList<String>();
        doc.omitted().forEach((k, v) -> om.add(v + " " + Words.human(k)));
        m.put("omittedLine", om.isEmpty() ? List.of() : List.of(String.join(", ", om)));
        var features = new ArrayList<Map<String, Object>>();
        for (var f : doc.features()) {
            var fm = new LinkedHashMap<String, Object>();
            fm.put("id", f.id());
            fm.put("title", md(f.title()));
            fm.put("description", md(f.description()));
            fm.put("slug", f.slug());
            var stories = new ArrayList<Map<String, Object>>();
            for (var s : f.stories()) {
                var scenarios = new ArrayList<Map<String, Object>>();
                for (var sc : s.scenarios()) scenarios.add(Map.of("id", sc.id(), "name", md(sc.name()), "evidence", evidence(sc.links())));
                stories.add(Map.of("id", s.id(), "title", md(s.title()), "sentence", md(s.sentence()), "scenarios", scenarios));
            }
            fm.put("stories", stories);
            features.add(fm);
        }
        m.put("features", features);
        var nfrs = new ArrayList<Map<String, Object>>();
        for (var n : doc.nfrs()) nfrs.add(Map.of("id", n.id(), "category", n.category(), "statement", md(n.statement()), "evidence", evidence(n.links())));
        m.put("nfrs", nfrs);
        var questions = new ArrayList<Map<String, Object>>();
        for (var q : doc.questions()) questions.add(Map.of("id", q.id(), "kind", q.kind(), "question", md(q.question()), "evidence", evidence(q.links())));
        m.put("questions", questions);
        var trace = new ArrayList<Map<String, Object>>();
        for (var t : Trace.rows(doc)) trace.add(Map.of("id", t.id(), "kind", t.kind(), "evidence", evidence(t.links())));
        m.put("trace", trace);
        return Templates.render("requirements.md.mustache", m);
    }

    /** Markdown-escaped text on one line: punctuation that would format, link or open HTML gets a backslash. */
    static String md(String text) {
        return Words.line(text, 4000).replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }

    /** {@code `a/B.java:10-14`, `a/C.java:3`}. */
    static String evidence(List<Link> links) {
        var parts = new ArrayList<String>();
        for (var l : links) parts.add("`" + l.file().replace("`", "") + ":" + l.startLine() + (l.endLine() > l.startLine() ? "-" + l.endLine() : "") + "`");
        return String.join(", ", parts);
    }
}
