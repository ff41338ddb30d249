package dev.luna.workers.codeanalysis.bench;

import dev.luna.codebase.metrics.CodeMetrics;
import dev.luna.codebase.secrets.HistoryLimits;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.Analyzer;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.metrics.MetricsAnalyzer;
import dev.luna.workers.codeanalysis.quality.PmdQualityAnalyzer;
import dev.luna.workers.codeanalysis.secrets.SecretsAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * Throughput of the quality, metrics and secrets analyzers on a real sources jar (not a test; run by
 * {@code scripts/bench/analysis-quality}). Prints lines/minute per analyzer and together, a warm second round, and
 * with {@code --per-rule} PMD's own timing report (time per rule and per phase) of a third run.
 * Usage: QualityBench &lt;sources.jar&gt; [--per-rule]
 */
public final class QualityBench {
    private QualityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        boolean perRule = args.length > 1 && args[1].equals("--per-rule");
        Path root = Files.createTempDirectory("quality-bench");
        List<String> files = unpack(jar, root);
        long lines = 0;
        for (String f : files) lines += Files.readString(root.resolve(f), StandardCharsets.ISO_8859_1).lines().count();
        System.out.printf(Locale.ROOT, "corpus: %s, %d files, %d lines, %d cores%n", jar.getFileName(), files.size(), lines,
                Runtime.getRuntime().availableProcessors());
        var secrets = new SecretScanner();
        List<Analyzer> analyzers = List.of(new MetricsAnalyzer(new CodeMetrics(), MetricsAnalyzer.Thresholds.DEFAULT, secrets),
                new SecretsAnalyzer(secrets, HistoryLimits.DEFAULT), new PmdQualityAnalyzer(secrets));
        var input = new AnalysisInput(root, files, () -> false);
        // wall time depends on what else the machine runs; process CPU time does not, so both are printed
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= 2; round++) {
            long total = 0;
            long totalCpu = 0;
            for (Analyzer a : analyzers) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                AnalyzerResult r = a.analyze(input);
                long ns = System.nanoTime() - t0;
                long cpu = os.getProcessCpuTime() - c0;
                total += ns;
                totalCpu += cpu;
                System.out.printf(Locale.ROOT, "round %d %-8s wall %7.2f s %,12.0f lines/min | cpu %7.2f s %,12.0f lines/cpu-min | findings %4d"
                        + " skipped %d%n", round, a.name(), ns / 1e9, lines * 60e9 / ns, cpu / 1e9, lines * 60e9 / cpu, r.findings().size(),
                        r.skipped().size());
                if (round == 1) printRuleCounts(r);
            }
            System.out.printf(Locale.ROOT, "round %d all      wall %7.2f s %,12.0f lines/min | cpu %7.2f s %,12.0f lines/cpu-min%n", round,
                    total / 1e9, lines * 60e9 / total, totalCpu / 1e9, lines * 60e9 / totalCpu);
        }
        System.out.printf(Locale.ROOT, "load average at the end: %.1f%n", os.getSystemLoadAverage());
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(Locale.ROOT, "heap in use after the runs: %d MiB%n", heap >> 20);
        if (perRule) perRule(root, files.stream().filter(f -> f.endsWith(".java")).toList(), secrets);
    }

    /** Findings per rule (top 12), and every secrets finding (masked) so false positives can be looked at. */
    private static void printRuleCounts(AnalyzerResult r) {
        var counts = new java.util.TreeMap<String, Integer>();
        r.findings().forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
        counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "          %-45s %5d%n", e.getKey(), e.getValue()));
        r.findings().stream().filter(f -> f.analyzer().equals("secrets"))
                .forEach(f -> System.out.printf(Locale.ROOT, "          %s:%d %s%n", f.file(), f.region().startLine(), f.snippet()));
    }

    /**
     * PMD's own timing of one more (warm) run of the whole rule set: time per rule, parsing and the other phases,
     * measured inside the run, so the figures do not depend on how busy the machine was between separate runs.
     */
    private static void perRule(Path root, List<String> javaFiles, SecretScanner secrets) throws IOException {
        var pmd = new PmdQualityAnalyzer(PmdQualityAnalyzer.RULESET, 1, 10_000, secrets);
        net.sourceforge.pmd.benchmark.TimeTracker.startGlobalTracking();
        pmd.analyze(new AnalysisInput(root, javaFiles, () -> false));
        var report = net.sourceforge.pmd.benchmark.TimeTracker.stopGlobalTracking();
        var out = new java.io.StringWriter();
        new net.sourceforge.pmd.benchmark.TextTimingReportRenderer().render(report, out);
        System.out.printf(Locale.ROOT, "PMD timing of the curated rule set on %d Java files (one thread):%n%s", javaFiles.size(), out);
    }

    private static List<String> unpack(Path jar, Path root) throws IOException {
        var files = new ArrayList<String>();
        try (var zip = new ZipFile(jar.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                if (e.isDirectory() || e.getName().startsWith("META-INF/") || e.getName().contains("..")) continue;
                Path out = root.resolve(e.getName());
                Files.createDirectories(out.getParent());
                try (var in = zip.getInputStream(e)) {
                    Files.copy(in, out);
                }
                files.add(e.getName());
            }
        }
        files.sort(null);
        return files;
    }
}
