package dev.luna.workers.requirements;

import dev.luna.codebase.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The feature each endpoint belongs to: the resource its path names ({@code /api/v1/owners/{id}/pets} → {@code owners}).
 * A resource with more endpoints than a feature holds stories is split by its next path segments
 * ({@code /admin/realms/{realm}/users/…} → {@code admin-realms-users}), so large APIs keep every story.
 */
final class Resources {
    private Resources() {
    }

    static Map<Endpoint, String> of(List<Endpoint> endpoints, int maxPerFeature) {
        var depth = new IdentityHashMap<Endpoint, Integer>();
        for (var e : endpoints) depth.put(e, 1);
        for (int round = 0; round < 6; round++) {
            var groups = new HashMap<String, List<Endpoint>>();
            for (var e : endpoints) groups.computeIfAbsent(key(e.path(), depth.get(e)), k -> new ArrayList<>()).add(e);
            boolean changed = false;
            for (var g : groups.values()) {
                if (g.size() <= maxPerFeature) continue;
                for (var e : g) {
                    if (literals(e.path()).size() > depth.get(e)) {
                        depth.put(e, depth.get(e) + 1);
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
        var out = new IdentityHashMap<Endpoint, String>();
        for (var e : endpoints) out.put(e, key(e.path(), depth.get(e)));
        return out;
    }

    static String key(String path, int depth) {
        var lits = literals(path);
        if (lits.isEmpty()) return "root";
        return Words.slug(String.join("-", lits.subList(0, Math.min(depth, lits.size()))));
    }

    /** The path's literal segments, without {@code api}, {@code rest}, {@code public}, versions and parameters. */
    static List<String> literals(String path) {
        var out = new ArrayList<String>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.startsWith("{") || seg.startsWith(":") || seg.startsWith("*") || seg.startsWith("$")) continue;
            String lower = seg.toLowerCase(Locale.ROOT);
            if (lower.equals("api") || lower.equals("rest") || lower.matches("v\\d+(\\.\\d+)?") || lower.equals("public")) continue;
            out.add(seg);
        }
        return out;
    }
}
