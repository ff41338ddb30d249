package dev.luna.codebase.architecture;

import dev.luna.codebase.java.TypeSymbol;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Which layer a component belongs to, from the rules in {@code layers.tsv}. */
final class LayerRules {
    private record Rule(Layer layer, String how, String pattern) {
    }

    private final List<Rule> rules = new ArrayList<>();

    LayerRules() {
        for (var row : Rules.read("layers.tsv", 2)) {
            int colon = row[1].indexOf(':');
            rules.add(new Rule(Layer.of(row[0]), row[1].substring(0, colon), row[1].substring(colon + 1)));
        }
    }

    /** The layer one Java type shows by its annotations, supertypes or name suffix (rules in file order), or null. */
    Layer ofType(TypeSymbol type) {
        for (var r : rules) {
            if (r.how.equals("annotation") && type.annotation(r.pattern) != null) return r.layer;
            if (r.how.equals("suffix") && type.name().endsWith(r.pattern) && !type.name().equals(r.pattern)) return r.layer;
            if (r.how.equals("supertype")) {
                for (var s : type.supertypes()) {
                    String simple = s.contains("<") ? s.substring(0, s.indexOf('<')) : s;
                    simple = simple.substring(simple.lastIndexOf('.') + 1) + (s.contains("<") ? s.substring(s.indexOf('<')) : "");
                    if (Rules.matches(r.pattern, s) || Rules.matches(r.pattern, simple)) return r.layer;
                }
            }
        }
        return null;
    }

    /** The layer of a component: most of its types' layers, else its last segment that names a layer, else OTHER. */
    Layer ofComponent(String id, List<TypeSymbol> types) {
        var votes = new EnumMap<Layer, Integer>(Layer.class);
        for (var t : types) {
            var l = ofType(t);
            if (l != null) votes.merge(l, 1, Integer::sum);
        }
        Layer best = null;
        for (Map.Entry<Layer, Integer> e : votes.entrySet()) if (best == null || e.getValue() > votes.get(best)) best = e.getKey();
        if (best != null) return best;
        var segments = id.toLowerCase(Locale.ROOT).split("[./]");
        for (int i = segments.length - 1; i >= 0; i--) {
            for (var r : rules) if (r.how.equals("segment") && r.pattern.equals(segments[i])) return r.layer;
        }
        return Layer.OTHER;
    }
}
