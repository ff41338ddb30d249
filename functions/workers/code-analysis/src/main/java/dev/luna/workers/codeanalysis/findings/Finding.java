package dev.luna.workers.codeanalysis.findings;

import dev.luna.core.Hashes;
import java.util.List;
import java.util.Locale;

/**
 * One problem an analyzer found.
 *
 * @param ruleId      the stable id of the rule that fired ({@code java-sqli}, {@code pmd-UnusedPrivateField}, {@code secret-aws-access-key})
 * @param analyzer    {@code security}, {@code quality}, {@code secrets}, {@code dependencies} or {@code metrics}: one SARIF run each
 * @param file        relative path, '/' separated (for a git-history secret: the path in that commit)
 * @param snippet     the offending code, trimmed, at most 200 characters, secrets masked
 * @param trace       the data-flow trace of a taint finding (source → … → sink), empty otherwise
 * @param cwe         CWE numbers (89 for SQL injection), empty when none applies
 * @param fingerprint stable across unrelated edits: see {@link #fingerprint(String, String, String, int)}
 * @param commit      for a finding in git history only: the commit it was found in, else null
 */
public record Finding(String ruleId, String analyzer, Severity severity, String message, String file, Region region, String snippet,
                      List<TraceStep> trace, List<Integer> cwe, String fingerprint, String commit) {
    public Finding {
        trace = trace == null ? List.of() : List.copyOf(trace);
        cwe = cwe == null ? List.of() : List.copyOf(cwe);
    }

    /**
     * The fingerprint of a finding (SARIF {@code partialFingerprints}): SHA-256 of the rule, the file and the snippet
     * with whitespace collapsed, plus the occurrence number of that same (rule, file, snippet) triple in the file
     * (0 for the first), so moving code up or down a file does not change it, and two identical lines stay distinct.
     */
    public static String fingerprint(String ruleId, String file, String snippet, int occurrence) {
        String normalised = snippet == null ? "" : snippet.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return Hashes.sha256(ruleId + "\u0000" + file + "\u0000" + normalised + "\u0000" + occurrence);
    }
}
