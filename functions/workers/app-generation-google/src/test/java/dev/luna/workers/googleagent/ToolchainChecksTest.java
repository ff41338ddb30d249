package dev.luna.workers.googleagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.toolchains.GoogleAgentChecks;
import dev.luna.workers.googleagent.plan.AgentOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The target ecosystem's own tools on what is generated: the card validates (ajv against the schema transcribed from
 * {@code @a2a-js/sdk}, and the SDK picks a transport for it), the ADK project builds and its tests pass with Maven
 * (fake model), its A2A server starts and the SDK's real client round-trips a message with it.
 */
class ToolchainChecksTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"spring-shop", "express-todo"})
    void cardValidatesProjectBuildsAndARealA2aClientTalksToIt(String fixture) {
        var out = Generate.run(Generate.FIXTURES.resolve(fixture), AgentOptions.DEFAULT);
        var root = Generate.write(out, dir.resolve(fixture));
        assertThat(GoogleAgentChecks.agentCards(List.of(root.resolve(GoogleAgentGenerator.CARD)))).isEmpty();
        var project = root.resolve("adk-java");
        assertThat(GoogleAgentChecks.mavenTest(project)).isEmpty();
        assertThat(project.resolve("target/surefire-reports/TEST-agent.ApiAgentTest.xml")).content().contains("tests=\"3\"").contains("failures=\"0\"");
        var log = new ArrayList<String>();
        assertThat(GoogleAgentChecks.a2aRoundTrip(project, "What can you do?", log)).isEmpty();
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("message/send task").contains("TASK_STATE_COMPLETED").contains("What can you do?"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("tasks/get"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("message/stream events task,statusUpdate,artifactUpdate,statusUpdate"));
    }

    @Test
    void hostileNamesAndTextStillCompileAndPassTheGeneratedTests() throws Exception {
        var source = dir.resolve("hostile");
        Files.createDirectories(source);
        Files.writeString(source.resolve("api.json"), """
                {"openapi": "3.0.3", "info": {"title": "Evil \\"API\\" <script>", "version": "1", "description": "Uses {state} & */ tricks"},
                 "paths": {"/a/{class}": {"post": {"operationId": "new", "summary": "Ends a comment */ and \\"quotes\\" \\\\u0022 {{mustache}}",
                   "parameters": [{"name": "class", "in": "path", "required": true, "schema": {"type": "string"}},
                                  {"name": "x-y z", "in": "query", "schema": {"type": "integer"}}],
                   "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"if": {"type": "boolean"}, "1st": {"type": "string"}}}}}},
                   "responses": {"200": {"description": "ok"}}}}}}
                """);
        var root = Generate.write(Generate.run(source, AgentOptions.DEFAULT), dir.resolve("out"));
        assertThat(GoogleAgentChecks.agentCards(List.of(root.resolve(GoogleAgentGenerator.CARD)))).isEmpty();
        assertThat(GoogleAgentChecks.mavenTest(root.resolve("adk-java"))).isEmpty();
    }

    @Test
    void theModulesCardSchemaIsTheToolchainsOne() throws Exception {
        var toolchainCopy = Path.of(System.getProperty("luna.root", "../../..")).resolve("shared/toolchains/google/schema/agent-card.schema.json");
        assertThat(Files.readString(Path.of("src/main/resources/schemas/agent-card.schema.json"))).isEqualTo(Files.readString(toolchainCopy));
    }
}
