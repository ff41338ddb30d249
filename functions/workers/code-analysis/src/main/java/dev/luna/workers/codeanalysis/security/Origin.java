package dev.luna.workers.codeanalysis.security;

/** Where a taint comes from: a real source, or (inside a method's summary) one of that method's inputs. */
sealed interface Origin {
    /** Untrusted data of a source kind ({@code remote}, {@code env}, {@code weak-random}). */
    record Source(String kind, String label) implements Origin {
    }

    /**
     * A placeholder for whatever the caller passes: parameter {@code param} (-1 for the receiver), or, with
     * {@code field}, the receiver's field of that name as the method found it.
     */
    record Input(int param, String field) implements Origin {
    }
}
