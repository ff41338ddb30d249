package dev.luna.codebase.architecture;

import dev.luna.codebase.java.JavaModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Coupling metrics per component and size and fan-in/fan-out per top-level Java type. */
final class Measures {
    private Measures() {
    }

    static List<Metrics> components(List<Component> components, List<ComponentEdge> edges) {
        var in = new HashMap<String, Integer>();
        var out = new HashMap<String, Integer>();
        for (var e : edges) {
            out.merge(e.from(), 1, Integer::sum);
            in.merge(e.to(), 1, Integer::sum);
        }
        var list = new ArrayList<Metrics>();
        for (var c : components) {
            int ca = in.getOrDefault(c.id(), 0);
            int ce = out.getOrDefault(c.id(), 0);
            double instability = ca + ce == 0 ? 0 : round((double) ce / (ca + ce));
            double abstractness = c.types() == 0 ? 0 : round((double) c.abstractTypes() / c.types());
            list.add(new Metrics(c.id(), ca, ce, instability, abstractness, round(Math.abs(abstractness + instability - 1)), c.files().size(),
                    c.lines(), c.types()));
        }
        return list;
    }

    static List<TypeMetrics> types(JavaModel java, Map<String, String> componentOfFile) {
        var outer = new HashMap<String, String>();
        for (var t : java.types()) {
            String top = t.name().contains(".") ? t.packageName().isEmpty() ? t.name().substring(0, t.name().indexOf('.'))
                    : t.packageName() + "." + t.name().substring(0, t.name().indexOf('.')) : t.fqn();
            outer.put(t.fqn(), top);
        }
        var fanIn = new HashMap<String, Set<String>>();
        var fanOut = new HashMap<String, Set<String>>();
        for (var e : java.typeEdges()) {
            String from = outer.get(e.from());
            String to = outer.get(e.to());
            if (from == null || to == null || from.equals(to)) continue;
            fanOut.computeIfAbsent(from, k -> new HashSet<>()).add(to);
            fanIn.computeIfAbsent(to, k -> new HashSet<>()).add(from);
        }
        var methods = new HashMap<String, Integer>();
        for (var t : java.types()) methods.merge(outer.get(t.fqn()), t.methods().size(), Integer::sum);
        var out = new TreeMap<String, TypeMetrics>();
        for (var t : java.types()) {
            if (t.name().contains(".")) continue;
            String component = componentOfFile.get(t.file());
            if (component == null) continue;
            out.putIfAbsent(t.fqn(), new TypeMetrics(t.fqn(), component, t.file(), t.startLine(), t.endLine() - t.startLine() + 1,
                    methods.getOrDefault(t.fqn(), 0), fanIn.getOrDefault(t.fqn(), Set.of()).size(), fanOut.getOrDefault(t.fqn(), Set.of()).size()));
        }
        return List.copyOf(out.values());
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
