package dev.luna.workers.cloudflare;

import dev.luna.core.Json;
import dev.luna.tasks.PayloadSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validate step: migration.json fits its JSON Schema, evidence lines are inside their files, the report has its
 * sections, and the generated project parses (wrangler.jsonc as JSON with comments, package.json, smoke.json), has no
 * unfilled template slot, routes every inventoried route and creates every table.
 */
final class OutputCheck {
    private static final PayloadSchema SCHEMA = PayloadSchema.of(Json.tree(Templates.resource("/schemas/migration.schema.json")));
    private static final JsonMapper JSONC = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private OutputCheck() {
    }

    static List<String> problems(MigrationReport r, Map<String, Object> json, String markdown, Map<String, Integer> lineCounts) {
        var out = new ArrayList<String>();
        JsonNode tree = Json.tree(Json.write(json));
        SCHEMA.validate(tree, "migration").forEach(v -> out.add("migration.json: " + v.field() + " " + v.message()));
        for (var i : r.inventory().items()) evidence(i.file(), i.line(), i.name(), lineCounts, out);
        for (var x : r.inventory().routes()) evidence(x.file(), x.line(), x.method() + " " + x.path(), lineCounts, out);
        for (String section : List.of("## Cost projection (per month)")) if (!markdown.contains(section)) out.add("migration.md lacks " + section);
        if (r.backendFound()) {
            for (String section : List.of("## Routes", "## Inventory and compatibility", "## Plan", "## Strangler path")) {
                if (!markdown.contains(section)) out.add("migration.md lacks " + section);
            }
            project(r, out);
        }
        return out;
    }

    private static void evidence(String file, int line, String what, Map<String, Integer> lineCounts, List<String> out) {
        if (file.isEmpty()) return;
        Integer lines = lineCounts.get(file);
        if (lines == null || line < 0 || line > Math.max(1, lines)) out.add(what + " cites " + file + ":" + line + ", which is not in the analysed files");
    }

    private static void project(MigrationReport r, List<String> out) {
        var files = r.files();
        for (String required : List.of("wrangler.jsonc", "package.json", "package-lock.json", "tsconfig.json", "src/index.ts", "src/routes.ts", "smoke.json", "README.md")) {
            if (!files.containsKey(required)) out.add("project.zip lacks " + required);
        }
        for (var e : files.entrySet()) {
            if (e.getValue().contains("{{") && !e.getKey().endsWith(".json")) out.add(e.getKey() + " has an unfilled template slot");
            if (e.getKey().endsWith(".json") || e.getKey().endsWith(".jsonc")) {
                try {
                    JSONC.readTree(e.getValue());
                } catch (RuntimeException x) {
                    out.add(e.getKey() + " does not parse: " + x.getMessage());
                }
            }
        }
        String routes = files.getOrDefault("src/routes.ts", "");
        for (var x : r.inventory().routes()) {
            if (!routes.contains("pattern: \"" + x.path().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")) out.add("src/routes.ts lacks " + x.method() + " " + x.path());
        }
        String sql = files.getOrDefault("migrations/0001_initial.sql", "");
        for (var t : r.inventory().tables()) if (!sql.contains("CREATE TABLE IF NOT EXISTS " + t.name() + " (")) out.add("the D1 migration lacks " + t.name());
        String tf = files.get("terraform/main.tf");
        if (tf != null && !(tf.contains("resource \"cloudflare_workers_script\"") && tf.contains("resource \"cloudflare_workers_route\""))) {
            out.add("terraform/main.tf lacks the Worker script or route");
        }
    }
}
