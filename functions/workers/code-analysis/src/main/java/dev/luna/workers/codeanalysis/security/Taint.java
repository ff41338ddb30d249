package dev.luna.workers.codeanalysis.security;

/**
 * A taint on a value: its origin, the sink kinds it has been sanitized for (bits of {@link TaintModels#kindBit}),
 * and the last step of the trace that brought it here.
 */
record Taint(Origin origin, int mask, Step step) {

    Taint withMask(int more) {
        return (mask | more) == mask ? this : new Taint(origin, mask | more, step);
    }

    Taint withStep(Step next) {
        return new Taint(origin, mask, next);
    }

    boolean reaches(int kindBit) {
        return (mask & kindBit) == 0;
    }

    boolean sameKey(Taint o) {
        return mask == o.mask && origin.equals(o.origin);
    }
}
