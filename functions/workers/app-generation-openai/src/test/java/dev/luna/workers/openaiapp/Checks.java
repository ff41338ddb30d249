package dev.luna.workers.openaiapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.apispec.ApiOperation;
import dev.luna.toolchains.OpenAiAppChecks;
import java.nio.file.Path;

/** Runs the OpenAI app checkers on generated output written to {@code out} and asserts that everything passed. */
final class Checks {
    private Checks() {
    }

    static void assertValid(GeneratedApp app, Path out) {
        var actions = OpenAiAppChecks.actions(out.resolve(AppGenerator.ACTIONS));
        assertThat(actions.linesStartingWith("INVALID:")).as(actions.output()).isEmpty();
        assertThat(actions.linesStartingWith("OK:")).containsExactly("redocly", "swagger-parser");
        var runs = OpenAiAppChecks.mcpServer(out.resolve("mcp-server"));
        for (var run : runs) assertThat(run.exitCode()).as(String.join(" ", run.command()) + "\n" + run.output()).isZero();
        assertThat(runs).hasSize(4);
        var client = runs.getLast();
        assertThat(client.linesStartingWith("TOOL:")).containsExactlyInAnyOrderElementsOf(app.choice().chosen().stream().map(ApiOperation::operationId).toList());
        assertThat(client.linesStartingWith("CALLED:")).hasSize(app.choice().chosen().size());
        assertThat(client.linesStartingWith("OK:")).contains("resource ui://widget/list.html", "resource ui://widget/detail.html");
    }
}
