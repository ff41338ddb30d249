package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a method does with its inputs, in terms of {@link Origin.Input} placeholders: what it returns, what it leaves
 * in its receiver's fields and in its arguments' objects, and which of its inputs reach a sink inside it (with the
 * trace from the input to that sink). Real sources met inside the method are reported when the method itself is
 * analysed; those it returns or stores travel in {@link #ret} and the field effects like any other taint.
 */
final class Summary {
    /** A call chain too deep to follow: every input is assumed to flow to the result. */
    static final Summary OPAQUE = new Summary();
    /**
     * A recursive call to a method whose summary is being computed: nothing flows through it (the optimistic start of
     * a fixpoint; the method's non-recursive paths decide its summary).
     */
    static final Summary RECURSIVE = new Summary();

    Val ret;
    final Map<String, Val> thisFields = new HashMap<>();
    final Map<Integer, Taints> argEffects = new HashMap<>();
    final List<SinkHit> hits = new ArrayList<>();
    boolean opaque;

    /** An input of the method (its taint carries the Input origin and the trace from the input) reaches a sink. */
    record SinkHit(Taint taint, String kind, int kindBit, SourceFile file, Node sink, String label) {
    }

    void returns(Val v) {
        ret = ret == null ? v : Val.join(ret, v);
    }

    void argEffect(int param, Taints t) {
        if (!t.isEmpty()) argEffects.merge(param, t, Taints::union);
    }

    void hit(SinkHit h) {
        if (hits.size() >= 64) return;
        for (SinkHit o : hits) {
            if (o.sink == h.sink && o.kind.equals(h.kind) && o.taint.sameKey(h.taint)) return;
        }
        hits.add(h);
    }

    static {
        OPAQUE.opaque = true;
    }
}
