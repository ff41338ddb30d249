package dev.luna.workers.aiintegration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The type's time on a directory, as the worker runs it after its checkout (project model, opportunities, patch,
 * report): cold, then warm rounds, with the p95. {@code scripts/bench/ai-integration} runs it on a ~50-file and a
 * ~2,000-file project. Usage: AiIntegrationBench dir [rounds] [--print] [--patch file]
 */
public final class AiIntegrationBench {
    private AiIntegrationBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean print = List.of(args).contains("--print");
        List<String> files = files(root);
        var times = new ArrayList<Long>();
        Runs.Run last = null;
        for (int i = 0; i <= rounds; i++) {
            long start = System.nanoTime();
            last = Runs.run(root, files, IntegrationOptions.defaults());
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i > 0) times.add(ms);
            else System.out.printf(Locale.ROOT, "%s: %d files, cold %d ms%n", root.getFileName(), files.size(), ms);
        }
        var sorted = times.stream().sorted().toList();
        long p95 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf(Locale.ROOT, "%s: warm rounds %d, median %d ms, p95 %d ms; %d opportunities, patch %d bytes (%d files), checks %s%n",
                root.getFileName(), rounds, sorted.get(sorted.size() / 2), p95, last.report().opportunities().size(), last.patch().length,
                last.report().files().size(), last.problems().isEmpty() ? "passed" : last.problems());
        if (print) System.out.println(last.markdown());
        int patchAt = List.of(args).indexOf("--patch");
        if (patchAt >= 0) Files.write(Path.of(args[patchAt + 1]), last.patch());
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("/node_modules/") && !p.startsWith("node_modules/") && !p.contains("target/"))
                    .sorted().toList();
        }
    }
}
