package dev.luna.workers.codeanalysis.findings;

import java.util.List;

/**
 * One analysis of code-analysis ({@code security}, {@code quality}, {@code secrets}, {@code dependencies},
 * {@code metrics}): source-only, it never builds or runs the analysed project. Implementations are stateless and
 * thread-safe; a file that cannot be read or parsed is reported in {@link AnalyzerResult#skipped}, never thrown.
 */
public interface Analyzer {
    /** The analyzer's name, which is also its option value in {@code options.rules} and its SARIF run. */
    String name();

    /** Every rule it can report, sorted by id. */
    List<RuleInfo> rules();

    AnalyzerResult analyze(AnalysisInput input);
}
