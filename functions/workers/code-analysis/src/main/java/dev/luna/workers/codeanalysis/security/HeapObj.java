package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An object the analysis tracks inside one method (immutable; a change makes a new one). Collections keep their
 * elements precisely while every index or key is a constant ({@code elems}, {@code keyed}), and fall back to one
 * whole-object taint ({@code whole}); objects keep their fields; builders their constant text; security-relevant
 * objects (cookies, XML factories) their settings in {@code flags}.
 */
record HeapObj(Kind kind, String type, Taints whole, List<Val> elems, Map<Object, Val> keyed, Map<String, Val> fields,
               Map<String, Object> flags, Node site, String text) {

    enum Kind { LIST, MAP, ARRAY, BUILDER, OBJECT }

    static final Object UNKNOWN_FLAG = "?";

    static HeapObj of(Kind kind, String type, Node site) {
        return new HeapObj(kind, type, Taints.EMPTY, kind == Kind.LIST || kind == Kind.ARRAY ? List.of() : null,
                kind == Kind.MAP ? Map.of() : null, Map.of(), Map.of(), site, kind == Kind.BUILDER ? "" : null);
    }

    HeapObj withWhole(Taints t) {
        return new HeapObj(kind, type, whole.union(t), elems, keyed, fields, flags, site, t.isEmpty() ? text : null);
    }

    HeapObj withElems(List<Val> e) {
        return new HeapObj(kind, type, whole, e == null ? null : List.copyOf(e), keyed, fields, flags, site, text);
    }

    HeapObj withKeyed(Map<Object, Val> k) {
        return new HeapObj(kind, type, whole, elems, k == null ? null : Map.copyOf(k), fields, flags, site, text);
    }

    HeapObj withField(String name, Val v) {
        var f = new HashMap<>(fields);
        f.put(name, v);
        return new HeapObj(kind, type, whole, elems, keyed, Map.copyOf(f), flags, site, text);
    }

    HeapObj withFlag(String name, Object value) {
        var f = new HashMap<>(flags);
        f.put(name, value);
        return new HeapObj(kind, type, whole, elems, keyed, fields, Map.copyOf(f), site, text);
    }

    HeapObj withText(String t) {
        return new HeapObj(kind, type, whole, elems, keyed, fields, flags, site, t);
    }

    static HeapObj join(HeapObj a, HeapObj b) {
        if (a == null) return b;
        if (b == null || a == b) return a;
        Taints whole = a.whole.union(b.whole);
        List<Val> elems = null;
        if (a.elems != null && b.elems != null && a.elems.size() == b.elems.size()) {
            elems = new ArrayList<>();
            for (int i = 0; i < a.elems.size(); i++) elems.add(Val.join(a.elems.get(i), b.elems.get(i)));
        } else {
            whole = whole.union(elemTaints(a)).union(elemTaints(b));
        }
        Map<Object, Val> keyed = null;
        if (a.keyed != null && b.keyed != null) keyed = joinMaps(a.keyed, b.keyed);
        else if (a.kind == Kind.MAP) whole = whole.union(keyTaints(a)).union(keyTaints(b));
        var flags = new HashMap<String, Object>(a.flags);
        b.flags.forEach((k, v) -> flags.merge(k, v, (x, y) -> Objects.equals(x, y) ? x : UNKNOWN_FLAG));
        a.flags.keySet().stream().filter(k -> !b.flags.containsKey(k)).forEach(k -> flags.put(k, UNKNOWN_FLAG));
        String text = Objects.equals(a.text, b.text) ? a.text : null;
        return new HeapObj(a.kind, a.type, whole, elems, keyed, joinMaps(a.fields, b.fields), Map.copyOf(flags), a.site, text);
    }

    private static <K> Map<K, Val> joinMaps(Map<K, Val> a, Map<K, Val> b) {
        if (a.equals(b)) return a;
        var out = new HashMap<K, Val>(a);
        b.forEach((k, v) -> out.merge(k, v, Val::join));
        return Map.copyOf(out);
    }

    private static Taints elemTaints(HeapObj o) {
        Taints t = Taints.EMPTY;
        if (o.elems != null) for (Val v : o.elems) t = t.union(v.taints);
        return t;
    }

    private static Taints keyTaints(HeapObj o) {
        Taints t = Taints.EMPTY;
        if (o.keyed != null) for (Val v : o.keyed.values()) t = t.union(v.taints);
        return t;
    }

    boolean same(HeapObj o) {
        if (o == this) return true;
        return o.kind == kind && o.whole.sameAs(whole) && Objects.equals(o.text, text) && sameVals(o.elems, elems)
                && o.flags.equals(flags) && sameValMaps(o.keyed, keyed) && sameValMaps(o.fields, fields);
    }

    private static boolean sameVals(List<Val> a, List<Val> b) {
        if (a == null || b == null) return a == b;
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!a.get(i).same(b.get(i))) return false;
        return true;
    }

    private static <K> boolean sameValMaps(Map<K, Val> a, Map<K, Val> b) {
        if (a == null || b == null) return a == b;
        if (!a.keySet().equals(b.keySet())) return false;
        for (var e : a.entrySet()) if (!e.getValue().same(b.get(e.getKey()))) return false;
        return true;
    }
}
