package dev.luna.workers.codeanalysis.security.bench;

import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.security.SecurityAnalyzer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The security analyzer's accuracy and speed benchmark (run by {@code scripts/bench/analysis-accuracy} and
 * {@code scripts/bench/analysis-security}, not by the test suite).
 * <ul>
 *   <li>{@code accuracy [tuning|holdout|all] [--verbose] [--dump DIR]}: per-category TP, FN, TN, FP, TPR, FPR and
 *   score (TPR − FPR) on each split of the labelled corpus; a case counts as flagged when a finding with its CWE is
 *   in its file, or starts there (a flow from the case into a shared helper's sink).</li>
 *   <li>{@code speed DIR [rounds]}: analyses every file under DIR; prints lines/minute and peak heap.</li>
 *   <li>{@code report DIR}: prints every finding under DIR (to review a real project's findings).</li>
 * </ul>
 */
public final class AccuracyBenchmark {
    private AccuracyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length == 0 ? "accuracy" : args[0];
        switch (mode) {
            case "accuracy" -> accuracy(args);
            case "speed" -> speed(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            case "report" -> report(Path.of(args[1]));
            default -> throw new IllegalArgumentException("usage: accuracy [tuning|holdout|all] [--verbose] [--dump DIR] | speed DIR [rounds] | report DIR");
        }
    }

    private static void accuracy(String[] args) throws IOException {
        String which = args.length > 1 && !args[1].startsWith("--") ? args[1] : "all";
        boolean verbose = List.of(args).contains("--verbose");
        int dump = List.of(args).indexOf("--dump");
        var analyzer = new SecurityAnalyzer();
        var splits = new ArrayList<Corpus>();
        if (!which.equals("holdout")) splits.add(TuningCorpus.build());
        if (!which.equals("tuning")) splits.add(HoldoutCorpus.build());
        for (Corpus corpus : splits) {
            Path dir = dump >= 0 ? Path.of(args[dump + 1]).resolve(corpus.name()) : Files.createTempDirectory("luna-bench-" + corpus.name());
            corpus.writeTo(dir);
            long t0 = System.nanoTime();
            AnalyzerResult r = analyzer.analyze(new AnalysisInput(dir, files(dir), () -> false));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Map<String, Set<Integer>> flagged = new HashMap<>();
            r.findings().forEach(f -> {
                flagged.computeIfAbsent(f.file(), k -> new HashSet<>()).addAll(f.cwe());
                if (!f.trace().isEmpty()) flagged.computeIfAbsent(f.trace().get(0).file(), k -> new HashSet<>()).addAll(f.cwe());
            });
            print(corpus, flagged, verbose);
            System.out.printf(Locale.ROOT, "(%d files analysed in %d ms, %d skipped, %d findings)%n%n", r.stats().get("files"), ms,
                    r.skipped().size(), r.findings().size());
            if (dump < 0) deleteTree(dir);
        }
    }

    private static void print(Corpus corpus, Map<String, Set<Integer>> flagged, boolean verbose) {
        record Row(int cwe, int[] counts) {
        }
        var rows = new LinkedHashMap<String, Row>();
        var misses = new ArrayList<String>();
        for (BenchCase c : corpus.cases()) {
            var row = rows.computeIfAbsent(c.category(), k -> new Row(c.cwe(), new int[4]));
            boolean hit = flagged.getOrDefault(c.path(), Set.of()).contains(c.cwe());
            int slot = c.vulnerable() ? (hit ? 0 : 1) : (hit ? 3 : 2);
            row.counts[slot]++;
            if (slot == 1 || slot == 3) misses.add((slot == 1 ? "FN " : "FP ") + c.path());
        }
        System.out.printf("Split: %s (%d cases)%n", corpus.name(), corpus.cases().size());
        System.out.printf("%-14s %5s %5s %4s %4s %4s %4s %7s %7s %7s%n", "category", "CWE", "cases", "TP", "FN", "TN", "FP", "TPR", "FPR", "score");
        double sum = 0;
        for (var e : rows.entrySet()) {
            int[] k = e.getValue().counts;
            double tpr = k[0] + k[1] == 0 ? 0 : (double) k[0] / (k[0] + k[1]);
            double fpr = k[2] + k[3] == 0 ? 0 : (double) k[3] / (k[2] + k[3]);
            sum += tpr - fpr;
            System.out.printf(Locale.ROOT, "%-14s %5d %5d %4d %4d %4d %4d %6.1f%% %6.1f%% %6.1f%%%n", e.getKey(), e.getValue().cwe,
                    k[0] + k[1] + k[2] + k[3], k[0], k[1], k[2], k[3], tpr * 100, fpr * 100, (tpr - fpr) * 100);
        }
        System.out.printf(Locale.ROOT, "%-14s %56s %6.1f%%%n", "average", "", sum / rows.size() * 100);
        if (verbose) misses.forEach(m -> System.out.println("  " + m));
    }

    private static void speed(Path dir, int rounds) throws IOException {
        var analyzer = new SecurityAnalyzer();
        var files = files(dir);
        System.out.printf("Speed: %s (%d files)%n", dir, files.size());
        for (int i = 1; i <= rounds; i++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            AnalyzerResult r = analyzer.analyze(new AnalysisInput(dir, files, () -> false));
            double s = (System.nanoTime() - t0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
            }
            if (!r.stats().containsKey("lines")) {
                System.out.println("round " + i + ": no result: " + r.skipped());
                continue;
            }
            long lines = ((Number) r.stats().get("lines")).longValue();
            System.out.printf(Locale.ROOT, "round %d: %d lines in %.2f s = %,.0f lines/minute; peak heap %d MiB; %d findings, %d skipped; stats %s%n",
                    i, lines, s, lines / s * 60, peak >> 20, r.findings().size(), r.skipped().size(), r.stats());
        }
    }

    private static void report(Path dir) throws IOException {
        AnalyzerResult r = new SecurityAnalyzer().analyze(new AnalysisInput(dir, files(dir), () -> false));
        boolean traces = Boolean.getBoolean("bench.traces");
        r.findings().forEach(f -> {
            System.out.printf("%s %s:%d %s%n    %s%n", f.ruleId(), f.file(), f.region().startLine(), f.message(), f.snippet());
            if (traces) f.trace().forEach(t -> System.out.printf("      %-6s %s:%d %s | %s%n", t.kind(), t.file(), t.region().startLine(), t.note(), t.snippet()));
        });
        System.out.println(r.stats());
        r.skipped().forEach(s -> System.out.println("skipped " + s.file() + ": " + s.reason()));
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
