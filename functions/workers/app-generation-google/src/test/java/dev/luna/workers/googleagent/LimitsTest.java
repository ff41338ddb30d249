package dev.luna.workers.googleagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.core.Json;
import dev.luna.workers.googleagent.plan.AgentOptions;
import dev.luna.workers.googleagent.plan.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No API, too many operations, and hostile names and text in the input. */
class LimitsTest {
    @TempDir
    Path dir;

    @Test
    void aProjectWithoutAnApiIsFoundToHaveNone() throws Exception {
        Files.writeString(dir.resolve("Main.java"), "class Main { public static void main(String[] a) { System.out.println(1); } }\n");
        Files.writeString(dir.resolve("config.yaml"), "openapi: not really\nname: x\n");
        var planned = Generate.plan(dir, AgentOptions.DEFAULT);
        assertThat(planned.plan()).isNull();
        assertThat(planned.api().origin()).isEqualTo("none");
        assertThat(planned.api().notes()).contains("no OpenAPI document and no HTTP endpoints were found in the code");
    }

    @Test
    void fiveHundredRoutesGiveTheThirtyBestAndListTheRest() throws Exception {
        var js = new StringBuilder("const express = require('express');\nconst app = express();\n");
        for (int i = 0; i < 250; i++) {
            js.append("app.get('/things").append(i).append("/:id', (req, res) => res.json({}));\n");
            js.append("app.delete('/actuator/things").append(i).append("/:id', (req, res) => res.end());\n");
        }
        Files.writeString(dir.resolve("server.js"), js + "app.listen(3000);\n");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"many\", \"dependencies\": {\"express\": \"4.21.2\"}}\n");
        var out = Generate.run(dir, AgentOptions.DEFAULT);
        assertThat(out.problems()).isEmpty();
        assertThat(out.plan().tools()).hasSize(30).allMatch(Tool::readOnly);
        assertThat(out.plan().leftOut()).hasSize(470).allMatch(s -> s.endsWith("beyond the best 30 (options.maxOperations)"));
        assertThat(out.artifacts().get(GoogleAgentGenerator.DEPLOYMENT)).contains("## Operations not made into tools");
    }

    @Test
    void hostileTextInADocumentStaysInsideStringsCommentsAndSpeech() throws Exception {
        Files.writeString(dir.resolve("api.json"), """
                {"openapi": "3.0.3", "info": {"title": "Evil \\"API\\" <script>", "version": "1", "description": "Uses {state} & */ tricks"},
                 "paths": {"/a/{class}": {"post": {"operationId": "new", "summary": "Ends a comment */ and \\"quotes\\" \\\\u0022 {{mustache}}",
                   "parameters": [{"name": "class", "in": "path", "required": true, "schema": {"type": "string"}},
                                  {"name": "x-y z", "in": "query", "schema": {"type": "integer"}}],
                   "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"if": {"type": "boolean"}, "1st": {"type": "string"}}}}}},
                   "responses": {"200": {"description": "ok"}}}}}}
                """);
        var out = Generate.run(dir, AgentOptions.DEFAULT);
        assertThat(out.problems()).isEmpty();
        var tool = out.plan().tools().get(0);
        assertThat(tool.name()).isEqualTo("newValue");
        assertThat(tool.inputs()).extracting(i -> i.name()).containsExactly("classValue", "xYZ", "ifValue", "n1st");
        String tools = out.project().get("adk-java/src/main/java/agent/ApiTools.java");
        assertThat(tools).contains("/** POST /a/{class}: Ends a comment * / and").contains("description = \"Ends a comment */ and \\\"quotes\\\" \\\\u0022 { {mustache} }.");
        var conversation = Json.tree(out.artifacts().get(GoogleAgentGenerator.CONVERSATION));
        assertThat(conversation.toString()).doesNotContain("<script>");
        assertThat(out.project().get("adk-java/src/main/resources/instruction.md")).doesNotContain("{").doesNotContain("}");
    }
}
