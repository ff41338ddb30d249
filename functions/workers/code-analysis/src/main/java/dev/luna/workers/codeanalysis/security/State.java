package dev.luna.workers.codeanalysis.security;

import java.util.HashMap;
import java.util.Map;

/**
 * The analysis state at one point of a method: local variables (and {@code this.field} entries) and the tracked heap.
 * Mutable; a branch works on a {@link #copy} and the branches' states are {@link #join}ed. A dead state is one no
 * path reaches (after return, throw, break, continue).
 */
final class State {
    final HashMap<String, Val> vars;
    final HashMap<Integer, HeapObj> heap;
    boolean dead;

    State() {
        this(new HashMap<>(), new HashMap<>(), false);
    }

    private State(HashMap<String, Val> vars, HashMap<Integer, HeapObj> heap, boolean dead) {
        this.vars = vars;
        this.heap = heap;
        this.dead = dead;
    }

    static State deadState() {
        return new State(new HashMap<>(), new HashMap<>(), true);
    }

    State copy() {
        return new State(new HashMap<>(vars), new HashMap<>(heap), dead);
    }

    /** Joins {@code o} into this state (a dead side contributes nothing) and returns this. */
    State joinWith(State o) {
        if (o == null || o.dead) return this;
        if (dead) {
            vars.clear();
            vars.putAll(o.vars);
            heap.clear();
            heap.putAll(o.heap);
            dead = false;
            return this;
        }
        for (Map.Entry<String, Val> e : o.vars.entrySet()) vars.merge(e.getKey(), e.getValue(), Val::join);
        for (var e : o.heap.entrySet()) heap.merge(e.getKey(), e.getValue(), HeapObj::join);
        return this;
    }

    /** Makes this state a copy of {@code o}. */
    void assign(State o) {
        vars.clear();
        vars.putAll(o.vars);
        heap.clear();
        heap.putAll(o.heap);
        dead = o.dead;
    }

    static State join(State a, State b) {
        return a.copy().joinWith(b);
    }

    boolean same(State o) {
        if (dead != o.dead || vars.size() != o.vars.size() || heap.size() != o.heap.size()) return false;
        for (var e : vars.entrySet()) {
            Val v = o.vars.get(e.getKey());
            if (v == null || !v.same(e.getValue())) return false;
        }
        for (var e : heap.entrySet()) {
            HeapObj h = o.heap.get(e.getKey());
            if (h == null || !h.same(e.getValue())) return false;
        }
        return true;
    }

    /** Everything a value can carry: its own taints and, through the heap, its elements', keys' and fields' (bounded depth). */
    Taints deep(Val v) {
        return deep(v, 3);
    }

    private Taints deep(Val v, int depth) {
        if (v == null) return Taints.EMPTY;
        Taints t = v.taints;
        if (v.obj >= 0 && depth > 0) {
            HeapObj h = heap.get(v.obj);
            if (h != null) {
                t = t.union(h.whole());
                if (h.elems() != null) for (Val e : h.elems()) t = t.union(deep(e, depth - 1));
                if (h.keyed() != null) for (Val e : h.keyed().values()) t = t.union(deep(e, depth - 1));
                for (Val e : h.fields().values()) t = t.union(deep(e, depth - 1));
            }
        }
        return t;
    }
}
