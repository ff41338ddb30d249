package dev.luna.workers.codeanalysis;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.core.Json;
import dev.luna.sources.Checkout;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.ZipFile;

/**
 * Throughput of code-analysis with every analyser (security, quality, secrets, dependencies, metrics) on a real sources
 * jar, exactly as the worker runs them (not a test; run by {@code scripts/bench/analysis}): lines per minute of wall and
 * of CPU time, cold and warm, findings per analyser, and the heap. Usage: AnalysisBench &lt;sources.jar&gt; [rounds]
 */
public final class AnalysisBench {
    private AnalysisBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path root = Files.createTempDirectory("analysis-bench");
        var files = new ArrayList<String>();
        long lines = 0;
        try (var zip = new ZipFile(jar.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                if (e.isDirectory() || e.getName().startsWith("META-INF/")) continue;
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) continue;
                Files.createDirectories(out.getParent());
                try (var in = zip.getInputStream(e)) {
                    Files.write(out, in.readAllBytes());
                }
                files.add(e.getName());
                lines += Files.readString(out, StandardCharsets.ISO_8859_1).lines().count();
            }
        }
        files.sort(null);
        System.out.printf(Locale.ROOT, "corpus: %s, %d files, %d lines, %d cores%n", jar.getFileName(), files.size(), lines,
                Runtime.getRuntime().availableProcessors());
        var analysers = new Analysers(new SecretScanner());
        var options = AnalysisOptions.of(Json.object());
        var checkout = new Checkout(root, root, files, List.of(), List.of(), "bench", null);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var memory = ManagementFactory.getMemoryMXBean();
        long peak = 0;
        for (int round = 1; round <= rounds; round++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            var collected = analysers.run(options, checkout, (f, m) -> { }, () -> false);
            long ns = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - c0;
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            var byAnalyser = new TreeMap<String, Integer>();
            collected.runs.forEach(r -> byAnalyser.put(r.analyzer(), r.result().findings().size()));
            System.out.printf(Locale.ROOT, "round %d: wall %6.1f s = %,9.0f lines/min | cpu %6.1f s = %,9.0f lines/cpu-min | complete %s | findings %s%n",
                    round, ns / 1e9, lines * 60e9 / ns, cpu / 1e9, lines * 60e9 / cpu, collected.complete, byAnalyser);
        }
        System.gc();
        System.out.printf(Locale.ROOT, "heap: peak sampled %d MiB, after GC %d MiB, max %d MiB; load average %.1f%n", peak >> 20,
                memory.getHeapMemoryUsage().getUsed() >> 20, Runtime.getRuntime().maxMemory() >> 20, os.getSystemLoadAverage());
    }
}
