package dev.luna.core;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A thread-safe memoising supplier: the factory runs once, at the first {@link #get}. */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) value = v = factory.get();
            }
        }
        return v;
    }

    /** Runs {@code action} on the value if it was made. */
    public void ifPresent(Consumer<T> action) {
        T v = value;
        if (v != null) action.accept(v);
    }
}
