package dev.luna.workers.design;

import dev.luna.codebase.architecture.ArchitectureModel;
import dev.luna.codebase.architecture.TypeMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The top refactoring candidates: dependency cycles (with the edges that close them), dependencies against the layering,
 * and god classes (large, many methods, or using very many types while not small; being used by many is a stable
 * abstraction, not a god class, and only adds to the score). A type is a candidate when it passes one of the thresholds.
 */
final class Refactorings {
    static final int GOD_LINES = 500;
    static final int GOD_METHODS = 30;
    static final int GOD_FAN_OUT = 20;
    static final int GOD_FAN_IN = 30;
    static final int TOP = 10;

    private Refactorings() {
    }

    static List<Refactoring> top(ArchitectureModel model) {
        var out = new ArrayList<Refactoring>();
        for (var c : model.cycles()) {
            var evidence = new ArrayList<String>();
            var cut = new ArrayList<String>();
            for (var e : c.closing()) {
                cut.add(e.from() + " → " + e.to());
                if (!e.evidence().isEmpty()) evidence.add(e.evidence().getFirst() + " — " + e.from() + " → " + e.to() + " (" + e.weight() + " references)");
            }
            out.add(new Refactoring("cycle", String.join(" ↔ ", c.components()), 3 + c.components().size() + c.closing().size(),
                    c.components().size() + " components depend on each other in a cycle", evidence,
                    "Break the cycle at " + String.join(", ", cut) + ": move the types used across into the lower component, or invert the "
                            + "dependency through an interface the lower component owns"));
        }
        for (var v : model.violations()) {
            var evidence = v.evidence().stream().map(l -> l + " — " + v.from() + " (" + v.fromLayer().wire() + ") uses " + v.to() + " ("
                    + v.toLayer().wire() + ")").toList();
            out.add(new Refactoring("layer-violation", v.from() + " → " + v.to(), 2 + Math.min(3, v.weight() / 3.0),
                    "the " + v.fromLayer().wire() + " layer depends on the " + v.toLayer().wire() + " layer above it (" + v.weight() + " references)",
                    evidence, "Move what " + v.from() + " needs from " + v.to() + " down into the " + v.fromLayer().wire()
                            + " layer, or pass it in through an interface or an event"));
        }
        for (var t : model.types()) {
            double score = (double) t.lines() / GOD_LINES + (double) t.methods() / GOD_METHODS + (double) t.fanOut() / GOD_FAN_OUT
                    + (double) t.fanIn() / GOD_FAN_IN;
            if (!god(t)) continue;
            out.add(new Refactoring("god-class", t.type(), score, t.lines() + " lines, " + t.methods() + " methods, used by " + t.fanIn()
                    + " types, uses " + t.fanOut() + " types", List.of(t.file() + ":" + t.line() + " — declaration"),
                    "Split it by responsibility: group its methods by the fields and collaborators they use and extract each group"));
        }
        out.sort(Comparator.comparingDouble((Refactoring r) -> -r.score()).thenComparing(Refactoring::kind).thenComparing(Refactoring::subject));
        return out.size() > TOP ? List.copyOf(out.subList(0, TOP)) : List.copyOf(out);
    }

    static boolean god(TypeMetrics t) {
        return t.lines() >= GOD_LINES || t.methods() >= GOD_METHODS || t.fanOut() >= GOD_FAN_OUT && t.lines() >= GOD_LINES / 3;
    }
}
