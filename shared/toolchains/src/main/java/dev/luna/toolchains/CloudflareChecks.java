package dev.luna.toolchains;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Cloudflare's own tools on a generated Worker project (the package set {@code shared/toolchains/cloudflare}: wrangler
 * 4.164.0, @cloudflare/workers-types 5.20261117.1, typescript 5.9.3, run with the base set's Node 22): {@code tsc --noEmit}
 * with the workers types, {@code wrangler d1 migrations apply --local} for each D1 database, then the Worker started in
 * workerd ({@code unstable_startWorker}, bindings emulated, ORIGIN_URL pointed at a stub origin answering 200) and every
 * request of its {@code smoke.json} checked for its expected status. Offline once the set is installed; telemetry off.
 */
public final class CloudflareChecks {
    static final String SET = "cloudflare";
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private CloudflareChecks() {
    }

    /** The problems found in {@code projectDir} (empty when it type-checks, migrates, starts and answers every smoke request). */
    public static List<String> check(Path projectDir) {
        var run = run(projectDir);
        var invalid = run.linesStartingWith("INVALID:");
        if (run.exitCode() != 0 && invalid.isEmpty()) return List.of("the Cloudflare check failed (exit " + run.exitCode() + "): " + run.output());
        return invalid;
    }

    /** The whole run, with its {@code OK:} lines (for tests that count what was checked). */
    public static ToolRun run(Path projectDir) {
        var toolchain = NodeToolchain.get(SET);
        return toolchain.runScript(projectDir, TIMEOUT, "bin/check.mjs", List.of(projectDir.toAbsolutePath().toString()));
    }
}
