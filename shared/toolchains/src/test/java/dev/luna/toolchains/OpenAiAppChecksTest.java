package dev.luna.toolchains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redocly and swagger-parser pass a valid GPT Actions schema and name what is wrong in a broken one; npm ci refuses a server without a lockfile. */
class OpenAiAppChecksTest {
    @TempDir
    Path dir;

    @Test
    void aValidActionsSchemaPassesBothValidators() throws Exception {
        var file = Files.writeString(dir.resolve("good.json"), """
                {"openapi": "3.1.0", "info": {"title": "Pets", "version": "1.0.0", "description": "Pets"},
                 "servers": [{"url": "https://api.example.com"}], "security": [],
                 "paths": {"/pets": {"get": {"operationId": "listPets", "summary": "List pets", "description": "Lists pets.",
                   "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}}}}}}}}},
                 "components": {"schemas": {"Pet": {"type": "object", "properties": {"id": {"type": ["integer", "null"]}}}}}}
                """);
        var run = OpenAiAppChecks.actions(file);
        assertThat(run.linesStartingWith("INVALID:")).isEmpty();
        assertThat(run.linesStartingWith("OK:")).containsExactly("redocly", "swagger-parser");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aSchemaWithoutServersOperationIdOrResolvableRefsIsInvalid() throws Exception {
        var file = Files.writeString(dir.resolve("bad.json"), """
                {"openapi": "3.1.0", "info": {"title": "Pets", "version": "1.0.0"},
                 "paths": {"/pets": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}}}}}}}
                """);
        var run = OpenAiAppChecks.actions(file);
        assertThat(run.exitCode()).isEqualTo(1);
        var invalid = String.join("\n", run.linesStartingWith("INVALID:"));
        assertThat(invalid).contains("no-empty-servers").contains("operation-operationId").contains("swagger-parser");
    }

    @Test
    void anMcpServerWithoutALockfileStopsAtNpmCi() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\", \"dependencies\": {\"zod\": \"4.6.7\"}}");
        var runs = OpenAiAppChecks.mcpServer(dir);
        assertThat(runs).hasSize(1);
        assertThat(runs.getFirst().exitCode()).isNotZero();
    }
}
