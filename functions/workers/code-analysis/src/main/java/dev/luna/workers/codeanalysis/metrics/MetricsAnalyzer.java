package dev.luna.workers.codeanalysis.metrics;

import dev.luna.codebase.metrics.CodeMetrics;
import dev.luna.codebase.metrics.FileMetrics;
import dev.luna.codebase.metrics.FunctionMetrics;
import dev.luna.codebase.metrics.ProjectMetrics;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.Analyzer;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.Region;
import dev.luna.workers.codeanalysis.findings.RuleInfo;
import dev.luna.workers.codeanalysis.findings.Severity;
import dev.luna.workers.codeanalysis.quality.SourceLines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

/**
 * The {@code metrics} analyzer: measures every file ({@link CodeMetrics}) and turns only threshold breaches into
 * findings (a function more complex than {@link Thresholds#functionComplexity}, longer than
 * {@link Thresholds#functionLines}, a file with more code lines than {@link Thresholds#fileCodeLines}). The full
 * figures (totals by language, the 20 hotspots) are in {@link AnalyzerResult#stats} under {@code metrics}, and
 * {@link #measure} returns them typed for the report.
 */
public final class MetricsAnalyzer implements Analyzer {
    public static final String NAME = "metrics";
    static final String COMPLEX = "metrics-complex-function";
    static final String LONG = "metrics-long-function";
    static final String LARGE = "metrics-large-file";

    /** Where a measure becomes a finding (strictly greater than). */
    public record Thresholds(int functionComplexity, int functionLines, int fileCodeLines) {
        public static final Thresholds DEFAULT = new Thresholds(15, 150, 1_000);
    }

    private final CodeMetrics metrics;
    private final Thresholds thresholds;
    private final SecretScanner secrets;

    public MetricsAnalyzer(CodeMetrics metrics, Thresholds thresholds, SecretScanner secrets) {
        this.metrics = metrics;
        this.thresholds = thresholds;
        this.secrets = secrets;
    }

    public MetricsAnalyzer(SecretScanner secrets) {
        this(new CodeMetrics(), Thresholds.DEFAULT, secrets);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RuleInfo> rules() {
        var link = List.of("https://en.wikipedia.org/wiki/Cyclomatic_complexity");
        return List.of(
                new RuleInfo(COMPLEX, "ComplexFunction", NAME, "A function's cyclomatic complexity is above " + thresholds.functionComplexity() + ".",
                        "McCabe cyclomatic complexity (1 + decision points) above " + thresholds.functionComplexity() + " makes a function hard to "
                                + "test and change; split it into smaller functions or simplify its branching.",
                        Severity.MEDIUM, null, "high", List.of(), link, "0.1.0"),
                new RuleInfo(LARGE, "LargeFile", NAME, "A file has more than " + thresholds.fileCodeLines() + " lines of code.",
                        "Very large files usually hold several responsibilities; split them by concern.", Severity.LOW, null, "high", List.of(),
                        List.of("https://en.wikipedia.org/wiki/Source_lines_of_code"), "0.1.0"),
                new RuleInfo(LONG, "LongFunction", NAME, "A function is longer than " + thresholds.functionLines() + " lines.",
                        "Long functions are hard to read and test; extract the steps into named functions.", Severity.LOW, null, "high",
                        List.of(), List.of("https://en.wikipedia.org/wiki/Source_lines_of_code"), "0.1.0"));
    }

    /** The full metrics of the input's files. */
    public ProjectMetrics measure(AnalysisInput input) {
        return metrics.measure(input.root(), input.files(), input.stop());
    }

    @Override
    public AnalyzerResult analyze(AnalysisInput input) {
        return toResult(input, measure(input));
    }

    /** The findings and stats of metrics already measured (so the report and the analyzer measure once). */
    public AnalyzerResult toResult(AnalysisInput input, ProjectMetrics project) {
        var lines = new SourceLines(input.root().toAbsolutePath().normalize());
        var findings = new ArrayList<Finding>();
        for (FileMetrics file : project.files()) {
            if (!file.code()) continue;
            if (file.codeLines() > thresholds.fileCodeLines()) {
                findings.add(finding(LARGE, Severity.LOW, "File has " + file.codeLines() + " lines of code (more than "
                        + thresholds.fileCodeLines() + ")", file.path(), 1, lines));
            }
            for (FunctionMetrics fn : file.functions()) {
                if (fn.complexity() > thresholds.functionComplexity()) {
                    findings.add(finding(COMPLEX, Severity.MEDIUM, "Function '" + fn.name() + "' has cyclomatic complexity " + fn.complexity()
                            + " (more than " + thresholds.functionComplexity() + ")", file.path(), fn.startLine(), lines));
                }
                if (fn.lines() > thresholds.functionLines()) {
                    findings.add(finding(LONG, Severity.LOW, "Function '" + fn.name() + "' is " + fn.lines() + " lines long (more than "
                            + thresholds.functionLines() + ")", file.path(), fn.startLine(), lines));
                }
            }
        }
        var skipped = project.skipped().stream().map(s -> new AnalyzerResult.Skipped(s.file(), s.reason())).toList();
        return new AnalyzerResult(fingerprinted(findings), skipped, MetricsStats.of(project), project.complete());
    }

    private Finding finding(String rule, Severity severity, String message, String file, int line, SourceLines lines) {
        String snippet = secrets.mask(file, lines.line(file, line));
        return new Finding(rule, NAME, severity, message, file, Region.line(line), snippet, List.of(), List.of(), null, null);
    }

    static List<Finding> fingerprinted(List<Finding> findings) {
        var sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::file).thenComparingInt(f -> f.region().startLine())
                .thenComparingInt(f -> f.region().startColumn()).thenComparing(Finding::ruleId));
        var seen = new HashMap<String, Integer>();
        var out = new ArrayList<Finding>(sorted.size());
        for (Finding f : sorted) {
            int occurrence = seen.merge(f.ruleId() + "\u0000" + f.file() + "\u0000" + f.snippet(), 1, Integer::sum) - 1;
            out.add(new Finding(f.ruleId(), f.analyzer(), f.severity(), f.message(), f.file(), f.region(), f.snippet(), f.trace(), f.cwe(),
                    Finding.fingerprint(f.ruleId(), f.file(), f.snippet(), occurrence), f.commit()));
        }
        return out;
    }
}
