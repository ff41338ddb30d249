package dev.luna.workers.codeanalysis.security;

import java.util.List;

/** One row of the taint models (models/security/*.model.yaml). */
sealed interface ModelRow {
    CallPattern call();

    /** A call whose result (or {@code out} argument, -1 for the result) is tainted with a source kind. */
    record Source(CallPattern call, String kind, String label, int out) implements ModelRow {
    }

    /**
     * A call where tainted data does harm. {@code args}: argument indexes, {@link #RECEIVER}, or {@link #ALL}.
     */
    record Sink(CallPattern call, String kind, List<Integer> args, String label) implements ModelRow {
        static final int RECEIVER = -1;
        static final int ALL = -2;
    }

    /** A call whose result is its input made safe for the sink kinds in {@code mask}. */
    record Sanitizer(CallPattern call, int mask) implements ModelRow {
    }

    /**
     * A call that moves taint from {@code from} (argument indexes, {@link Sink#RECEIVER}, {@link Sink#ALL}) to
     * {@code to} ({@link #TO_RETURN}, {@link Sink#RECEIVER} or an argument index).
     */
    record Propagator(CallPattern call, List<Integer> from, int to, boolean fluent) implements ModelRow {
        static final int TO_RETURN = -3;
    }

    /** The type a library call returns (so later calls on it can be matched). */
    record Returns(CallPattern call, String returns) implements ModelRow {
    }

    /** A framework-bound handler parameter with this annotation is a source. */
    record ParameterSource(String annotation, String kind, String label) {
    }
}
