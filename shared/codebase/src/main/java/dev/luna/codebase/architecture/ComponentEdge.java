package dev.luna.codebase.architecture;

import java.util.Comparator;
import java.util.List;

/**
 * One component depending on another.
 *
 * @param weight   how many file-level references make it (imports and Java type references)
 * @param evidence the first few places that make it, sorted
 */
public record ComponentEdge(String from, String to, int weight, List<Location> evidence) {
    public static final Comparator<ComponentEdge> ORDER = Comparator.comparing(ComponentEdge::from).thenComparing(ComponentEdge::to);

    public ComponentEdge {
        evidence = List.copyOf(evidence);
    }
}
