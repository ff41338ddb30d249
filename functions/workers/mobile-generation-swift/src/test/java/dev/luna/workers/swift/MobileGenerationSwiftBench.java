package dev.luna.workers.swift;

import dev.luna.codebase.Codebase;
import dev.luna.toolchains.SwiftChecks;
import dev.luna.workers.kit.Zips;
import dev.luna.workers.swift.plan.SwiftOptions;
import dev.luna.workers.swift.render.SwiftProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The type's time on a directory, as the worker runs it after its checkout (project model, API, plan, every file, the
 * Java-side checks, project.zip): cold, then warm rounds, with the p95; then the validators' time on the last output
 * (tree-sitter-swift parse, XcodeGen spec and HIG lint under Node 22, {@link SwiftChecks#project}), cold and warm.
 * {@code scripts/bench/mobile-generation-swift} runs it. Usage: dir [rounds]
 */
public final class MobileGenerationSwiftBench {
    private MobileGenerationSwiftBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> files = files(root);
        var generator = new SwiftGenerator();
        var options = SwiftOptions.of(dev.luna.core.Json.tree("{\"platforms\": [\"ios\", \"ipados\", \"macOS\"]}"));
        var times = new ArrayList<Long>();
        String summary = "";
        SwiftGenerator.Output last = null;
        for (int i = 0; i <= rounds; i++) {
            long start = System.nanoTime();
            var model = new Codebase().analyse(root, files, () -> false);
            long analyseMs = (System.nanoTime() - start) / 1_000_000;
            var plan = generator.plan(root, model, options);
            last = generator.render(plan);
            int zip = Zips.of(SwiftProject.bytes(last.project())).length;
            long ms = (System.nanoTime() - start) / 1_000_000;
            summary = plan.origin() + " API, " + plan.endpoints().size() + " endpoints, " + plan.resources().size() + " resources, "
                    + last.project().size() + " files, project.zip " + zip + " bytes, checks " + (last.problems().isEmpty() ? "passed" : last.problems())
                    + "; last round: project model " + analyseMs + " ms, API + generation + checks " + (ms - analyseMs) + " ms";
            if (i > 0) times.add(ms);
            else System.out.printf(Locale.ROOT, "%s: %d files, cold %d ms%n", root.getFileName(), files.size(), ms);
        }
        var sorted = times.stream().sorted().toList();
        long p95 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf(Locale.ROOT, "%s: warm rounds %d, median %d ms, p95 %d ms; %s%n", root.getFileName(), rounds, sorted.get(sorted.size() / 2), p95, summary);

        Path out = Files.createTempDirectory("luna-swift-bench");
        Generate.write(last, out);
        for (String round : List.of("cold", "warm", "warm")) {
            long start = System.nanoTime();
            var problems = SwiftChecks.project(out);
            System.out.printf(Locale.ROOT, "validators (%s): %d ms, %s%n", round, (System.nanoTime() - start) / 1_000_000,
                    problems.isEmpty() ? "passed" : problems.size() + " problems: " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("/node_modules/") && !p.startsWith("node_modules/") && !p.contains("target/"))
                    .sorted().toList();
        }
    }
}
