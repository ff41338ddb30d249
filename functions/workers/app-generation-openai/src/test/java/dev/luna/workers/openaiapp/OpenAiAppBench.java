package dev.luna.workers.openaiapp;

import dev.luna.workers.kit.Zips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The type's time on a directory, as the worker runs it after its checkout (project model, API, choice, artifacts,
 * the Java-side schema check, project.zip): cold, then warm rounds, with the p95. {@code scripts/bench/app-generation-openai}
 * runs it on a ~50-file and a ~2,000-file project. Usage: OpenAiAppBench dir [rounds] [--out dir]
 */
public final class OpenAiAppBench {
    private OpenAiAppBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var files = Runs.files(root);
        var times = new ArrayList<Long>();
        GeneratedApp last = null;
        int zip = 0;
        for (int i = 0; i <= rounds; i++) {
            long start = System.nanoTime();
            last = Runs.generate(root, AppOptions.defaults());
            zip = last.project().isEmpty() ? 0 : Zips.of(last.project()).length;
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i > 0) times.add(ms);
            else System.out.printf(Locale.ROOT, "%s: %d files, cold %d ms%n", root.getFileName(), files.size(), ms);
        }
        var sorted = times.stream().sorted().toList();
        long p95 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf(Locale.ROOT, "%s: warm rounds %d, median %d ms, p95 %d ms; API from %s, %d operations, %d offered, project.zip %d bytes%n",
                root.getFileName(), rounds, sorted.get(sorted.size() / 2), p95, last.api().source(), last.api().operations().size(),
                last.choice().chosen().size(), zip);
        int outAt = List.of(args).indexOf("--out");
        if (outAt >= 0) Runs.write(last.project(), Files.createDirectories(Path.of(args[outAt + 1])));
    }
}
