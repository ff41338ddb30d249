package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import dev.luna.workers.codeanalysis.findings.Region;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One step of a data-flow trace, linked to the step before it (immutable; chains share their prefixes). */
final class Step {
    static final int MAX_LENGTH = 40;

    final String kind;
    final SourceFile file;
    final Region region;
    final String note;
    final Step prev;
    final int length;

    private Step(String kind, SourceFile file, Region region, String note, Step prev) {
        this.kind = kind;
        this.file = file;
        this.region = region;
        this.note = note;
        this.prev = prev;
        this.length = prev == null ? 1 : prev.length + 1;
    }

    static Step source(SourceFile file, Node node, String note) {
        return new Step("source", file, file.region(node), note, null);
    }

    /** A step after {@code prev}; a chain at its length limit keeps its start and drops this step. */
    static Step after(Step prev, String kind, SourceFile file, Node node, String note) {
        if (prev != null && prev.length >= MAX_LENGTH) return prev;
        return new Step(kind, file, file.region(node), note, prev);
    }

    /** This chain's steps after its first one, re-linked onto {@code root} (a callee's steps after the caller's). */
    Step reroot(Step root) {
        var steps = list();
        Step s = root;
        for (int i = 1; i < steps.size(); i++) {
            Step t = steps.get(i);
            if (s != null && s.length >= MAX_LENGTH) break;
            s = new Step(t.kind, t.file, t.region, t.note, s);
        }
        return s;
    }

    List<Step> list() {
        var out = new ArrayList<Step>(length);
        for (Step s = this; s != null; s = s.prev) out.add(s);
        Collections.reverse(out);
        return out;
    }
}
