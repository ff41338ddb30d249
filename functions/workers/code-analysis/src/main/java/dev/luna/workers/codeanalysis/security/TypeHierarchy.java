package dev.luna.workers.codeanalysis.security;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Simple-name subtyping: the models' library types plus the analysed project's own class declarations. */
final class TypeHierarchy {
    private final Map<String, Set<String>> supers = new HashMap<>();
    private final Set<String> known = new HashSet<>();
    private final Map<String, Map<String, Boolean>> cache = new HashMap<>();

    TypeHierarchy(TaintModels models) {
        known.addAll(models.knownTypes());
        models.supertypes().forEach((t, s) -> supers.computeIfAbsent(t, k -> new HashSet<>()).addAll(s));
    }

    void declare(String type, List<String> supertypes) {
        known.add(type);
        supers.computeIfAbsent(type, k -> new HashSet<>()).addAll(supertypes);
        cache.clear();
    }

    boolean known(String type) {
        return known.contains(type);
    }

    Set<String> directSupertypes(String type) {
        return supers.getOrDefault(type, Set.of());
    }

    boolean isSubtype(String type, String ancestor) {
        if (type.equals(ancestor)) return true;
        Map<String, Boolean> byAncestor = cache.computeIfAbsent(type, k -> new HashMap<>());
        Boolean hit = byAncestor.get(ancestor);
        if (hit != null) return hit;
        boolean found = false;
        var seen = new HashSet<String>();
        var todo = new ArrayDeque<String>();
        todo.add(type);
        while (!todo.isEmpty() && !found && seen.size() < 64) {
            String t = todo.poll();
            if (!seen.add(t)) continue;
            for (String s : supers.getOrDefault(t, Set.of())) {
                if (s.equals(ancestor)) found = true;
                todo.add(s);
            }
        }
        byAncestor.put(ancestor, found);
        return found;
    }
}
