package dev.luna.workers.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.zip.ZipFile;

/**
 * Benchmark (not a test): the worker's analyse + generate steps, as the task runs them, on each project given (a
 * directory or a sources jar, unpacked first), several rounds; prints files, components, cold and p95 wall time.
 * With {@code -Dout=<dir>} the last round's artifacts are written there for inspection.
 * Usage: DesignBench rounds project...
 */
public final class DesignBench {
    private DesignBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        for (int a = 1; a < args.length; a++) {
            Path project = prepare(Path.of(args[a]));
            var times = new ArrayList<Long>();
            Runs.Run last = null;
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                last = Runs.run(project, "Split the monolith", DesignOptions.DEFAULT);
                times.add((System.nanoTime() - start) / 1_000_000);
                if (!last.generated().problems().isEmpty()) throw new IllegalStateException("self-check failed: " + last.generated().problems());
            }
            long cold = times.getFirst();
            var sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            long p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.95 * sorted.size()) - 1));
            var m = last.model();
            System.out.printf("%s: %d files, %d components, %d dependencies, %d cycles, %d layer violations, %d external systems, %d endpoints; "
                            + "%d rounds: cold %d ms, p95 %d ms, all %s%n", Path.of(args[a]).getFileName(), last.project().files().size(),
                    m.components().size(), m.edges().size(), m.cycles().size(), m.violations().size(), m.externals().size(),
                    last.project().endpoints().size(), rounds, cold, p95, times);
            String out = System.getProperty("out");
            if (out != null) Runs.write(last.generated(), Path.of(out).resolve(Path.of(args[a]).getFileName().toString()));
        }
    }

    private static Path prepare(Path path) throws IOException {
        if (Files.isDirectory(path)) return path;
        Path dir = Files.createTempDirectory("design-bench");
        try (var zip = new ZipFile(path.toFile())) {
            for (var e : Collections.list(zip.entries())) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir) || e.isDirectory()) continue;
                Files.createDirectories(target.getParent());
                try (var in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }
}
