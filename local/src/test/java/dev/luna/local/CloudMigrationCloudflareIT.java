package dev.luna.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cloud-migration-cloudflare} end to end over the HTTP API on inline sources: an Express + PostgreSQL API gets a
 * migration.json that carries its routes, tables, verdicts, plan and cost at the stated volumes, a migration.md and a
 * project.zip with wrangler.jsonc, the router, the D1 migration and smoke.json; a model (the runtime's OpenAI stand-in)
 * words the plan inside the same structure or, when its answer is not usable, the deterministic text stands; a project
 * without a backend is a success that says so; invalid volumes are a 400 naming the field.
 */
class CloudMigrationCloudflareIT {
    static RagSourcesRuntime runtime;
    static TaskTypeRuns runs;
    static final String TYPE = "cloud-migration-cloudflare";

    @BeforeAll
    static void start() {
        runtime = RagSourcesRuntime.get();
        runs = new TaskTypeRuns(runtime.api);
    }

    static String agent() {
        var created = runtime.api.post("/api/v1/agents", """
                {"name":"%s","type":"task-executor","version":"1.0.0","config":{"runtime":"java","capabilities":["%s"]},
                 "resourceQuota":{"maxConcurrentTasks":100}}
                """.formatted(TestRuntime.unique("cf-migrator"), TYPE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(runtime.api.post("/api/v1/agents/" + id + "/start", null).status()).isEqualTo(200);
        return id;
    }

    static String file(String path, String content) {
        return "{\"path\":" + Json.write(path) + ",\"content\":" + Json.write(content) + "}";
    }

    static String expressPayload(String options) {
        String files = String.join(",",
                file("package.json", "{\"name\": \"todo-api\", \"dependencies\": {\"express\": \"^4.21.2\", \"pg\": \"^8.13.1\"}}\n"),
                file("src/app.js", """
                        const express = require('express');
                        const { Pool } = require('pg');
                        const pool = new Pool({ connectionString: process.env.DATABASE_URL });
                        const app = express();
                        app.get('/health', (req, res) => res.json({ ok: true }));
                        app.get('/todos', async (req, res) => {
                          const { rows } = await pool.query('SELECT * FROM todos');
                          res.json(rows);
                        });
                        app.listen(3000);
                        """),
                file("db/schema.sql", "CREATE TABLE todos (\n  id SERIAL PRIMARY KEY,\n  title TEXT NOT NULL,\n  done BOOLEAN DEFAULT false\n);\n"));
        return "{\"source\":{\"type\":\"inline\",\"files\":[" + files + "]},\"brief\":\"a todo API\",\"options\":" + options + "}";
    }

    @Test
    void anExpressApiGetsAnInventoryAPlanACostAndAWorkerProject() throws Exception {
        runtime.openai.text = "this is not JSON";
        var task = runs.run(agent(), TYPE, expressPayload("{\"volumes\":{\"requestsPerMonth\":2000000,\"cpuMsPerRequest\":3}}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        var result = task.get("result");
        assertThat(result.get("summary").get("routes").asInt()).isEqualTo(2);
        assertThat(result.get("summary").get("ported").asInt()).isEqualTo(1);
        assertThat(result.get("model").get("used").asBoolean()).isFalse();
        assertThat(task.get("progress").get("steps").findValuesAsString("name"))
                .containsExactly("checkout", "analyse", "generate", "validate", "enhance", "package");
        var artifacts = runs.artifacts(task.get("id").asString());
        assertThat(artifacts).containsOnlyKeys("migration.json", "migration.md", "project.zip");
        var json = Json.tree(new String(artifacts.get("migration.json"), StandardCharsets.UTF_8));
        assertThat(json.get("cost").get("volumes").get("requestsPerMonth").asLong()).isEqualTo(2_000_000);
        assertThat(json.get("cost").get("totals").get("workersFree").get("fits").asBoolean()).isTrue();
        assertThat(json.get("tables").findValuesAsString("name")).containsExactly("todos");
        assertThat(json.get("routes").findValuesAsString("file")).containsOnly("src/app.js");
        assertThat(new String(artifacts.get("migration.md"), StandardCharsets.UTF_8)).contains("## Strangler path", "## Cost projection (per month)");
        var zip = unzip(artifacts.get("project.zip"));
        assertThat(zip).containsKeys("wrangler.jsonc", "package.json", "package-lock.json", "src/routes.ts", "migrations/0001_initial.sql", "smoke.json",
                "terraform/main.tf");
        assertThat(zip.get("src/routes.ts")).contains("Response.json({\"ok\":true}", "proxy(request, env, \"GET /todos");
        assertThat(zip.get("migrations/0001_initial.sql")).contains("id INTEGER PRIMARY KEY AUTOINCREMENT", "done INTEGER DEFAULT 0");
        assertThat(zip.get("wrangler.jsonc")).contains("\"name\" : \"todo-api\"").doesNotContain("postgres://");
    }

    @Test
    void aModelWordsThePlanInsideTheStructure() throws Exception {
        runtime.openai.text = "not yet";
        var first = runs.run(agent(), TYPE, expressPayload("{}"));
        var plan = Json.tree(new String(runs.artifacts(first.get("id").asString()).get("migration.json"), StandardCharsets.UTF_8)).get("plan");
        var answer = new StringBuilder("{\"steps\": [");
        for (int i = 0; i < plan.size(); i++) {
            answer.append(i == 0 ? "" : ",").append("{\"id\": \"").append(plan.get(i).get("id").asString())
                    .append("\", \"action\": \"Worded by the stand-in model for this todo API: do this step carefully and verify it.\"}");
        }
        runtime.openai.text = answer.append("]}").toString();
        var task = runs.run(agent(), TYPE, expressPayload("{}"));
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("model").get("used").asBoolean()).isTrue();
        var json = Json.tree(new String(runs.artifacts(task.get("id").asString()).get("migration.json"), StandardCharsets.UTF_8));
        assertThat(json.get("plan").get(0).get("action").asString()).startsWith("Worded by the stand-in model");
        assertThat(json.get("plan").findValuesAsString("id")).isEqualTo(plan.findValuesAsString("id"));
        assertThat(json.get("prose").get("by").asString()).isEqualTo("model");
        runtime.openai.text = "Hello from the stand-in, in five pieces.";
    }

    @Test
    void noBackendIsASuccessThatSaysSo() {
        var task = runs.run(agent(), TYPE, "{\"source\":{\"type\":\"inline\",\"files\":[" + file("index.html", "<h1>Hi</h1>\n") + "]}}");
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("succeeded");
        assertThat(task.get("result").get("summary").get("message").asString()).startsWith("no backend found");
        assertThat(runs.artifacts(task.get("id").asString())).containsOnlyKeys("migration.json", "migration.md");
    }

    @Test
    void invalidVolumesAreAFourHundredNamingTheField() {
        var r = runs.submit(agent(), TYPE, expressPayload("{\"volumes\":{\"requestsPerMonth\":-5}}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("details").toString()).contains("payload.options.volumes.requestsPerMonth");
    }

    static TreeMap<String, String> unzip(byte[] zip) throws Exception {
        var out = new TreeMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
