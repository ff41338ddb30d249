package dev.luna.workers.codeanalysis.quality;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.Analyzer;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.Region;
import dev.luna.workers.codeanalysis.findings.RuleInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * The {@code quality} analyzer: PMD 7 in-process on the project's Java files with Luna's curated rule set
 * ({@code luna-quality.xml}), source only (empty auxclasspath). Files go to PMD in batches so the stop signal is
 * honoured between them. A file PMD cannot parse is reported as skipped. PMD's own messages go to a collecting
 * reporter, never to stdout. Thread-safe: every call builds its own PMD analysis.
 */
public final class PmdQualityAnalyzer implements Analyzer {
    public static final String NAME = "quality";
    static final String RULESET = "dev/luna/workers/codeanalysis/quality/luna-quality.xml";

    private final RuleSet ruleSet;
    private final List<RuleInfo> rules;
    private final int threads;
    private final int batchSize;
    private final SecretScanner secrets;

    /**
     * @param ruleSetResource a PMD rule-set XML on the classpath
     * @param threads         PMD worker threads (0 analyses on the calling thread)
     * @param batchSize       files per PMD run; the stop signal is checked between runs
     */
    public PmdQualityAnalyzer(String ruleSetResource, int threads, int batchSize, SecretScanner secrets) {
        this(ruleSetResource, threads, batchSize, secrets, PmdQualityAnalyzer.class.getClassLoader());
    }

    /** As above, with the rule set read through {@code loader} (for rule sets outside this jar, e.g. in benchmarks). */
    public PmdQualityAnalyzer(String ruleSetResource, int threads, int batchSize, SecretScanner secrets, ClassLoader loader) {
        this.ruleSet = new RuleSetLoader().loadResourcesWith(loader).loadFromResource(ruleSetResource);
        this.rules = PmdRules.describe(ruleSet);
        this.threads = threads;
        this.batchSize = Math.max(1, batchSize);
        this.secrets = secrets;
    }

    /** The curated rule set, one PMD thread per available core (at most 2), batches of 500 files. */
    public PmdQualityAnalyzer(SecretScanner secrets) {
        this(RULESET, Math.min(2, Runtime.getRuntime().availableProcessors()), 500, secrets);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RuleInfo> rules() {
        return rules;
    }

    @Override
    public AnalyzerResult analyze(AnalysisInput input) {
        Path root = input.root().toAbsolutePath().normalize();
        List<String> javaFiles = input.files().stream().filter(f -> f.endsWith(".java")).toList();
        var findings = new ArrayList<Finding>();
        var skipped = new ArrayList<AnalyzerResult.Skipped>();
        var reporter = new CollectingReporter();
        var sources = new SourceLines(root);
        boolean complete = true;
        int analysed = 0;
        for (int from = 0; from < javaFiles.size(); from += batchSize) {
            if (input.stop().getAsBoolean()) {
                complete = false;
                break;
            }
            List<String> batch = javaFiles.subList(from, Math.min(javaFiles.size(), from + batchSize));
            Report report = run(root, batch, reporter);
            for (RuleViolation v : report.getViolations()) {
                String file = relative(root, v.getFileId().getAbsolutePath());
                if (file == null) continue;
                findings.add(toFinding(v, file, sources));
            }
            for (Report.ProcessingError e : report.getProcessingErrors()) {
                String file = relative(root, e.getFileId().getAbsolutePath());
                skipped.add(new AnalyzerResult.Skipped(file == null ? e.getFileId().getFileName() : file, "PMD could not parse it: "
                        + firstLine(e.getMsg())));
            }
            analysed += batch.size();
        }
        findings.replaceAll(withFingerprint(findings));
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(f -> f.region().startLine())
                .thenComparingInt(f -> f.region().startColumn()).thenComparing(Finding::ruleId));
        skipped.sort(Comparator.comparing(AnalyzerResult.Skipped::file));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("javaFiles", javaFiles.size());
        stats.put("filesAnalysed", analysed - skipped.size());
        stats.put("rules", rules.size());
        stats.put("pmdMessages", reporter.count());
        return new AnalyzerResult(findings, skipped, stats, complete);
    }

    private Report run(Path root, List<String> batch, CollectingReporter reporter) {
        var config = new PMDConfiguration();
        config.setThreads(threads);
        config.setIgnoreIncrementalAnalysis(true);
        config.setReporter(reporter);
        var java = LanguageRegistry.PMD.getLanguageById("java");
        config.setOnlyRecognizeLanguage(java);
        config.setDefaultLanguageVersion(java.getDefaultVersion());
        try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
            pmd.addRuleSet(ruleSet);
            for (String f : batch) {
                Path p = root.resolve(f).normalize();
                if (p.startsWith(root)) pmd.files().addFile(p);
            }
            return pmd.performAnalysisAndCollectReport();
        }
    }

    private Finding toFinding(RuleViolation v, String file, SourceLines sources) {
        int startLine = Math.max(1, v.getBeginLine());
        int endLine = Math.max(startLine, v.getEndLine());
        var region = new Region(startLine, v.getBeginColumn(), endLine, endLine == startLine ? Math.max(v.getEndColumn(), v.getBeginColumn())
                : v.getEndColumn());
        String snippet = secrets.mask(file, sources.line(file, startLine));
        var rule = v.getRule();
        return new Finding("pmd-" + rule.getName(), NAME, PmdRules.severity(rule.getPriority()), v.getDescription().strip(), file, region,
                snippet, List.of(), List.of(), null, null);
    }

    /** Fingerprints by rule, file and snippet, numbering repeats of the same triple in file order. */
    private static java.util.function.UnaryOperator<Finding> withFingerprint(List<Finding> all) {
        var ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparing(Finding::file).thenComparingInt(f -> f.region().startLine())
                .thenComparingInt(f -> f.region().startColumn()).thenComparing(Finding::ruleId));
        var seen = new HashMap<String, Integer>();
        var prints = new java.util.IdentityHashMap<Finding, String>();
        for (Finding f : ordered) {
            String key = f.ruleId() + "\u0000" + f.file() + "\u0000" + f.snippet();
            int occurrence = seen.merge(key, 1, Integer::sum) - 1;
            prints.put(f, Finding.fingerprint(f.ruleId(), f.file(), f.snippet(), occurrence));
        }
        return f -> new Finding(f.ruleId(), f.analyzer(), f.severity(), f.message(), f.file(), f.region(), f.snippet(), f.trace(), f.cwe(),
                prints.get(f), f.commit());
    }

    private static String relative(Path root, String absolute) {
        if (absolute == null) return null;
        Path p = Path.of(absolute).toAbsolutePath().normalize();
        if (!p.startsWith(root)) return null;
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
