package dev.luna.toolchains;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The target ecosystems' own checkers, run by tests on what Luna generates ({@code ../shared/VALIDATORS.md} pins them).
 * Each answers the problems it found as {@code file:line: message} strings; an empty list means the output passed.
 * The toolchain installs itself on first use (see {@link NodeToolchain}).
 */
public final class Toolchains {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Toolchains() {
    }

    /** The Node 22 binary of the pinned toolchain. */
    public static Path node() {
        return NodeToolchain.get().node();
    }

    /**
     * Parses each Mermaid file with mermaid 12's own parser ({@code mermaid.parse}) under jsdom; in a {@code .md} file
     * every {@code ```mermaid} block is parsed. One problem per diagram that does not parse.
     */
    public static List<String> mermaid(List<Path> files) {
        if (files.isEmpty()) throw new IllegalArgumentException("no Mermaid files to check");
        var toolchain = NodeToolchain.get();
        var command = new ArrayList<>(List.of(toolchain.node().toString(), toolchain.home().resolve("bin/mermaid-check.mjs").toString()));
        for (var f : files) command.add(f.toAbsolutePath().toString());
        var run = toolchain.run(toolchain.home(), TIMEOUT, command);
        var problems = run.linesStartingWith("INVALID:");
        if (run.exitCode() != 0 && problems.isEmpty()) return List.of("mermaid-check failed (exit " + run.exitCode() + "): " + run.output());
        if (run.linesStartingWith("OK:").size() + problems.size() == 0) return List.of("no Mermaid diagram found in " + files);
        return problems;
    }

    /**
     * Type-checks a TypeScript project with {@code tsc --noEmit -p projectDir} (TypeScript 5.9); {@code projectDir} needs a
     * tsconfig.json. Type declarations ({@code @types/node}) come from the toolchain when the project has none of its own.
     * One problem per {@code error TS…} line.
     */
    public static List<String> typescript(Path projectDir) {
        if (!Files.isRegularFile(projectDir.resolve("tsconfig.json"))) throw new IllegalArgumentException("no tsconfig.json in " + projectDir);
        var toolchain = NodeToolchain.get();
        var command = new ArrayList<>(List.of(toolchain.node().toString(), toolchain.home().resolve("node_modules/typescript/bin/tsc").toString(),
                "--noEmit", "--pretty", "false", "-p", projectDir.toAbsolutePath().toString()));
        if (!Files.isDirectory(projectDir.resolve("node_modules/@types"))) {
            command.addAll(List.of("--typeRoots", toolchain.home().resolve("node_modules/@types").toString()));
        }
        var run = toolchain.run(projectDir, TIMEOUT, command);
        var problems = run.output().lines().filter(l -> l.contains("error TS")).toList();
        if (run.exitCode() != 0 && problems.isEmpty()) return List.of("tsc failed (exit " + run.exitCode() + "): " + run.output());
        return problems;
    }
}
