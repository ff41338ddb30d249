package dev.luna.workers.design;

import dev.luna.codebase.architecture.RequestFlow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/** The main request flows: the endpoints whose handling reaches furthest, one per handler, at most {@code max}. */
final class Flows {
    private Flows() {
    }

    static List<RequestFlow> main(List<RequestFlow> flows, int max) {
        var ranked = new ArrayList<>(flows);
        ranked.sort(Comparator.comparingInt((RequestFlow f) -> -f.steps().size()).thenComparing(RequestFlow::path).thenComparing(RequestFlow::method));
        var handlers = new HashSet<String>();
        var out = new ArrayList<RequestFlow>();
        for (var f : ranked) {
            if (out.size() >= max) break;
            if (handlers.add(f.handler())) out.add(f);
        }
        return out;
    }

    static String fileName(int index, RequestFlow f) {
        return "diagrams/sequence-" + index + "-" + Names.slug(f.method() + " " + f.path(), 50) + ".mmd";
    }
}
