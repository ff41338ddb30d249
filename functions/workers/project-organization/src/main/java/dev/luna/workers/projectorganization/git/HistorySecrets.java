package dev.luna.workers.projectorganization.git;

import dev.luna.codebase.secrets.HistoryLimits;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.projectorganization.Confidence;
import dev.luna.workers.projectorganization.Finding;
import dev.luna.workers.projectorganization.Skipped;
import dev.luna.workers.projectorganization.rules.Kinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Secrets that history still holds though HEAD no longer does, through the shared scanner (the one code-analysis
 * uses); a secret still in HEAD is code-analysis's file finding. Everything it reports is masked.
 */
public final class HistorySecrets {
    private static final int MAX_FINDINGS = 200;
    private final SecretScanner scanner;
    private final Kinds kinds;

    public HistorySecrets(SecretScanner scanner, Kinds kinds) {
        this.scanner = scanner;
        this.kinds = kinds;
    }

    public record Result(List<Finding> findings, List<Skipped> skipped, boolean complete) {
    }

    public Result scan(Path gitDir, HistoryLimits limits, BooleanSupplier stop) {
        var scan = scanner.scanHistory(gitDir, limits, stop);
        var findings = new ArrayList<Finding>();
        var skipped = new ArrayList<Skipped>();
        for (var f : scan.findings()) {
            if (findings.size() >= MAX_FINDINGS) {
                skipped.add(new Skipped(".git", (scan.findings().size() - MAX_FINDINGS) + " more secrets in history not listed"));
                break;
            }
            String commit = f.commit() == null ? "" : f.commit().substring(0, Math.min(12, f.commit().length()));
            String subject = f.file() + "@" + commit + "#" + f.ruleId();
            String evidence = f.description() + " added by commit " + commit + " at line " + f.line() + " (" + f.match()
                    + "): " + f.snippet() + ". HEAD no longer has it, but every clone of the history does.";
            findings.add(kinds.finding("secret-in-history", subject, List.of(f.file()), evidence, Confidence.HIGH,
                    "revoke and rotate the secret first; then purge it from history (git filter-repo --replace-text) if the repository is shared"));
        }
        for (var s : scan.skipped()) skipped.add(new Skipped(".git:" + s.file(), "secret scan: " + s.reason()));
        if (!scan.complete()) skipped.add(new Skipped(".git", "secret scan stopped after " + scan.commitsScanned() + " commits"));
        return new Result(findings, skipped, scan.complete());
    }
}
