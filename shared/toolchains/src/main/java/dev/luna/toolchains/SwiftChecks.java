package dev.luna.toolchains;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SwiftUI checks without a Swift compiler (package set {@code shared/toolchains/swift}: web-tree-sitter 0.27.1 with
 * tree-sitter-swift.wasm from {@code @repomix/tree-sitter-wasms} 0.1.17, yaml 2.9.1, run with the base set's Node 22):
 * every {@code .swift} file parses with the real Swift grammar with no ERROR or missing node, {@code project.yml}
 * follows XcodeGen's spec (name, a targets map, product types, platforms, sources that exist, declared packages), and
 * the HIG lint on the syntax tree (hard-coded font sizes, RGB literals outside a colour extension, icon-only controls
 * without a label, tappable frames under 44 pt) finds nothing.
 */
public final class SwiftChecks {
    static final String SET = "swift";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private SwiftChecks() {
    }

    /** The problems of a generated project directory as {@code file:line: message}; empty means it passed. */
    public static List<String> project(Path dir) {
        var toolchain = NodeToolchain.get(SET);
        var run = toolchain.runScript(toolchain.home(), TIMEOUT, "bin/swift-check.mjs", List.of("project", dir.toAbsolutePath().toString()));
        var problems = run.linesStartingWith("INVALID:");
        if (run.exitCode() != 0 && problems.isEmpty()) return List.of("swift-check failed (exit " + run.exitCode() + "): " + run.output());
        if (run.linesStartingWith("OK:").isEmpty()) return List.of("swift-check did not finish: " + run.output());
        return problems;
    }

    /**
     * The tree-based HIG lint's findings in the given files, as {@code <file>:<line>: <rule>} (absolute paths), plus
     * {@code INVALID: …} entries for files that do not parse.
     */
    public static List<String> lint(List<Path> files) {
        if (files.isEmpty()) throw new IllegalArgumentException("no files to lint");
        var toolchain = NodeToolchain.get(SET);
        var args = new ArrayList<String>(List.of("lint"));
        files.forEach(f -> args.add(f.toAbsolutePath().toString()));
        var run = toolchain.runScript(toolchain.home(), TIMEOUT, "bin/swift-check.mjs", args);
        if (run.exitCode() != 0) return List.of("INVALID: swift-check failed (exit " + run.exitCode() + "): " + run.output());
        var out = new ArrayList<String>(run.linesStartingWith("FINDING:"));
        run.linesStartingWith("INVALID:").forEach(p -> out.add("INVALID: " + p));
        return out;
    }
}
