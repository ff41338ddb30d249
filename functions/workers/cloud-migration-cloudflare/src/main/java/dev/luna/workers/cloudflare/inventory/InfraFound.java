package dev.luna.workers.cloudflare.inventory;

import java.util.ArrayList;
import java.util.List;

/** What the infrastructure files declare: resources, and the API routes that trigger functions. */
public final class InfraFound {
    final List<Resource> resources = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    public List<Resource> resources() {
        return resources.stream().sorted(Resource.ORDER).toList();
    }

    public List<Route> routes() {
        return routes.stream().sorted(Route.ORDER).toList();
    }

    /** Infrastructure files that could not be read, and why; sorted. */
    public List<String> skipped() {
        return skipped.stream().sorted().toList();
    }

    static String verdictFor(String runtime) {
        String r = runtime == null ? "" : runtime.toLowerCase(java.util.Locale.ROOT);
        if (r.startsWith("nodejs")) return "adapt";
        if (r.startsWith("python")) return "adapt";
        return "rewrite";
    }

    static String noteFor(String runtime) {
        String r = runtime == null ? "" : runtime.toLowerCase(java.util.Locale.ROOT);
        if (r.startsWith("nodejs")) return "a Node.js Lambda handler: port its event/result shape to fetch(Request) → Response; proxied to the origin until then";
        if (r.startsWith("python")) return "a Python Lambda handler: Python Workers (Pyodide) can run it once its AWS SDK calls move to bindings; proxied until then";
        return "a " + (r.isEmpty() ? "non-JavaScript" : r) + " Lambda handler: Workers runs JavaScript, TypeScript, WebAssembly and Python only, so it is rewritten; proxied until then";
    }
}
