package dev.luna.workers.openaiapp;

import dev.luna.testkit.Txtar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.apispec.ApiOperation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 500 endpoints → the 30 best with the rest listed; hostile documents stay inside every limit; include/exclude and capabilities steer the choice. */
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void fiveHundredEndpointsGiveTheThirtyBestAndListTheRest() throws Exception {
        var app = new StringBuilder("const express = require('express');\nconst app = express();\n");
        for (int i = 0; i < 100; i++) {
            app.append("app.get('/api/things").append(i).append("', (req, res) => res.json([]));\n");
            app.append("app.get('/api/things").append(i).append("/:id', (req, res) => res.json({}));\n");
            app.append("app.post('/api/things").append(i).append("', (req, res) => res.json({}));\n");
            app.append("app.delete('/api/things").append(i).append("/:id', (req, res) => res.end());\n");
            app.append("app.get('/internal/metrics").append(i).append("', (req, res) => res.end());\n");
        }
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"many\", \"version\": \"1.0.0\", \"dependencies\": {\"express\": \"4.21.2\"}}");
        Files.writeString(dir.resolve("app.js"), app.append("app.listen(3000);\n").toString());
        var options = new AppOptions("https://api.example.com", List.of("things7"), List.of("GET /internal/metrics42"), List.of("/api/things3*"), "oauth", null, 30);
        var generated = Runs.generate(dir, options);
        assertThat(generated.api().operations()).hasSize(500);
        assertThat(generated.choice().chosen()).hasSize(30);
        assertThat(generated.choice().omitted()).hasSize(470);
        var ids = new HashSet<String>();
        generated.choice().chosen().forEach(op -> assertThat(ids.add(op.operationId())).isTrue());
        var paths = generated.choice().chosen().stream().map(op -> op.method() + " " + op.path()).toList();
        assertThat(paths).contains("GET /internal/metrics42", "GET /api/things7", "GET /api/things70");
        assertThat(paths).noneMatch(p -> p.contains("/api/things3"));
        assertThat(generated.choice().omitted()).filteredOn(s -> s.operation().path().startsWith("/api/things3"))
                .allMatch(s -> s.reason().equals("excluded by options.operations.exclude"));
        String instructions = new String(generated.artifacts().get("instructions.md"), StandardCharsets.UTF_8);
        assertThat(instructions.length()).isLessThanOrEqualTo(8_000);
        assertThat(instructions).contains("470 further operations");
        String deployment = new String(generated.artifacts().get("deployment.md"), StandardCharsets.UTF_8);
        assertThat(deployment).contains("## Operations not offered (470)");
        assertThat(deployment.lines().filter(l -> l.startsWith("| `"))).hasSize(470);
        assertThat(new String(generated.artifacts().get("openapi.actions.json"), StandardCharsets.UTF_8)).contains("\"oauth2\"", "/oauth/authorize");
    }

    @Test
    void hostileDocumentsStayInsideTheLimitsAndSecretsAreMasked() throws Exception {
        String huge = "Very long text. ".repeat(800);
        Files.createDirectories(dir.resolve("spec"));
        Files.writeString(dir.resolve("spec/openapi.yaml"), """
                openapi: 3.0.3
                info: {title: "Hostile \\"API\\" */ </script>", version: "1"}
                paths:
                  /a/{x}:
                    get:
                      operationId: "dup"
                      summary: "%s"
                      description: "token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB here"
                      parameters:
                        - {name: "we\\"ird`${p}", in: query, schema: {type: string}}
                      responses: {"200": {description: ok}}
                    post:
                      operationId: "dup"
                      requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Loop"}}}}
                      responses: {"200": {description: ok}}
                components:
                  schemas:
                    Loop: {type: object, properties: {next: {$ref: "#/components/schemas/Loop"}, name: {type: string, nullable: true}}}
                """.formatted(huge));
        Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.0\npaths: [unclosed\n");
        var generated = Runs.generate(dir, AppOptions.defaults());
        assertThat(generated.api().document()).isEqualTo("spec/openapi.yaml");
        assertThat(generated.choice().chosen()).extracting(ApiOperation::operationId).doesNotHaveDuplicates().hasSize(2);
        String actions = new String(generated.artifacts().get("openapi.actions.json"), StandardCharsets.UTF_8);
        assertThat(actions).doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789AB");
        assertThat(generated.api().notes()).anyMatch(n -> n.contains("broken.yaml"));
        String tools = new String(generated.project().get("mcp-server/src/tools.ts"), StandardCharsets.UTF_8);
        assertThat(tools).contains("\"we\\\"ird`${p}\"").contains("z.any()");
        var out = Runs.write(generated.project(), dir.resolve("out"));
        var check = dev.luna.toolchains.OpenAiAppChecks.actions(out.resolve("openapi.actions.json"));
        assertThat(check.linesStartingWith("INVALID:")).as(check.output()).isEmpty();
    }

    @Test
    void aMaxOperationsOptionAndCapabilitiesRankFirst() throws Exception {
        Txtar.write("spring-shop", dir);
        var options = new AppOptions("https://api.example.com", List.of("orders"), List.of(), List.of(), "none", "Shop", 2);
        var generated = Runs.generate(dir, options);
        assertThat(generated.choice().chosen()).extracting(ApiOperation::operationId).containsExactly("orders", "place");
        assertThat(generated.choice().omitted()).hasSize(6);
    }
}
