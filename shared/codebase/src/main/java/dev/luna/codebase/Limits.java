package dev.luna.codebase;

/**
 * Bounds on the work {@link Codebase#analyse} does, so hostile or unusual input costs a reported skip, never a hang or
 * unbounded memory.
 *
 * @param maxFileBytes             files larger than this are counted (language, lines) but not parsed
 * @param maxNesting               files whose brackets nest deeper than this are counted but not parsed
 * @param symbolSolverCallsPerFile how many method calls per Java file the symbol solver may try when the fast
 *                                 declared-type resolution cannot type the call's scope (0 turns it off)
 * @param maxNameCandidates        a call resolved by name alone links to at most this many same-named methods
 */
public record Limits(long maxFileBytes, int maxNesting, int symbolSolverCallsPerFile, int maxNameCandidates) {
    public static final Limits DEFAULT = new Limits(2_000_000, 200, 8, 4);

    public Limits {
        if (maxFileBytes < 1 || maxNesting < 1 || symbolSolverCallsPerFile < 0 || maxNameCandidates < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
