package dev.luna.workers.codeanalysis.secrets;

import dev.luna.codebase.secrets.HistoryLimits;
import dev.luna.codebase.secrets.SecretFinding;
import dev.luna.codebase.secrets.SecretRule;
import dev.luna.codebase.secrets.SecretScan;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.Analyzer;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.Region;
import dev.luna.workers.codeanalysis.findings.RuleInfo;
import dev.luna.workers.codeanalysis.findings.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code secrets} analyzer: an adapter over {@link SecretScanner}. Files always; git history too when the
 * project root holds a {@code .git} directory (or when given one): a secret removed from HEAD is a finding with its
 * {@link Finding#commit}. Values are masked in every finding. All rules are CWE-798.
 */
public final class SecretsAnalyzer implements Analyzer {
    public static final String NAME = "secrets";
    private static final String ADVICE = " Remove it from the code (and from git history), rotate it, and load it at run time from a "
            + "secret store or the environment.";

    private final SecretScanner scanner;
    private final HistoryLimits history;
    private final List<RuleInfo> rules;

    public SecretsAnalyzer(SecretScanner scanner, HistoryLimits history) {
        this.scanner = scanner;
        this.history = history;
        this.rules = scanner.rules().rules().stream().map(SecretsAnalyzer::describe).sorted(Comparator.comparing(RuleInfo::id)).toList();
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
        Path git = input.root().resolve(".git");
        return analyze(input, Files.isDirectory(git) ? git : null);
    }

    /** Scans the input's files and, when {@code gitDir} is not null, that repository's history. */
    public AnalyzerResult analyze(AnalysisInput input, Path gitDir) {
        SecretScan files = scanner.scanFiles(input.root(), input.files(), input.stop());
        var found = new ArrayList<>(files.findings());
        var skipped = new ArrayList<AnalyzerResult.Skipped>();
        files.skipped().forEach(s -> skipped.add(new AnalyzerResult.Skipped(s.file(), s.reason())));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("filesScanned", files.filesScanned());
        stats.put("bytesScanned", files.bytesScanned());
        boolean complete = files.complete();
        if (gitDir != null && complete) {
            SecretScan past = scanner.scanHistory(gitDir, history, input.stop());
            found.addAll(past.findings());
            past.skipped().forEach(s -> skipped.add(new AnalyzerResult.Skipped(s.file(), s.reason())));
            stats.put("commitsScanned", past.commitsScanned());
            stats.put("historyBytesScanned", past.bytesScanned());
            stats.put("historyComplete", past.complete());
            complete = past.complete();
        }
        skipped.sort(Comparator.comparing(AnalyzerResult.Skipped::file));
        return new AnalyzerResult(toFindings(found), skipped, stats, complete);
    }

    private List<Finding> toFindings(List<SecretFinding> found) {
        var severities = new HashMap<String, Severity>();
        scanner.rules().rules().forEach(r -> severities.put(r.id(), Severity.parse(r.severity())));
        var seen = new HashMap<String, Integer>();
        var out = new ArrayList<Finding>();
        for (SecretFinding f : found.stream().sorted(Comparator.comparing(SecretFinding::file).thenComparingInt(SecretFinding::line)
                .thenComparingInt(SecretFinding::startColumn).thenComparing(SecretFinding::ruleId)
                .thenComparing(x -> x.commit() == null ? "" : x.commit())).toList()) {
            String where = f.commit() == null ? "" : " (in git history: commit " + f.commit().substring(0, 12) + ", no longer in HEAD)";
            String message = f.description() + " hard-coded: " + f.match() + where;
            int occurrence = seen.merge(f.ruleId() + "\u0000" + f.file() + "\u0000" + f.snippet(), 1, Integer::sum) - 1;
            String print = Finding.fingerprint(f.ruleId(), f.file(), f.snippet(), occurrence);
            out.add(new Finding(f.ruleId(), NAME, severities.getOrDefault(f.ruleId(), Severity.HIGH), message, f.file(),
                    new Region(f.line(), f.startColumn(), f.line(), f.endColumn()), f.snippet(), List.of(), List.of(SecretRule.CWE), print,
                    f.commit()));
        }
        return out;
    }

    private static RuleInfo describe(SecretRule r) {
        return new RuleInfo(r.id(), r.name(), NAME, r.description() + " in source or configuration.", r.description()
                + " hard-coded in the project (CWE-798)." + ADVICE, Severity.parse(r.severity()), r.securitySeverity(), r.precision(),
                List.of(SecretRule.CWE), r.references(), r.since());
    }
}
