package dev.luna.codebase.secrets;

/**
 * One secret found. Nothing here holds the secret itself: {@code match} and {@code snippet} are masked.
 *
 * @param file        path relative to the scanned root, '/' separated (for a history finding: the path in that commit)
 * @param line        1-based line the secret starts on
 * @param startColumn 1-based column of the secret's first character
 * @param endColumn   1-based column just after its last character on that line (SARIF's convention)
 * @param match       the secret, masked: at most 4 leading characters, then {@code ****}
 * @param snippet     the line, trimmed, at most 200 characters, every secret on it masked
 * @param commit      the commit that added it, for a secret found only in git history; null for a file finding
 * @param entropy     Shannon entropy of the secret in bits per character, rounded to 2 decimals
 */
public record SecretFinding(String ruleId, String description, String file, int line, int startColumn, int endColumn, String match,
                            String snippet, String commit, double entropy) {
}
