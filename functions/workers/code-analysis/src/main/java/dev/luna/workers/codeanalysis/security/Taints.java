package dev.luna.workers.codeanalysis.security;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * An immutable, bounded set of taints: one per (origin, mask), at most {@link #MAX}; the first trace seen for a key
 * is kept, so results do not depend on how often a flow is met.
 */
final class Taints implements Iterable<Taint> {
    static final int MAX = 8;
    static final Taints EMPTY = new Taints(new Taint[0]);

    private final Taint[] items;

    private Taints(Taint[] items) {
        this.items = items;
    }

    static Taints of(Taint t) {
        return new Taints(new Taint[] {t});
    }

    boolean isEmpty() {
        return items.length == 0;
    }

    int size() {
        return items.length;
    }

    Taints union(Taints o) {
        if (o.items.length == 0 || o == this) return this;
        if (items.length == 0) return o;
        Taint[] out = Arrays.copyOf(items, Math.min(MAX, items.length + o.items.length));
        int n = items.length;
        for (Taint t : o.items) {
            if (n >= MAX) break;
            if (!contains(out, n, t)) out[n++] = t;
        }
        return n == items.length ? this : new Taints(Arrays.copyOf(out, n));
    }

    Taints plus(Taint t) {
        return union(of(t));
    }

    Taints map(UnaryOperator<Taint> f) {
        if (items.length == 0) return this;
        Taint[] out = new Taint[items.length];
        int n = 0;
        for (Taint t : items) {
            Taint m = f.apply(t);
            if (m != null && !contains(out, n, m)) out[n++] = m;
        }
        return new Taints(Arrays.copyOf(out, n));
    }

    Taints withMask(int mask) {
        return mask == 0 ? this : map(t -> t.withMask(mask));
    }

    /** Whether some taint is still live for a sink kind. */
    boolean reaches(int kindBit) {
        for (Taint t : items) if (t.reaches(kindBit)) return true;
        return false;
    }

    private static boolean contains(Taint[] arr, int n, Taint t) {
        for (int i = 0; i < n; i++) if (arr[i].sameKey(t)) return true;
        return false;
    }

    /** Same keys (traces are not compared). */
    boolean sameAs(Taints o) {
        if (o.items.length != items.length) return false;
        for (Taint t : o.items) if (!contains(items, items.length, t)) return false;
        return true;
    }

    @Override
    public Iterator<Taint> iterator() {
        return Arrays.asList(items).iterator();
    }
}
