package dev.luna.codebase.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dependency cycles: the strongly connected components of the graph (Tarjan's algorithm, iterative so a deep graph
 * cannot overflow the stack), each with the edges that close its cycles (the back edges of a depth-first walk inside it
 * from its first component, neighbours in sorted order: removing them leaves it acyclic).
 */
public final class Cycles {
    private Cycles() {
    }

    public static List<Cycle> find(List<String> nodes, List<ComponentEdge> edges) {
        var adjacency = ComponentGraph.adjacency(edges);
        var byPair = new HashMap<String, ComponentEdge>();
        for (var e : edges) byPair.put(e.from() + "\u0000" + e.to(), e);
        var out = new ArrayList<Cycle>();
        for (var scc : strong(nodes, adjacency)) {
            if (scc.size() < 2) continue;
            var members = new TreeSet<>(scc);
            var closing = new ArrayList<ComponentEdge>();
            for (var pair : backEdges(members, adjacency)) closing.add(byPair.get(pair[0] + "\u0000" + pair[1]));
            closing.sort(ComponentEdge.ORDER);
            out.add(new Cycle(List.copyOf(members), closing));
        }
        out.sort(Comparator.comparingInt((Cycle c) -> -c.components().size()).thenComparing(c -> c.components().getFirst()));
        return out;
    }

    /** Tarjan's strongly connected components, iteratively. */
    static List<List<String>> strong(List<String> nodes, Map<String, List<String>> adjacency) {
        var index = new HashMap<String, Integer>();
        var low = new HashMap<String, Integer>();
        var onStack = new HashSet<String>();
        var stack = new ArrayDeque<String>();
        var out = new ArrayList<List<String>>();
        int counter = 0;
        for (var start : nodes.stream().sorted().toList()) {
            if (index.containsKey(start)) continue;
            var work = new ArrayDeque<Object[]>(); // {node, next neighbour position}
            work.push(new Object[] {start, 0});
            index.put(start, counter);
            low.put(start, counter++);
            stack.push(start);
            onStack.add(start);
            while (!work.isEmpty()) {
                var frame = work.peek();
                String v = (String) frame[0];
                var next = adjacency.getOrDefault(v, List.of());
                int i = (Integer) frame[1];
                if (i < next.size()) {
                    frame[1] = i + 1;
                    String w = next.get(i);
                    if (!index.containsKey(w)) {
                        index.put(w, counter);
                        low.put(w, counter++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    var scc = new ArrayList<String>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (!w.equals(v));
                    out.add(scc);
                }
            }
        }
        return out;
    }

    /** Back edges of an iterative depth-first walk restricted to {@code members}, from each unvisited member in order. */
    private static List<String[]> backEdges(Set<String> members, Map<String, List<String>> adjacency) {
        var state = new HashMap<String, Integer>(); // 1 on the path, 2 done
        var out = new ArrayList<String[]>();
        // start from the members the others depend on least: the back edges found are then the ones pointing "up"
        var inDegree = new HashMap<String, Integer>();
        for (var v : members) for (var w : adjacency.getOrDefault(v, List.of())) if (members.contains(w)) inDegree.merge(w, 1, Integer::sum);
        var starts = members.stream().sorted(Comparator.comparingInt((String v) -> inDegree.getOrDefault(v, 0)).thenComparing(v -> v)).toList();
        for (var start : starts) {
            if (state.containsKey(start)) continue;
            var work = new ArrayDeque<Object[]>();
            work.push(new Object[] {start, 0});
            state.put(start, 1);
            while (!work.isEmpty()) {
                var frame = work.peek();
                String v = (String) frame[0];
                var next = adjacency.getOrDefault(v, List.of());
                int i = (Integer) frame[1];
                if (i >= next.size()) {
                    state.put(v, 2);
                    work.pop();
                    continue;
                }
                frame[1] = i + 1;
                String w = next.get(i);
                if (!members.contains(w)) continue;
                Integer s = state.get(w);
                if (s == null) {
                    state.put(w, 1);
                    work.push(new Object[] {w, 0});
                } else if (s == 1) {
                    out.add(new String[] {v, w});
                }
            }
        }
        return out;
    }
}
