package dev.luna.codebase.java;

import java.util.Comparator;

/**
 * A call from one project method to another, as {@code com.acme.Type#name(Param,Types)}.
 *
 * @param resolution {@code type} when the receiver's declared type decided it, {@code solver} when the JavaParser
 *                   symbol solver did, {@code name} when only the method name and arity matched (a guess: several
 *                   edges may leave one call)
 * @param line       the line of the (first such) call
 */
public record CallEdge(String from, String to, String resolution, int line) {
    public static final Comparator<CallEdge> ORDER = Comparator.comparing(CallEdge::from).thenComparing(CallEdge::to)
            .thenComparing(CallEdge::resolution).thenComparingInt(CallEdge::line);
}
