package dev.luna.toolchains;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Expo type's checkers (package set {@code shared/toolchains/expo}, the pinned Expo SDK 57 working set of
 * VALIDATORS.md §Expo) on a generated app in {@code dir}:
 * <ol>
 *   <li>dependencies: the app's node_modules is the pinned set's, symlinked, when its lockfile locks exactly the pinned
 *       set's versions (checked package by package, so {@code npm ci} from it gives the same tree), else {@code npm ci};</li>
 *   <li>{@code bin/expo-check.mjs}: declared ranges intersect {@code bundledNativeModules.json} (semver), the lockfile
 *       is the pinned set, every route file under {@code app/} has a default export (TypeScript AST);</li>
 *   <li>{@code tsc --noEmit} (tsconfig extends {@code expo/tsconfig.base});</li>
 *   <li>{@code expo config --json --type public} resolves (offline);</li>
 *   <li>{@code jest} runs the app's tests (the API client's).</li>
 * </ol>
 */
public final class ExpoChecks {
    private static final String SET = "expo";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Map<String, String> ENV = Map.of("EXPO_OFFLINE", "1", "EXPO_NO_TELEMETRY", "1", "CI", "1", "EXPO_NO_DOTENV", "1");

    /**
     * What the checks found.
     *
     * @param runs     every tool run, in order
     * @param problems {@code INVALID} lines and failed runs; empty when the app passed
     * @param millis   wall time of each step by name
     */
    public record Report(List<ToolRun> runs, List<String> problems, Map<String, Long> millis) {
    }

    private ExpoChecks() {
    }

    public static Report app(Path dir) {
        var set = set();
        var node = set.node().toString();
        var runs = new ArrayList<ToolRun>();
        var problems = new ArrayList<String>();
        var millis = new java.util.LinkedHashMap<String, Long>();
        long t = System.nanoTime();
        var check = set.runScript(dir, TIMEOUT, "bin/expo-check.mjs", List.of(dir.toAbsolutePath().toString()));
        runs.add(check);
        problems.addAll(check.linesStartingWith("INVALID:"));
        if (check.exitCode() != 0 && problems.isEmpty()) problems.add("expo-check failed (exit " + check.exitCode() + "): " + check.output());
        millis.put("expo-check", (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        var modules = dir.resolve("node_modules");
        try {
            if (problems.isEmpty() && !Files.exists(modules)) {
                Files.createSymbolicLink(modules, set.home().resolve("node_modules"));
            } else if (!Files.exists(modules)) {
                var npm = set.run(dir, Duration.ofMinutes(10), List.of("npm", "ci", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund",
                        "--loglevel=error"));
                runs.add(npm);
                if (npm.exitCode() != 0) {
                    problems.add("npm ci failed: " + npm.output());
                    return new Report(runs, problems, millis);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        millis.put("dependencies", (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        var tsc = set.run(dir, TIMEOUT, List.of(node, modules.resolve("typescript/bin/tsc").toString(), "--noEmit", "--pretty", "false", "-p", "tsconfig.json"));
        runs.add(tsc);
        var tsErrors = tsc.output().lines().filter(l -> l.contains("error TS")).toList();
        problems.addAll(tsErrors);
        if (tsc.exitCode() != 0 && tsErrors.isEmpty()) problems.add("tsc failed (exit " + tsc.exitCode() + "): " + tsc.output());
        millis.put("tsc", (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        var config = set.run(dir, TIMEOUT, List.of(node, modules.resolve("expo/bin/cli").toString(), "config", "--json", "--type", "public"), ENV);
        runs.add(config);
        if (config.exitCode() != 0 || !config.output().contains("\"slug\"")) problems.add("expo config failed (exit " + config.exitCode() + "): " + config.output());
        millis.put("expo-config", (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        var jest = set.run(dir, TIMEOUT, List.of(node, modules.resolve("jest/bin/jest.js").toString(), "--ci", "--silent"), ENV);
        runs.add(jest);
        if (jest.exitCode() != 0) problems.add("jest failed (exit " + jest.exitCode() + "): " + jest.output());
        millis.put("jest", (System.nanoTime() - t) / 1_000_000);
        return new Report(runs, problems, millis);
    }

    /**
     * {@code tsc --noEmit -p dir} against the pinned set's React Native and Expo types (its node_modules symlinked into
     * {@code dir} when it has none): for React Native sources that are not a generated app, e.g. an audited app after
     * {@code hig.patch}. One problem per {@code error TS…} line.
     */
    public static List<String> typecheck(Path dir) {
        var set = set();
        var modules = dir.resolve("node_modules");
        try {
            if (!Files.exists(modules, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(modules, set.home().resolve("node_modules"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var tsc = set.run(dir, TIMEOUT, List.of(set.node().toString(), modules.resolve("typescript/bin/tsc").toString(), "--noEmit", "--pretty", "false",
                "-p", "tsconfig.json"));
        var errors = tsc.output().lines().filter(l -> l.contains("error TS")).toList();
        if (tsc.exitCode() != 0 && errors.isEmpty()) return List.of("tsc failed (exit " + tsc.exitCode() + "): " + tsc.output());
        return errors;
    }

    /** The base set first (see {@link OpenAiAppChecks}), then the Expo set. */
    private static NodeToolchain set() {
        NodeToolchain.get();
        return NodeToolchain.get(SET);
    }
}
