package dev.luna.sources;

import java.io.IOException;
import java.util.List;

/** A source's entries, listed first and read afterwards, as few or as many as are wanted, never more than asked. */
interface Listing extends AutoCloseable {
    /** The entries in the source's own order (directories left out). */
    List<Entry> entries();

    /** Reads the wanted entries, in listing order, each at most its {@link Wanted#limit()} bytes. */
    void read(List<Wanted> wanted, Sink sink) throws IOException;

    /** An entry to read and how many of its bytes to keep. */
    record Wanted(Entry entry, int limit) {
    }

    @FunctionalInterface
    interface Sink {
        void accept(Wanted wanted, byte[] bytes) throws IOException;
    }

    @Override
    default void close() {
    }
}
