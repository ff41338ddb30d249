package dev.luna.codebase.architecture;

import java.util.List;

/**
 * A strongly connected set of components (each reaches every other).
 *
 * @param components sorted
 * @param closing    the edges that close the cycles: the back edges of a depth-first walk from the component the others depend on least
 *                   (removing them leaves the set acyclic), sorted
 */
public record Cycle(List<String> components, List<ComponentEdge> closing) {
    public Cycle {
        components = List.copyOf(components);
        closing = List.copyOf(closing);
    }
}
