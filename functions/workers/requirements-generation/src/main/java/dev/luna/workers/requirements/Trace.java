package dev.luna.workers.requirements;

import java.util.ArrayList;
import java.util.List;

/**
 * The traceability matrix: every requirement (feature, story, acceptance criterion, non-functional requirement) and
 * every open question, with the links that evidence it, in document order.
 */
record Trace(String id, String kind, String title, List<Link> links) {
    static List<Trace> rows(RequirementsDocument doc) {
        var out = new ArrayList<Trace>();
        for (var f : doc.features()) {
            out.add(new Trace(f.id(), "feature", f.title(), f.links()));
            for (var s : f.stories()) {
                out.add(new Trace(s.id(), "story", s.title(), s.links()));
                for (var sc : s.scenarios()) out.add(new Trace(sc.id(), "acceptance-criterion", sc.name(), sc.links()));
            }
        }
        for (var n : doc.nfrs()) out.add(new Trace(n.id(), "non-functional", n.statement(), n.links()));
        for (var q : doc.questions()) out.add(new Trace(q.id(), "open-question", q.question(), q.links()));
        return out;
    }
}
