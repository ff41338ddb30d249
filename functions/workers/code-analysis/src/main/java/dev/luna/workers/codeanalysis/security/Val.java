package dev.luna.workers.codeanalysis.security;

import java.util.Objects;

/**
 * An abstract value: its taints, its constant value when it is known (String, Integer, Long, Double, Boolean,
 * Character, or {@link #NULL}), the heap object it points to (-1: none tracked), and its type's simple name when known.
 */
final class Val {
    /** The constant {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    static final Val UNKNOWN = new Val(Taints.EMPTY, null, -1, null);

    final Taints taints;
    final Object constant;
    final int obj;
    final String type;

    Val(Taints taints, Object constant, int obj, String type) {
        this.taints = taints;
        this.constant = constant;
        this.obj = obj;
        this.type = type;
    }

    static Val constant(Object c, String type) {
        return new Val(Taints.EMPTY, c, -1, type);
    }

    static Val typed(String type) {
        return type == null ? UNKNOWN : new Val(Taints.EMPTY, null, -1, type);
    }

    static Val tainted(Taints t, String type) {
        return new Val(t, null, -1, type);
    }

    Val withTaints(Taints t) {
        return new Val(t, t.isEmpty() ? constant : null, obj, type);
    }

    Val withType(String t) {
        return Objects.equals(t, type) || t == null ? this : new Val(taints, constant, obj, t);
    }

    Val withObj(int o) {
        return new Val(taints, constant, o, type);
    }

    boolean isConstant() {
        return constant != null;
    }

    boolean same(Val o) {
        return o == this || (o.obj == obj && Objects.equals(o.constant, constant) && Objects.equals(o.type, type)
                && o.taints.sameAs(taints));
    }

    /** The least upper bound: taints united, constant kept only when both agree. */
    static Val join(Val a, Val b) {
        if (a == null) return b;
        if (b == null || a == b) return a;
        Object c = Objects.equals(a.constant, b.constant) ? a.constant : null;
        int o = a.obj == b.obj ? a.obj : -1;
        String t = Objects.equals(a.type, b.type) ? a.type : (a.type == null ? b.type : a.type);
        return new Val(a.taints.union(b.taints), c, o, t);
    }
}
