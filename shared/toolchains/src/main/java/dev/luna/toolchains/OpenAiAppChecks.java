package dev.luna.toolchains;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI app type's checkers (package set {@code shared/toolchains/openai}, see VALIDATORS.md "OpenAI app"):
 * {@link #actions} runs {@code @redocly/cli lint} and {@code @apidevtools/swagger-parser} on a GPT Actions schema;
 * {@link #mcpServer} installs a generated MCP server ({@code npm ci --prefer-offline}), type-checks it
 * ({@code tsc --noEmit}), builds it, and drives it with a real {@code @modelcontextprotocol/sdk} client over stdio
 * against a local stub upstream: list tools, read the {@code text/html+skybridge} resources, call every tool.
 */
public final class OpenAiAppChecks {
    private static final String SET = "openai";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private OpenAiAppChecks() {
    }

    /** Redocly lint and swagger-parser validation of {@code actionsJson}; {@code OK:}/{@code INVALID:} lines. */
    public static ToolRun actions(Path actionsJson) {
        var set = set();
        return set.runScript(actionsJson.toAbsolutePath().getParent(), Duration.ofMinutes(2), "bin/actions-check.mjs",
                List.of(actionsJson.toAbsolutePath().toString()));
    }

    /**
     * The MCP server in {@code dir} (its package.json and package-lock.json): npm ci, tsc --noEmit, build, then the MCP
     * client check. Returns the runs in order; stops at the first that fails. The last run's output has {@code TOOL:},
     * {@code CALLED:}, {@code OK:} and {@code INVALID:} lines.
     */
    public static List<ToolRun> mcpServer(Path dir) {
        var set = set();
        var node = set.node().toString();
        var runs = new ArrayList<ToolRun>();
        String npmAction = Files.isDirectory(dir.resolve("node_modules")) ? "install" : "ci";
        runs.add(set.run(dir, TIMEOUT, List.of("npm", npmAction, "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")));
        if (last(runs).exitCode() != 0) return runs;
        var tsc = dir.resolve("node_modules/typescript/bin/tsc").toString();
        runs.add(set.run(dir, TIMEOUT, List.of(node, tsc, "--noEmit", "-p", "tsconfig.json")));
        if (last(runs).exitCode() != 0) return runs;
        runs.add(set.run(dir, TIMEOUT, List.of(node, tsc, "-p", "tsconfig.json")));
        if (last(runs).exitCode() != 0) return runs;
        runs.add(set.runScript(dir, Duration.ofMinutes(3), "bin/mcp-check.mjs", List.of(dir.toAbsolutePath().toString())));
        return runs;
    }

    /**
     * The package set, with the base set installed first: {@code NodeToolchain.get(name)} looks the base set up inside
     * its own {@code computeIfAbsent}, which a ConcurrentHashMap refuses ("Recursive update") unless the base is already there.
     */
    private static NodeToolchain set() {
        NodeToolchain.get();
        return NodeToolchain.get(SET);
    }

    private static ToolRun last(List<ToolRun> runs) {
        return runs.getLast();
    }
}
