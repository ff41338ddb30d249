package dev.luna.codebase.java;

import java.util.Comparator;

/**
 * One type of the project using another.
 *
 * @param kind {@code extends}, {@code implements}, {@code import}, {@code field}, {@code parameter}, {@code return},
 *             {@code new}, {@code call}, {@code annotation} or {@code reference} (any other mention in code)
 */
public record TypeEdge(String from, String to, String kind) {
    public static final Comparator<TypeEdge> ORDER = Comparator.comparing(TypeEdge::from).thenComparing(TypeEdge::to)
            .thenComparing(TypeEdge::kind);
}
