package dev.luna.workers.design;

import dev.luna.codebase.architecture.ArchitectureModel;
import dev.luna.codebase.architecture.Component;
import dev.luna.codebase.architecture.Layer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The component graph cut down to what a diagram can show (at most {@code maxNodes} nodes): the top components by size and
 * centrality (lines, and the weight of the dependencies in and out, each as a share of the largest), the rest merged
 * into one "other" node per container. Edges between merged components add up; self-edges of "other" are dropped.
 */
final class Collapsed {
    static final String OTHER = "(other)";

    /** The key of the "other" node of one container. */
    static String other(String container) {
        return OTHER + ":" + container;
    }

    record Node(String key, String label, Layer layer, String container, int files, long lines, int members) {
    }

    record Edge(String from, String to, int weight, boolean violation, boolean cycle) {
    }

    /** How many "other" nodes (one per container with a hidden component) keeping the first {@code keep} makes. */
    private static int groups(List<Component> ranked, int keep) {
        var containers = new java.util.HashSet<String>();
        for (int i = keep; i < ranked.size(); i++) containers.add(ranked.get(i).container());
        return containers.size();
    }

    final List<Node> nodes;
    final List<Edge> edges;
    final Map<String, String> nodeOf = new HashMap<>();
    final int hidden;

    Collapsed(ArchitectureModel model, int maxNodes) {
        var degree = new HashMap<String, Integer>();
        for (var e : model.edges()) {
            degree.merge(e.from(), e.weight(), Integer::sum);
            degree.merge(e.to(), e.weight(), Integer::sum);
        }
        long maxLines = Math.max(1, model.components().stream().mapToLong(Component::lines).max().orElse(1));
        int maxDegree = Math.max(1, degree.values().stream().mapToInt(i -> i).max().orElse(1));
        var ranked = new ArrayList<>(model.components());
        ranked.sort(Comparator.comparingDouble((Component c) -> -((double) c.lines() / maxLines + (double) degree.getOrDefault(c.id(), 0) / maxDegree))
                .thenComparing(Component::id));
        int keep = ranked.size() <= maxNodes ? ranked.size() : maxNodes - 1;
        while (keep > 1 && keep < ranked.size() && keep + groups(ranked, keep) > maxNodes) keep--;
        var kept = new TreeMap<String, Node>();
        var others = new TreeMap<String, long[]>(); // container → files, lines, members
        for (int i = 0; i < ranked.size(); i++) {
            var c = ranked.get(i);
            if (i < keep) {
                kept.put(c.id(), new Node(c.id(), c.name(), c.layer(), c.container(), c.files().size(), c.lines(), 1));
                nodeOf.put(c.id(), c.id());
            } else {
                var acc = others.computeIfAbsent(c.container(), k -> new long[3]);
                acc[0] += c.files().size();
                acc[1] += c.lines();
                acc[2]++;
                nodeOf.put(c.id(), other(c.container()));
            }
        }
        var list = new ArrayList<>(kept.values());
        hidden = ranked.size() - keep;
        others.forEach((container, acc) -> list.add(new Node(other(container), acc[2] + " more components", Layer.OTHER, container, (int) acc[0],
                acc[1], (int) acc[2])));
        nodes = List.copyOf(list);
        Set<String> violating = new HashSet<>();
        for (var v : model.violations()) violating.add(v.from() + "\u0000" + v.to());
        Set<String> closing = new HashSet<>();
        for (var c : model.cycles()) for (var e : c.closing()) closing.add(e.from() + "\u0000" + e.to());
        var merged = new TreeMap<String, int[]>();
        for (var e : model.edges()) {
            String from = nodeOf.get(e.from()), to = nodeOf.get(e.to());
            if (from.equals(to)) continue;
            var acc = merged.computeIfAbsent(from + "\u0000" + to, k -> new int[3]);
            acc[0] += e.weight();
            if (violating.contains(e.from() + "\u0000" + e.to())) acc[1] = 1;
            if (closing.contains(e.from() + "\u0000" + e.to())) acc[2] = 1;
        }
        var edgeList = new ArrayList<Edge>();
        merged.forEach((k, v) -> {
            var parts = k.split("\u0000");
            edgeList.add(new Edge(parts[0], parts[1], v[0], v[1] == 1, v[2] == 1));
        });
        edges = List.copyOf(edgeList);
    }
}
