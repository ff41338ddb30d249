package dev.luna.codebase.secrets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One secret rule of the catalog ({@code rules.yaml}): a regular expression run over a file's text when one of its
 * keywords occurs in it, the group that holds the secret, an optional Shannon-entropy gate and allowlists. Every rule
 * reports CWE-798 (use of hard-coded credentials).
 *
 * @param id               stable id, {@code secret-…}
 * @param name             PascalCase name (SARIF {@code rules[].name})
 * @param severity         {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param securitySeverity CVSS-like 0.0–10.0
 * @param precision        {@code very-high}, {@code high}, {@code medium} or {@code low}
 * @param keywords         lower-case pre-filter: the regex runs only when the lower-cased text contains one
 * @param secretGroup      the group holding the secret (0: the whole match); when it did not take part in a match,
 *                         the last group that did
 * @param entropy          minimum Shannon entropy (bits per character) of the secret, 0 for none
 * @param paths            when not empty, the rule applies only to paths matching one of these
 * @param skipTestData     true when files under test, fixture, mock or example folders are ignored by this rule
 */
public record SecretRule(String id, String name, String description, String severity, double securitySeverity, String precision,
                         List<String> keywords, Pattern regex, int secretGroup, double entropy, List<Pattern> paths, boolean skipTestData,
                         Allowlist allowlist, List<String> references, String since) {
    public SecretRule {
        keywords = List.copyOf(keywords);
        paths = List.copyOf(paths);
        references = List.copyOf(references);
    }

    /** The CWE every secret rule reports. */
    public static final int CWE = 798;

    /**
     * What excuses a match.
     *
     * @param regexes     found in the secret
     * @param lineRegexes found in the line the secret starts on
     * @param stopwords   lower-case substrings of the (lower-cased) secret
     * @param paths       found in the file's path
     */
    public record Allowlist(List<Pattern> regexes, List<Pattern> lineRegexes, List<String> stopwords, List<Pattern> paths) {
        public static final Allowlist NONE = new Allowlist(List.of(), List.of(), List.of(), List.of());

        public Allowlist {
            regexes = List.copyOf(regexes);
            lineRegexes = List.copyOf(lineRegexes);
            stopwords = List.copyOf(stopwords);
            paths = List.copyOf(paths);
        }

        boolean excusesPath(String path) {
            return anyFind(paths, path);
        }

        boolean excuses(String secret, String line) {
            if (anyFind(regexes, secret) || anyFind(lineRegexes, line)) return true;
            if (stopwords.isEmpty()) return false;
            String lower = secret.toLowerCase(java.util.Locale.ROOT);
            for (String word : stopwords) {
                if (lower.contains(word)) return true;
            }
            return false;
        }

        private static boolean anyFind(List<Pattern> patterns, String text) {
            for (Pattern p : patterns) {
                if (p.matcher(text).find()) return true;
            }
            return false;
        }
    }
}
