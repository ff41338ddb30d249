package dev.luna.workers.cloudflare.gen;

import dev.luna.core.Json;
import dev.luna.workers.cloudflare.Templates;
import dev.luna.workers.cloudflare.inventory.Inventory;
import dev.luna.workers.cloudflare.inventory.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Wrangler project ({@code project.zip}): wrangler.jsonc with the bindings, the TypeScript Worker (a router with
 * every route, ported or proxied; health, proxy and storage helpers), D1 migrations, smoke.json, package.json with the
 * pinned lockfile, tsconfig.json, README.md and, optionally, the Terraform alternative. Paths sorted, text only.
 */
public final class WorkerProject {
    /** Pinned with the checks that run on the output (shared/toolchains/cloudflare). */
    public static final String WRANGLER = "4.164.0";
    public static final String WORKERS_TYPES = "5.20261117.1";
    public static final String TYPESCRIPT = "5.9.3";
    public static final String COMPATIBILITY_DATE = "2025-10-01";
    private static final String LOCK_NAME = "luna-toolchains-cloudflare";

    private WorkerProject() {
    }

    public static Map<String, String> render(Bindings b, Inventory inv, String originUrl, boolean terraform) {
        var files = new TreeMap<String, String>();
        var view = b.view();
        var tables = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < inv.tables().size(); i++) tables.add(Map.of("name", inv.tables().get(i).name(), "last", i == inv.tables().size() - 1));
        view.put("tables", tables);
        view.put("originUrl", originUrl);
        view.put("compatibilityDate", COMPATIBILITY_DATE);
        view.put("wranglerVersion", WRANGLER);
        var routes = routes(inv.routes());
        view.put("routes", routes);
        long ported = inv.routes().stream().filter(Route::isPorted).count();
        view.put("routeCount", inv.routes().size());
        view.put("portedCount", ported);
        view.put("proxiedCount", inv.routes().size() - ported);
        view.put("hasTerraform", terraform);
        var consumer = inv.resources("queue-consumer").stream().findFirst();
        view.put("consumerLocation", consumer.map(r -> r.file() + ":" + r.line()).orElse("the consumer"));
        view.put("consumerNote", "messages are retried (then dead-lettered) until the consumer is ported: never acknowledged silently");

        files.put("wrangler.jsonc", WranglerConfig.render(b, originUrl));
        files.put("package.json", packageJson(b));
        files.put("package-lock.json", Templates.text("project/package-lock.json").replace("\"" + LOCK_NAME + "\"", "\"" + b.name() + "\""));
        files.put("tsconfig.json", tsconfig());
        files.put("README.md", Templates.render("project/README.md.mustache", view));
        files.put(".gitignore", "node_modules/\n.wrangler/\ndist/\n.dev.vars\n");
        files.put("src/router.ts", Templates.text("project/src/router.ts"));
        files.put("src/proxy.ts", Templates.text("project/src/proxy.ts"));
        files.put("src/storage.ts", Templates.text("project/src/storage.ts"));
        files.put("src/env.ts", Templates.render("project/src/env.ts.mustache", view));
        files.put("src/health.ts", Templates.render("project/src/health.ts.mustache", view));
        files.put("src/routes.ts", Templates.render("project/src/routes.ts.mustache", view));
        files.put("src/index.ts", Templates.render("project/src/index.ts.mustache", view));
        if (!inv.tables().isEmpty()) files.put("migrations/0001_initial.sql", D1Migration.render(inv.tables()));
        files.put("smoke.json", Smoke.render(inv.routes(), b));
        if (terraform) files.put("terraform/main.tf", Templates.render("project/terraform/main.tf.mustache", view));
        return files;
    }

    private static List<Map<String, Object>> routes(List<Route> routes) {
        var out = new ArrayList<Map<String, Object>>();
        for (var r : routes) {
            var m = new LinkedHashMap<String, Object>();
            m.put("method", r.method());
            m.put("pattern", ts(r.path()));
            m.put("kind", r.isPorted() ? "ported" : "proxy");
            m.put("origin", ts(r.file() + ":" + r.line()));
            m.put("verdict", r.verdict());
            m.put("note", r.note().replaceAll("[\\r\\n]+", " "));
            if (r.isPorted()) m.put("ported", Map.of("json", r.ported(), "status", r.status()));
            out.add(m);
        }
        return out;
    }

    /** Text safe inside a double-quoted TypeScript string. */
    static String ts(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", " ");
    }

    private static String packageJson(Bindings b) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", b.name());
        m.put("private", true);
        m.put("type", "module");
        var scripts = new LinkedHashMap<String, Object>();
        scripts.put("check", "tsc --noEmit");
        scripts.put("dev", "wrangler dev");
        scripts.put("deploy", "wrangler deploy");
        if (b.d1() != null) scripts.put("migrate:local", "wrangler d1 migrations apply " + b.d1().binding() + " --local");
        m.put("scripts", scripts);
        var dev = new LinkedHashMap<String, Object>();
        dev.put("@cloudflare/workers-types", WORKERS_TYPES);
        dev.put("typescript", TYPESCRIPT);
        dev.put("wrangler", WRANGLER);
        m.put("devDependencies", dev);
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n";
    }

    private static String tsconfig() {
        return """
                {
                  "compilerOptions": {
                    "target": "es2022",
                    "lib": ["es2022"],
                    "module": "es2022",
                    "moduleResolution": "bundler",
                    "types": ["@cloudflare/workers-types"],
                    "strict": true,
                    "noEmit": true,
                    "isolatedModules": true,
                    "skipLibCheck": true
                  },
                  "include": ["src/**/*.ts"]
                }
                """;
    }
}
