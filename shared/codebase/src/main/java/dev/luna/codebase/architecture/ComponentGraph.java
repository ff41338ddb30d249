package dev.luna.codebase.architecture;

import dev.luna.codebase.ProjectModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Component dependencies from file-level references: resolved imports of every language, and Java type references
 * (which also cover same-package and fully-qualified uses that need no import). A file pair counts once.
 */
final class ComponentGraph {
    static final int MAX_EVIDENCE = 3;

    static List<ComponentEdge> edges(ProjectModel model, Components components) {
        // (from file, to file) → the line that shows it (an import line when there is one)
        var pairs = new TreeMap<String, TreeMap<String, Integer>>();
        for (var e : model.imports()) {
            if (e.target() != null) pairs.computeIfAbsent(e.from(), k -> new TreeMap<>()).merge(e.target(), e.line(), Math::min);
        }
        var typeLines = new HashMap<String, Integer>();
        for (var t : model.java().types()) typeLines.put(t.fqn(), t.startLine());
        for (var e : model.java().typeEdges()) {
            String from = components.typeFiles.get(e.from());
            String to = components.typeFiles.get(e.to());
            if (from == null || to == null || from.equals(to)) continue;
            pairs.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, typeLines.getOrDefault(e.from(), 0));
        }
        var weights = new TreeMap<String, TreeMap<String, Integer>>();
        var evidence = new HashMap<String, TreeSet<Location>>();
        for (var byFrom : pairs.entrySet()) {
            String fromComponent = components.byFile.get(byFrom.getKey());
            if (fromComponent == null) continue;
            for (var to : byFrom.getValue().entrySet()) {
                String toComponent = components.byFile.get(to.getKey());
                if (toComponent == null || toComponent.equals(fromComponent)) continue;
                weights.computeIfAbsent(fromComponent, k -> new TreeMap<>()).merge(toComponent, 1, Integer::sum);
                evidence.computeIfAbsent(fromComponent + "\u0000" + toComponent, k -> new TreeSet<>(Location.ORDER))
                        .add(new Location(byFrom.getKey(), to.getValue()));
            }
        }
        var out = new ArrayList<ComponentEdge>();
        for (var from : weights.entrySet()) {
            for (var to : from.getValue().entrySet()) {
                var places = evidence.get(from.getKey() + "\u0000" + to.getKey()).stream().limit(MAX_EVIDENCE).toList();
                out.add(new ComponentEdge(from.getKey(), to.getKey(), to.getValue(), places));
            }
        }
        return out;
    }

    /** Adjacency by component id, targets sorted. */
    static Map<String, List<String>> adjacency(List<ComponentEdge> edges) {
        var out = new TreeMap<String, List<String>>();
        for (var e : edges) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        return out;
    }
}
