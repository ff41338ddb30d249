package dev.luna.workers.cloudflare.gen;

import dev.luna.core.Json;
import dev.luna.workers.cloudflare.inventory.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code smoke.json}: one request per route with its expected status (a ported route answers what its handler
 * answered; a proxied one what the origin answers, 200 from the stub origin the checks run), the health route (D1
 * migrations applied, KV and R2 answering), and an unknown path (404).
 */
final class Smoke {
    private Smoke() {
    }

    static String render(List<Route> routes, Bindings b) {
        var requests = new ArrayList<Map<String, Object>>();
        requests.add(request("health: D1 tables, KV and R2 answer", "GET", "/__migration/health", 200, false));
        for (var r : routes) {
            String method = r.method().equals("ANY") ? "GET" : r.method();
            String path = r.path().replaceAll("\\{[^}/]+\\*}", "a/b").replaceAll("\\{[^}/]+}", "1").replace("/**", "/a/b").replace("/*", "/a");
            if (path.isEmpty()) path = "/";
            requests.add(request(r.method() + " " + r.path() + (r.isPorted() ? " (ported)" : " (proxied)"), method, path,
                    r.isPorted() ? r.status() : 200, !r.isPorted()));
        }
        String unknown = "/__migration/no-such-route";
        if (routes.stream().noneMatch(r -> matches(r.path(), unknown))) requests.add(request("an unknown path", "GET", unknown, 404, false));
        var m = new LinkedHashMap<String, Object>();
        m.put("worker", b.name());
        m.put("note", "proxied requests expect the origin's answer: the checks run a stub origin that answers 200 and set ORIGIN_URL to it");
        m.put("requests", requests);
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n";
    }

    /** Whether the router (src/router.ts) would send {@code path} to a route of {@code pattern}: the same rules, in Java. */
    static boolean matches(String pattern, String path) {
        var want = java.util.Arrays.stream(pattern.split("/")).filter(x -> !x.isEmpty()).toList();
        var got = java.util.Arrays.stream(path.split("/")).filter(x -> !x.isEmpty()).toList();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            if (w.equals("**") || w.matches("\\{\\w+\\*}")) return true;
            if (i >= got.size()) return false;
            if (w.equals("*") || w.contains("{")) continue;
            if (!w.equals(got.get(i))) return false;
        }
        return want.size() == got.size();
    }

    private static Map<String, Object> request(String name, String method, String path, int status, boolean proxied) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", name);
        m.put("method", method);
        m.put("path", path);
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("DELETE") && !method.equals("OPTIONS")) m.put("body", "{}");
        m.put("expectStatus", status);
        m.put("proxied", proxied);
        return m;
    }
}
