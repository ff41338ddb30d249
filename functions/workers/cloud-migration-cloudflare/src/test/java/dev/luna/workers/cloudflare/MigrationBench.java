package dev.luna.workers.cloudflare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The type's analysis + generation time on a directory, as the worker runs it after its checkout (project model,
 * inventory, plan, cost, Worker project, the checks, migration.json/.md, project.zip): cold, then warm rounds, with the
 * p95. {@code scripts/bench/cloud-migration-cloudflare} runs it on a ~50-file and a ~2,000-file project.
 * Usage: MigrationBench dir [rounds] [--print]
 */
public final class MigrationBench {
    private MigrationBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/") && !p.contains("node_modules/") && !p.contains("target/")).sorted().toList();
        }
        var times = new ArrayList<Long>();
        Runs.Run last = null;
        for (int i = 0; i <= rounds; i++) {
            long start = System.nanoTime();
            last = Runs.run(root, files, MigrationOptions.defaults());
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i > 0) times.add(ms);
            else System.out.printf(Locale.ROOT, "%s: %d files, cold %d ms%n", root.getFileName(), files.size(), ms);
        }
        var sorted = times.stream().sorted().toList();
        long p95 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
        var inv = last.report().inventory();
        System.out.printf(Locale.ROOT, "%s: warm rounds %d, median %d ms, p95 %d ms; %d routes, %d items, %d tables, project %d files (%d bytes zipped), checks %s%n",
                root.getFileName(), rounds, sorted.get(sorted.size() / 2), p95, inv.routes().size(), inv.items().size(), inv.tables().size(),
                last.report().files().size(), last.zip().length, last.problems().isEmpty() ? "passed" : last.problems());
        if (List.of(args).contains("--print")) System.out.println(last.markdown());
    }
}
