package dev.luna.workers.cloudflare;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform alternative's structure (terraform init cannot fetch the Cloudflare provider offline): the HCL text
 * is read into blocks with balanced braces, and the resources of the Cloudflare provider v5 are there with the
 * attributes v5 names (cloudflare_workers_script with script_name, content, main_module and a bindings list whose
 * entries point at the other resources; cloudflare_workers_route with pattern and script), matching wrangler.jsonc.
 */
class TerraformTest {
    @TempDir
    Path tmp;

    record Block(String type, String name, String body) {
    }

    static List<Block> blocks(String hcl) {
        var out = new ArrayList<Block>();
        var m = Pattern.compile("(?m)^resource \"([a-z0-9_]+)\" \"([a-z0-9_]+)\" \\{").matcher(hcl);
        while (m.find()) {
            int depth = 0;
            int i = m.end() - 1;
            for (; i < hcl.length(); i++) {
                char c = hcl.charAt(i);
                if (c == '{' || c == '[') depth++;
                else if ((c == '}' || c == ']') && --depth == 0) break;
            }
            assertThat(depth).as("balanced braces in %s.%s", m.group(1), m.group(2)).isZero();
            out.add(new Block(m.group(1), m.group(2), hcl.substring(m.end(), i)));
        }
        return out;
    }

    static Map<String, String> bindings(String scriptBody) {
        var out = new LinkedHashMap<String, String>();
        var m = Pattern.compile("\\{ name = \"([A-Z0-9_]+)\", type = \"([a-z_0-9]+)\", ([a-z_]+) = ([^}]+?) }").matcher(scriptBody);
        while (m.find()) out.put(m.group(1), m.group(2) + " " + m.group(3) + "=" + m.group(4).strip());
        return out;
    }

    @Test
    void lambdaFixtureDeclaresEveryBindingAsAProviderV5Resource() throws Exception {
        var run = Runs.run(Txtar.write("lambda-dynamo", tmp.resolve("l")), MigrationOptions.defaults());
        String tf = run.report().files().get("terraform/main.tf");
        assertThat(tf).contains("source  = \"cloudflare/cloudflare\"", "version = \"~> 5.0\"");
        var blocks = blocks(tf);
        assertThat(blocks).extracting(b -> b.type() + "." + b.name()).containsExactly("cloudflare_d1_database.db", "cloudflare_r2_bucket.uploads_bucket",
                "cloudflare_queue.jobs_queue", "cloudflare_workers_script.worker", "cloudflare_workers_route.worker", "cloudflare_workers_cron_trigger.worker");
        var script = blocks.stream().filter(b -> b.type().equals("cloudflare_workers_script")).findFirst().orElseThrow().body();
        assertThat(script).contains("script_name        = \"thumbnails-service\"", "main_module        = \"index.js\"", "content            = file(");
        assertThat(bindings(script)).containsExactly(
                Map.entry("ORIGIN_URL", "plain_text text=var.origin_url"),
                Map.entry("DB", "d1 id=cloudflare_d1_database.db.id"),
                Map.entry("UPLOADS_BUCKET", "r2_bucket bucket_name=cloudflare_r2_bucket.uploads_bucket.name"),
                Map.entry("JOBS_QUEUE", "queue queue_name=cloudflare_queue.jobs_queue.queue_name"));
        var route = blocks.stream().filter(b -> b.type().equals("cloudflare_workers_route")).findFirst().orElseThrow().body();
        assertThat(route).contains("pattern = var.route_pattern", "script  = cloudflare_workers_script.worker.script_name");
        var cron = blocks.stream().filter(b -> b.type().equals("cloudflare_workers_cron_trigger")).findFirst().orElseThrow().body();
        assertThat(cron).contains("{ cron = \"0 * * * *\" }");
        // the same names as wrangler.jsonc
        String wrangler = run.report().files().get("wrangler.jsonc");
        assertThat(wrangler).contains("\"binding\" : \"UPLOADS_BUCKET\"", "\"bucket_name\" : \"uploads-bucket\"", "\"queue\" : \"jobs-queue\"");
        assertThat(tf).contains("name       = \"uploads-bucket\"", "queue_name = \"jobs-queue\"");
    }

    @Test
    void expressFixtureHasAKvNamespaceAndNoCrons() throws Exception {
        var run = Runs.run(Txtar.write("express-pg", tmp.resolve("e")), MigrationOptions.defaults());
        var blocks = blocks(run.report().files().get("terraform/main.tf"));
        assertThat(blocks).extracting(b -> b.type()).contains("cloudflare_workers_kv_namespace", "cloudflare_d1_database", "cloudflare_r2_bucket")
                .doesNotContain("cloudflare_workers_cron_trigger");
        var script = blocks.stream().filter(b -> b.type().equals("cloudflare_workers_script")).findFirst().orElseThrow().body();
        assertThat(bindings(script)).containsEntry("CACHE", "kv_namespace namespace_id=cloudflare_workers_kv_namespace.cache.id");
    }

    @Test
    void optionOffLeavesItOut() throws Exception {
        var options = new MigrationOptions("", "", false, MigrationOptions.defaults().volumes());
        var run = Runs.run(Txtar.write("express-pg", tmp.resolve("x")), options);
        assertThat(run.report().files()).doesNotContainKey("terraform/main.tf");
        assertThat(run.problems()).isEmpty();
    }
}
