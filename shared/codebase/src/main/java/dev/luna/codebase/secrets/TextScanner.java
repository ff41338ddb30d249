package dev.luna.codebase.secrets;

import dev.luna.core.Hashes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Runs the catalog over one text. Two passes: find the hits (rule by rule, catalog order; a hit overlapping an
 * earlier rule's hit is dropped, so a specific rule beats the generic ones), then build each finding's snippet with
 * every secret on its line masked.
 */
final class TextScanner {
    /** Character reads a rule may spend per character of text before the file is given up. */
    private static final long READS_PER_CHAR = 100;
    private static final long READS_BASE = 1_000_000;
    private static final int SNIPPET = 200;

    private final SecretRules rules;
    private final int maxFindings;

    TextScanner(SecretRules rules, int maxFindings) {
        this.rules = rules;
        this.maxFindings = maxFindings;
    }

    /** A secret before masking; {@code secretHash} (SHA-256) lets history findings be matched without keeping it. */
    record Hit(SecretRule rule, int start, int end, int line, int startColumn, int endColumn, String secretHash, double entropy) {
    }

    /** The findings in {@code text}; {@code firstLine} is the number of its first line in the file. */
    List<SecretFinding> scan(String path, String text, int firstLine, String commit) {
        return findings(path, text, hits(path, text, firstLine), firstLine, commit);
    }

    List<Hit> hits(String path, String text, int firstLine) {
        if (rules.global().excusesPath(path)) return List.of();
        String lower = null;
        boolean testData = TestPaths.isTestData(path);
        var lines = new LineIndex(text);
        var hits = new ArrayList<Hit>();
        for (SecretRule rule : rules.rules()) {
            if (!applies(rule, path, testData)) continue;
            if (lower == null) lower = text.toLowerCase(Locale.ROOT);
            if (!containsKeyword(lower, rule)) continue;
            Matcher m = rule.regex().matcher(new BoundedText(text, READS_PER_CHAR * text.length() + READS_BASE));
            while (m.find() && hits.size() < maxFindings) {
                int g = secretGroup(m, rule.secretGroup());
                if (g < 0) continue;
                int start = m.start(g);
                int end = m.end(g);
                if (end <= start || overlaps(hits, start, end)) continue;
                String secret = text.substring(start, end);
                int line = lines.lineOf(start);
                String lineText = lines.text(line);
                double entropy = Entropy.shannon(secret);
                if (entropy < rule.entropy() || rule.allowlist().excuses(secret, lineText) || rules.global().excuses(secret, lineText)) {
                    continue;
                }
                int col = start - lines.start(line) + 1;
                int endCol = Math.min(end, lines.end(line)) - lines.start(line) + 1;
                hits.add(new Hit(rule, start, end, line + firstLine - 1, col, endCol, Hashes.sha256(secret), Entropy.rounded(entropy)));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        return hits;
    }

    List<SecretFinding> findings(String path, String text, List<Hit> hits, int firstLine, String commit) {
        if (hits.isEmpty()) return List.of();
        var lines = new LineIndex(text);
        var out = new ArrayList<SecretFinding>(hits.size());
        for (Hit h : hits) {
            String secret = text.substring(h.start(), h.end());
            String snippet = snippet(text, lines, h.line() - firstLine + 1, hits);
            out.add(new SecretFinding(h.rule().id(), h.rule().description(), path, h.line(), h.startColumn(), h.endColumn(),
                    SecretMask.mask(secret), snippet, commit, h.entropy()));
        }
        return out;
    }

    private static boolean applies(SecretRule rule, String path, boolean testData) {
        if (rule.skipTestData() && testData) return false;
        if (rule.allowlist().excusesPath(path)) return false;
        if (rule.paths().isEmpty()) return true;
        for (var p : rule.paths()) {
            if (p.matcher(path).find()) return true;
        }
        return false;
    }

    private static boolean containsKeyword(String lower, SecretRule rule) {
        for (String k : rule.keywords()) {
            if (lower.contains(k)) return true;
        }
        return false;
    }

    private static int secretGroup(Matcher m, int wanted) {
        if (m.start(wanted) >= 0) return wanted;
        for (int g = m.groupCount(); g >= 1; g--) {
            if (m.start(g) >= 0) return g;
        }
        return -1;
    }

    private static boolean overlaps(List<Hit> hits, int start, int end) {
        for (Hit h : hits) {
            if (start < h.end() && h.start() < end) return true;
        }
        return false;
    }

    /** The line (0-based index {@code line} of the text), trimmed, every secret on it masked, cut to 200 characters. */
    private static String snippet(String text, LineIndex lines, int line, List<Hit> hits) {
        int ls = lines.start(line);
        int le = lines.end(line);
        var sb = new StringBuilder();
        int pos = ls;
        int firstSecret = -1;
        for (Hit h : hits) {
            if (h.end() <= ls || h.start() >= le || h.start() < pos) continue;
            sb.append(text, pos, h.start());
            if (firstSecret < 0) firstSecret = sb.length();
            sb.append(SecretMask.mask(text.substring(h.start(), Math.min(h.end(), text.length()))));
            pos = Math.min(h.end(), le);
        }
        if (pos < le) sb.append(text, pos, le);
        String masked = sb.toString();
        int lead = 0;
        while (lead < masked.length() && Character.isWhitespace(masked.charAt(lead))) lead++;
        masked = masked.strip();
        if (masked.length() <= SNIPPET) return masked;
        int from = Math.max(0, Math.min(Math.max(0, firstSecret - lead) - 40, masked.length() - SNIPPET));
        return masked.substring(from, from + SNIPPET);
    }

    /** Line starts of a text, for offset → line lookups. */
    static final class LineIndex {
        private final String text;
        private final int[] starts;
        private final int count;

        LineIndex(String text) {
            this.text = text;
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') n++;
            }
            starts = new int[n];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') starts[k++] = i + 1;
            }
            count = n;
        }

        /** 1-based line of an offset. */
        int lineOf(int offset) {
            int lo = 0;
            int hi = count - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) lo = mid;
                else hi = mid - 1;
            }
            return lo + 1;
        }

        int start(int line) {
            return starts[line - 1];
        }

        /** End of the line's content, before '\n' (and a '\r' before it). */
        int end(int line) {
            int e = line < count ? starts[line] - 1 : text.length();
            if (e > starts[line - 1] && text.charAt(e - 1) == '\r') e--;
            return e;
        }

        String text(int line) {
            return text.substring(start(line), end(line));
        }
    }
}
