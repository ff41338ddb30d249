package dev.luna.workers.codeanalysis.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists, maps and arrays, element by element while indexes and keys are constants: {@code map.put("keyB", p);
 * map.get("keyB")} is tainted and {@code map.get("keyA")} is not; {@code list.add("safe"); list.add(p);
 * list.remove(0); list.get(0)} is tainted and {@code get(1)} is not. Anything else falls back to the whole object's
 * taint. Untracked collections (fields, parameters) take an added element's taint as a whole.
 */
final class CollectionOps {
    private static final Set<String> LISTS = Set.of("ArrayList", "LinkedList", "Vector", "Stack", "ArrayDeque",
            "CopyOnWriteArrayList", "HashSet", "LinkedHashSet", "TreeSet", "PriorityQueue", "LinkedBlockingQueue");
    private static final Set<String> MAPS = Set.of("HashMap", "LinkedHashMap", "TreeMap", "Hashtable", "ConcurrentHashMap",
            "WeakHashMap", "IdentityHashMap", "EnumMap", "LinkedMultiValueMap");
    private static final Set<String> COLLECTION_TYPES = Set.of("List", "Collection", "Set", "Map", "Queue", "Deque",
            "Iterable", "MultiValueMap", "SortedMap", "NavigableMap", "SortedSet", "AbstractList", "AbstractMap");
    private static final Set<String> ADDERS = Set.of("add", "addAll", "addElement", "addFirst", "addLast", "push", "offer",
            "offerFirst", "offerLast", "put", "putAll", "putIfAbsent", "set", "insertElementAt", "setElementAt");

    private final Expressions ex;
    private final MethodCtx ctx;

    CollectionOps(Expressions ex) {
        this.ex = ex;
        this.ctx = ex.ctx;
    }

    static boolean isCollectionType(String type) {
        return type != null && (LISTS.contains(type) || MAPS.contains(type) || COLLECTION_TYPES.contains(type));
    }

    Val create(ObjectCreationExpr o, String type, List<Val> args, State st) {
        boolean list = LISTS.contains(type);
        if (!list && !MAPS.contains(type)) return null;
        HeapObj h = HeapObj.of(list ? HeapObj.Kind.LIST : HeapObj.Kind.MAP, type, o);
        Taints copied = Taints.EMPTY;
        for (Val a : args) copied = copied.union(st.deep(a));
        if (!copied.isEmpty()) h = imprecise(h).withWhole(copied);
        return new Val(Taints.EMPTY, null, ctx.newObj(st, h), type);
    }

    private static HeapObj imprecise(HeapObj h) {
        return h.withElems(null).withKeyed(h.kind() == HeapObj.Kind.MAP ? null : h.keyed());
    }

    Val call(MethodCallExpr m, String name, Expression scope, String rtype, Val recv, List<Val> args, State st) {
        if (recv == null) return null;
        HeapObj h = recv.obj >= 0 ? st.heap.get(recv.obj) : null;
        if (h == null || (h.kind() != HeapObj.Kind.LIST && h.kind() != HeapObj.Kind.MAP && h.kind() != HeapObj.Kind.ARRAY)) {
            if (ADDERS.contains(name) && (rtype == null || isCollectionType(rtype) || !ctx.an.types.known(rtype)) && !args.isEmpty()) {
                // the element (a map's value), not the key or index: a map read by a tainted key is not tainted
                Taints t = st.deep(args.get(args.size() - 1));
                ex.calls.library.mutate(scope, recv, ex.step(t, m, "added to a collection"), st);
                return Val.UNKNOWN;
            }
            return null;
        }
        return h.kind() == HeapObj.Kind.MAP ? map(m, name, recv, h, args, st) : list(m, name, recv, h, args, st);
    }

