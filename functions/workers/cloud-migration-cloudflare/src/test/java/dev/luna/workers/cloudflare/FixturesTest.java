package dev.luna.workers.cloudflare;

import dev.luna.testkit.Golden;
import dev.luna.testkit.Txtar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.CloudflareChecks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture projects end to end: migration.json, migration.md and every file of project.zip match the goldens; the
 * inventory has the findings the fixtures were built to show, with their evidence; and the generated Worker passes
 * Cloudflare's own tools (tsc with workers-types, D1 migrations applied locally, workerd answering every smoke request).
 */
class FixturesTest {
    @TempDir
    static Path tmp;

    static Runs.Run fixture(String name) throws Exception {
        Path dir = Txtar.write(name, tmp.resolve(name));
        var run = Runs.run(dir, MigrationOptions.defaults());
        assertThat(run.problems()).isEmpty();
        Golden.check(name + "/migration.json", run.json().getBytes(StandardCharsets.UTF_8));
        Golden.check(name + "/migration.md", run.markdown().getBytes(StandardCharsets.UTF_8));
        for (var e : run.report().files().entrySet()) Golden.check(name + "/project/" + e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        return run;
    }

    static void toolchain(Runs.Run run, String name) throws Exception {
        Path project = run.writeProject(tmp.resolve(name + "-project"));
        var problems = CloudflareChecks.check(project);
        assertThat(problems).as("Cloudflare checks of %s", name).isEmpty();
    }

    @Test
    void expressWithPostgres() throws Exception {
        var run = fixture("express-pg");
        var inv = run.report().inventory();
        assertThat(inv.routes()).extracting(r -> r.method() + " " + r.path() + " " + (r.isPorted() ? "ported" : "proxied"))
                .contains("GET /health ported", "GET /api/version ported", "GET /api/users/{id} proxied", "POST /api/uploads proxied");
        assertThat(inv.tables()).extracting(t -> t.name()).containsExactly("orders", "users");
        assertThat(inv.items()).extracting(i -> i.name() + "@" + i.location() + "=" + i.verdict())
                .contains("node-fs@src/routes/uploads.js:3=rewrite", "native-addon@src/routes/users.js:2=rewrite", "interval-timer@src/server.js:19=rewrite",
                        "file-upload@src/routes/uploads.js:2=adapt", "express-session@src/server.js:2=adapt", "SESSION_SECRET@src/server.js:9=direct",
                        "CREATE FUNCTION@db/migrations/002_totals.sql:1=rewrite");
        assertThat(inv.items("secret")).extracting(i -> i.name()).contains("SESSION_SECRET", "DATABASE_URL");
        assertThat(run.report().bindings().d1()).isNotNull();
        assertThat(run.report().bindings().kv()).isNotNull();
        assertThat(run.report().files()).containsKeys("wrangler.jsonc", "migrations/0001_initial.sql", "terraform/main.tf", "src/routes.ts");
        toolchain(run, "express-pg");
    }

    @Test
    void lambdaWithDynamoDbAndS3() throws Exception {
        var run = fixture("lambda-dynamo");
        var inv = run.report().inventory();
        assertThat(inv.routes()).extracting(r -> r.method() + " " + r.path() + " " + r.source() + "@" + r.file() + ":" + r.line())
                .containsExactly("POST /items SAM@template.yaml:34", "GET /items/{id} SAM@template.yaml:23");
        assertThat(inv.tables()).extracting(t -> t.name() + ":" + String.join(",", t.definitions()))
                .containsExactly("items_table:pk TEXT NOT NULL,sk TEXT NOT NULL,data TEXT NOT NULL DEFAULT '{}',PRIMARY KEY (pk, sk)");
        assertThat(inv.items()).extracting(i -> i.category() + ":" + i.name() + "=" + i.verdict())
                .contains("storage:S3 bucket UploadsBucket=direct", "queue:SQS queue JobsQueue=adapt", "schedule:CleanupFunction.Nightly=direct",
                        "compatibility:native-addon=rewrite", "function:ResizeWorker (nodejs20.x)=adapt");
        var b = run.report().bindings();
        assertThat(b.r2()).extracting(x -> x.binding()).containsExactly("UPLOADS_BUCKET");
        assertThat(b.queues()).extracting(x -> x.binding()).containsExactly("JOBS_QUEUE");
        assertThat(b.crons()).extracting(x -> x.cron()).containsExactly("0 * * * *");
        assertThat(b.consumers()).isTrue();
        toolchain(run, "lambda-dynamo");
    }

    @Test
    void noBackendIsASuccessThatSaysSo() throws Exception {
        var run = fixture("static-site");
        assertThat(run.report().backendFound()).isFalse();
        assertThat(run.report().files()).isEmpty();
        assertThat(run.json()).contains("\"backendFound\" : false", "no backend found");
        assertThat(run.markdown()).contains("no backend found").doesNotContain("## Routes");
    }
}
