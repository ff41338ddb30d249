package dev.luna.workers.requirements;

import dev.luna.codebase.secrets.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.zip.ZipFile;

/**
 * Benchmark (not a test; {@code scripts/bench/requirements-generation}): the whole deterministic run as the worker does
 * it (analyse, plan, render, check every output) on a directory or a sources jar, a few rounds, printing each round,
 * the median and p95 wall time. Text files only, as a checkout selects them. {@code -Dbench.out=<dir>} also writes the
 * artifacts there, to read them.
 */
public final class RequirementsBench {
    private RequirementsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Files.isDirectory(source) ? source : unzip(source);
        var files = new ArrayList<String>();
        for (String f : Fixture.files(root)) if (!f.startsWith(".git/") && text(root.resolve(f))) files.add(f);
        var times = new long[rounds];
        Outputs out = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            var generator = new Generator(Masks.of(new SecretScanner()));
            var evidence = generator.analyse(root, files, () -> false);
            var doc = generator.plan(evidence, RequirementsOptions.DEFAULT, true);
            out = Outputs.render(doc, null, evidence.links());
            times[i] = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("round %d: %d ms%n", i + 1, times[i]);
        }
        String dump = System.getProperty("bench.out");
        if (dump != null) {
            Path dir = Files.createDirectories(Path.of(dump));
            Files.write(dir.resolve("requirements.md"), out.markdownBytes());
            Files.write(dir.resolve("requirements.json"), out.jsonBytes());
            for (var f : out.features().entrySet()) {
                Files.createDirectories(dir.resolve(f.getKey()).getParent());
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
        }
        var sorted = times.clone();
        Arrays.sort(sorted);
        int p95 = (int) Math.ceil(0.95 * rounds) - 1;
        System.out.printf("%s: %d files; median %d ms, p95 %d ms; %s; problems %s%n", source.getFileName(), files.size(), sorted[rounds / 2],
                sorted[p95], out.json().get("summary"), out.problems());
    }

    private static boolean text(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) if (b == 0) return false;
            return true;
        }
    }

    private static Path unzip(Path jar) throws IOException {
        Path dir = Files.createTempDirectory("requirements-bench");
        try (var zip = new ZipFile(jar.toFile())) {
            for (var e : zip.stream().toList()) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir) || e.isDirectory() || e.getName().startsWith("META-INF/")) continue;
                Files.createDirectories(target.getParent());
                try (var in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }

}