    private Val list(MethodCallExpr m, String name, Val recv, HeapObj h, List<Val> args, State st) {
        List<Val> elems = h.elems() == null ? null : new ArrayList<>(h.elems());
        Integer i0 = args.isEmpty() ? null : index(args.get(0));
        switch (name) {
            case "add", "addElement", "addLast", "offer", "offerLast", "push" -> {
                Val v = stepped(args.get(args.size() - 1), m, "added to a list", st);
                if (args.size() == 1 && !name.equals("push") && elems != null) {
                    elems.add(v);
                    put(recv, h.withElems(elems), st);
                } else if (args.size() == 2 && elems != null && i0 != null && i0 >= 0 && i0 <= elems.size()) {
                    elems.add(i0, v);
                    put(recv, h.withElems(elems), st);
                } else {
                    put(recv, imprecise(h).withWhole(all(h, st).union(st.deep(v))), st);
                }
                return Val.typed("boolean");
            }
            case "addFirst", "offerFirst" -> {
                Val v = stepped(args.get(0), m, "added to a list", st);
                if (elems != null) {
                    elems.add(0, v);
                    put(recv, h.withElems(elems), st);
                } else {
                    put(recv, h.withWhole(st.deep(v)), st);
                }
                return Val.UNKNOWN;
            }
            case "set" -> {
                Val v = args.size() == 2 ? stepped(args.get(1), m, "stored in a list", st) : Val.UNKNOWN;
                Val old = get(h, i0, st);
                if (elems != null && i0 != null && i0 >= 0 && i0 < elems.size()) {
                    elems.set(i0, v);
                    put(recv, h.withElems(elems), st);
                } else {
                    put(recv, imprecise(h).withWhole(all(h, st).union(st.deep(v))), st);
                }
                return old;
            }
            case "get", "elementAt" -> {
                return stepped(get(h, i0, st), m, "read from a list", st);
            }
            case "remove" -> {
                if (elems != null && i0 != null && args.get(0).type != null && Folding.isNumeric(args.get(0).type)) {
                    if (i0 >= 0 && i0 < elems.size()) {
                        Val old = elems.remove((int) i0);
                        put(recv, h.withElems(elems), st);
                        return old;
                    }
                    return Val.UNKNOWN;
                }
                if (elems != null && !args.isEmpty() && args.get(0).isConstant()) {
                    for (int i = 0; i < elems.size(); i++) {
                        if (Folding.equal(elems.get(i).constant, args.get(0).constant)) {
                            elems.remove(i);
                            put(recv, h.withElems(elems), st);
                            break;
                        }
                    }
                    return Val.typed("boolean");
                }
                put(recv, imprecise(h).withWhole(all(h, st)), st);
                return Val.tainted(all(h, st), null);
            }
            case "clear" -> {
                put(recv, HeapObj.of(h.kind(), h.type(), h.site()), st);
                return Val.UNKNOWN;
            }
            case "addAll" -> {
                Taints t = Taints.EMPTY;
                for (Val a : args) t = t.union(st.deep(a));
                put(recv, imprecise(h).withWhole(all(h, st).union(t)), st);
                return Val.typed("boolean");
            }
            case "poll", "pop", "peek", "pollFirst", "pollLast", "getFirst", "getLast", "removeFirst", "removeLast", "element",
                 "firstElement", "lastElement", "first", "last" -> {
                return Val.tainted(all(h, st), null);
            }
            default -> {
                return null;
            }
        }
    }

    private Val map(MethodCallExpr m, String name, Val recv, HeapObj h, List<Val> args, State st) {
        Object key = args.isEmpty() ? null : args.get(0).constant;
        Map<Object, Val> keyed = h.keyed() == null ? null : new HashMap<>(h.keyed());
        switch (name) {
            case "put", "putIfAbsent" -> {
                if (args.size() != 2) return null;
                Val v = stepped(args.get(1), m, "stored in a map", st);
                Val old = lookup(h, key, st, null);
                if (keyed != null && key != null) {
                    keyed.put(key, name.equals("putIfAbsent") && keyed.containsKey(key) ? Val.join(keyed.get(key), v) : v);
                    put(recv, h.withKeyed(keyed), st);
                } else {
                    put(recv, imprecise(h).withWhole(all(h, st).union(st.deep(v))), st);
                }
                return old;
            }
            case "get", "getOrDefault", "getProperty", "getFirst" -> {
                Val dflt = args.size() == 2 ? args.get(1) : null;
                return stepped(lookup(h, key, st, dflt), m, "read from a map", st);
            }
            case "remove" -> {
                Val old = lookup(h, key, st, null);
                if (keyed != null && key != null) {
                    keyed.remove(key);
                    put(recv, h.withKeyed(keyed), st);
                }
                return old;
            }
            case "putAll" -> {
                Taints t = args.isEmpty() ? Taints.EMPTY : st.deep(args.get(0));
                put(recv, imprecise(h).withWhole(all(h, st).union(t)), st);
                return Val.UNKNOWN;
            }
            case "clear" -> {
                put(recv, HeapObj.of(h.kind(), h.type(), h.site()), st);
                return Val.UNKNOWN;
            }
            default -> {
                return null;
            }
        }
    }

