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
 * with {@code --per-rule} the extra cost of each PMD rule over a parse-only baseline on the first 300 Java files.
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
        for (int round = 1; round <= 2; round++) {
            long total = 0;
            for (Analyzer a : analyzers) {
                long t0 = System.nanoTime();
                AnalyzerResult r = a.analyze(input);
                long ns = System.nanoTime() - t0;
                total += ns;
                System.out.printf(Locale.ROOT, "round %d %-8s %7.2f s %,12.0f lines/min  findings %5d  skipped %d%n", round, a.name(),
                        ns / 1e9, lines * 60e9 / ns, r.findings().size(), r.skipped().size());
                if (round == 1) printRuleCounts(r);
            }
            System.out.printf(Locale.ROOT, "round %d all      %7.2f s %,12.0f lines/min%n", round, total / 1e9, lines * 60e9 / total);
        }
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(Locale.ROOT, "heap in use after the runs: %d MiB%n", heap >> 20);
        if (perRule) perRule(root, files.stream().filter(f -> f.endsWith(".java")).limit(300).toList(), secrets);
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

    private static void perRule(Path root, List<String> javaFiles, SecretScanner secrets) throws IOException {
        String all = new String(QualityBench.class.getClassLoader().getResourceAsStream(
                "dev/luna/workers/codeanalysis/quality/luna-quality.xml").readAllBytes(), StandardCharsets.UTF_8);
        var refs = new ArrayList<String>();
        var m = java.util.regex.Pattern.compile("<rule ref=\"([^\"]+)\"/>").matcher(all);
        while (m.find()) refs.add(m.group(1));
        Path dir = Files.createTempDirectory("rules");
        var input = new AnalysisInput(root, javaFiles, () -> false);
        double baseline = time(dir, "category/java/errorprone.xml/AvoidUsingOctalValues", input, secrets);
        baseline = Math.min(baseline, time(dir, "category/java/errorprone.xml/AvoidUsingOctalValues", input, secrets));
        System.out.printf(Locale.ROOT, "per rule on %d files: baseline (parse + one trivial rule) %.2f s%n", javaFiles.size(), baseline);
        for (String ref : refs) {
            double s = time(dir, ref, input, secrets);
            System.out.printf(Locale.ROOT, "  %-70s +%6.2f s%n", ref, s - baseline);
        }
    }

    private static double time(Path dir, String ref, AnalysisInput input, SecretScanner secrets) throws IOException {
        Path xml = dir.resolve("one.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?><ruleset name=\"one\" xmlns=\"http://pmd.sourceforge.net/ruleset/2.0.0\">"
                + "<description>one</description><rule ref=\"" + ref + "\"/></ruleset>");
        var loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, QualityBench.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        var pmd = new PmdQualityAnalyzer("one.xml", 2, 10_000, secrets, loader);
        long t0 = System.nanoTime();
        pmd.analyze(input);
        return (System.nanoTime() - t0) / 1e9;
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
