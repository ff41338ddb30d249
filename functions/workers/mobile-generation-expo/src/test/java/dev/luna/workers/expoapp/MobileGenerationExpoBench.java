package dev.luna.workers.expoapp;

import dev.luna.codebase.Codebase;
import dev.luna.toolchains.ExpoChecks;
import dev.luna.workers.kit.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The type's time on a directory, as the worker runs it after its checkout (project model, API, plan, every file of
 * the app, the Java checks, project.zip): cold, then warm rounds, with the median and p95; then, once, the Expo
 * validators on the last app (expo-check, tsc, expo config, jest; npm install excluded: the pinned node_modules is
 * symlinked). {@code scripts/bench/mobile-generation-expo} runs it. Usage: dir [rounds]
 */
public final class MobileGenerationExpoBench {
    private MobileGenerationExpoBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> files = files(root);
        var options = ExpoOptions.defaults().with("tabs", true, true, "tanstack-query");
        var times = new ArrayList<Long>();
        String summary = "";
        ExpoGenerator.Output last = null;
        long analyseMs = 0;
        for (int i = 0; i <= rounds; i++) {
            long start = System.nanoTime();
            var model = new Codebase().analyse(root, files, () -> false);
            analyseMs = (System.nanoTime() - start) / 1_000_000;
            var api = ExpoGenerator.api(model, root);
            last = ExpoGenerator.generate(api, root, options);
            int zip = Zips.of(last.files()).length;
            long ms = (System.nanoTime() - start) / 1_000_000;
            summary = api.source() + " API, " + last.plan().calls().size() + " operations, " + last.plan().resources().size() + " resources, "
                    + last.files().size() + " files, project.zip " + zip + " bytes; last round: project model " + analyseMs + " ms, API + app "
                    + (ms - analyseMs) + " ms";
            if (i > 0) times.add(ms);
            else System.out.printf(Locale.ROOT, "%s: %d files, cold %d ms%n", root.getFileName(), files.size(), ms);
        }
        var sorted = times.stream().sorted().toList();
        long p95 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf(Locale.ROOT, "%s: warm rounds %d, median %d ms, p95 %d ms; %s%n", root.getFileName(), rounds, sorted.get(sorted.size() / 2), p95, summary);
        var dir = Files.createTempDirectory("luna-expo-bench");
        long start = System.nanoTime();
        var report = ExpoChecks.app(Generate.write(last, dir.resolve("app")));
        System.out.printf(Locale.ROOT, "%s: validators %d ms %s, %s%n", root.getFileName(), (System.nanoTime() - start) / 1_000_000, report.millis(),
                report.problems().isEmpty() ? "passed" : "PROBLEMS " + report.problems());
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("/node_modules/") && !p.startsWith("node_modules/") && !p.contains("target/"))
                    .sorted().toList();
        }
    }
}