    private Val lookup(HeapObj h, Object key, State st, Val dflt) {
        if (h.keyed() != null && key != null) {
            Val v = h.keyed().get(key);
            if (v == null) return dflt != null ? dflt : h.whole().isEmpty() ? Val.constant(Val.NULL, null) : Val.tainted(h.whole(), null);
            return h.whole().isEmpty() ? v : v.withTaints(v.taints.union(h.whole()));
        }
        Taints t = all(h, st);
        if (dflt != null) t = t.union(st.deep(dflt));
        return Val.tainted(t, null);
    }

    private Val get(HeapObj h, Integer i, State st) {
        if (h.elems() != null && i != null) {
            if (i < 0 || i >= h.elems().size()) return Val.tainted(h.whole(), null);
            Val v = h.elems().get(i);
            return h.whole().isEmpty() ? v : v.withTaints(v.taints.union(h.whole()));
        }
        return Val.tainted(all(h, st), null);
    }

    private Taints all(HeapObj h, State st) {
        Taints t = h.whole();
        if (h.elems() != null) for (Val v : h.elems()) t = t.union(st.deep(v));
        if (h.keyed() != null) for (Val v : h.keyed().values()) t = t.union(st.deep(v));
        return t;
    }

    private Val stepped(Val v, Node at, String note, State st) {
        return v.taints.isEmpty() ? v : v.withTaints(ex.step(v.taints, at, note));
    }

    private static void put(Val recv, HeapObj h, State st) {
        st.heap.put(recv.obj, h);
    }

    private static Integer index(Val v) {
        return v.constant instanceof Integer i ? i : null;
    }

    /** The value of one element of an iterable or array (its elements' and its own taint joined). */
    Val elementOf(Val it, State st, Expression at) {
        Taints t = st.deep(it);
        String type = it.type != null && it.type.endsWith("[]") ? it.type.substring(0, it.type.length() - 2) : null;
        return new Val(t.isEmpty() ? t : ex.step(t, at, "iterated"), null, -1, type);
    }

    Val newArray(State st, Node at, Taints whole) {
        HeapObj h = HeapObj.of(HeapObj.Kind.ARRAY, null, at).withElems(null).withWhole(whole);
        return new Val(Taints.EMPTY, null, ctx.newObj(st, h), null);
    }

    Val newArrayOf(State st, Node at, List<Val> elems) {
        HeapObj h = HeapObj.of(HeapObj.Kind.ARRAY, null, at).withElems(elems);
        return new Val(Taints.EMPTY, null, ctx.newObj(st, h), null);
    }

    Val arrayGet(Val arr, Val idx, State st, Node at) {
        String type = arr.type != null && arr.type.endsWith("[]") ? arr.type.substring(0, arr.type.length() - 2) : null;
        HeapObj h = arr.obj >= 0 ? st.heap.get(arr.obj) : null;
        if (h == null) return new Val(arr.taints, null, -1, type);
        Integer i = index(idx);
        Val v = get(h, i, st);
        return v.withType(type);
    }

    void arraySet(Val arr, Val idx, Val v, State st) {
        HeapObj h = arr.obj >= 0 ? st.heap.get(arr.obj) : null;
        if (h == null) return;
        Integer i = index(idx);
        if (h.elems() != null && i != null && i >= 0 && i < h.elems().size()) {
            var elems = new ArrayList<>(h.elems());
            elems.set(i, v);
            st.heap.put(arr.obj, h.withElems(elems));
        } else {
            st.heap.put(arr.obj, h.withWhole(st.deep(v)));
        }
    }
}
