package dev.luna.workers.openaiapp;


import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The target ecosystem's own tools on the fixtures' output: Redocly and swagger-parser accept openapi.actions.json; the
 * MCP server installs from its lockfile, passes tsc --noEmit, builds, starts over stdio, and a real MCP SDK client
 * lists every tool, reads the UI resources and calls every tool against a stub upstream.
 */
class ToolchainChecksTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"spring-shop", "express-swagger"})
    void theActionsSchemaAndTheMcpServerPassTheirEcosystemsTools(String fixture) throws Exception {
        var options = new AppOptions("https://api.example.com", java.util.List.of(), java.util.List.of(), java.util.List.of(), "apiKey", null, 30);
        var app = Runs.fixture(fixture, dir.resolve("src"), options);
        var out = Runs.write(app.project(), dir.resolve("out"));
        Checks.assertValid(app, out);
    }
}
