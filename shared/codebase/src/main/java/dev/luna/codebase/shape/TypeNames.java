package dev.luna.codebase.shape;

import dev.luna.codebase.java.TypeSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds project types from names as written in signatures (which carry no imports): a qualified name, a nested
 * {@code Outer.Inner}, or a simple name, preferring the same package, then a unique match.
 */
public final class TypeNames {
    private final Map<String, TypeSymbol> byFqn = new HashMap<>();
    private final Map<String, List<TypeSymbol>> bySimple = new HashMap<>();

    public TypeNames(List<TypeSymbol> types) {
        for (var t : types) {
            byFqn.put(t.fqn(), t);
            String simple = t.name().substring(t.name().lastIndexOf('.') + 1);
            bySimple.computeIfAbsent(simple, k -> new ArrayList<>()).add(t);
            if (t.name().contains(".")) bySimple.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        }
    }

    /** The project type {@code written} names when seen from {@code context} (may be null), or null. */
    public TypeSymbol find(String written, TypeSymbol context) {
        String name = erase(written);
        var exact = byFqn.get(name);
        if (exact != null) return exact;
        if (context != null) {
            var nested = byFqn.get(context.fqn() + "." + name);
            if (nested != null) return nested;
            String pkg = context.packageName();
            var same = byFqn.get(pkg.isEmpty() ? name : pkg + "." + name);
            if (same != null) return same;
            for (var sup : context.supertypes()) {
                var inherited = byFqn.get(erase(sup) + "." + name);
                if (inherited != null) return inherited;
            }
        }
        var candidates = bySimple.getOrDefault(name, List.of());
        return candidates.size() == 1 ? candidates.getFirst() : null;
    }

    public TypeSymbol byFqn(String fqn) {
        return byFqn.get(fqn);
    }

    static String erase(String written) {
        var sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0 && c != '[' && c != ']' && c != ' ') sb.append(c);
        }
        String s = sb.toString();
        return s.endsWith("...") ? s.substring(0, s.length() - 3) : s;
    }

    /** {@code Map<String, List<Foo>>} → [{@code String}, {@code List<Foo>}]; no generics → empty. */
    static List<String> arguments(String written) {
        var out = new ArrayList<String>();
        int lt = written.indexOf('<');
        int gt = written.lastIndexOf('>');
        if (lt < 0 || gt < lt) return out;
        int depth = 0;
        int start = lt + 1;
        for (int i = lt + 1; i < gt; i++) {
            char c = written.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (c == ',' && depth == 0) {
                out.add(written.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(written.substring(start, gt).trim());
        return out;
    }
}
