package dev.luna.codebase.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Finds hard-coded secrets in files and in git history, gitleaks-style (see {@link SecretRules}). Stateless and
 * thread-safe. Secrets never leave it unmasked. Bad input (binary, oversized, unreadable or non-UTF-8 files, a text
 * that would keep a regular expression busy) is a reported skip, never an exception.
 */
public final class SecretScanner {
    private final SecretRules rules;
    private final ScanLimits limits;
    private final TextScanner text;

    public SecretScanner(SecretRules rules, ScanLimits limits) {
        this.rules = rules;
        this.limits = limits;
        this.text = new TextScanner(rules, limits.maxFindingsPerFile());
    }

    /** The built-in rules with the default limits. */
    public SecretScanner() {
        this(SecretRules.builtIn(), ScanLimits.DEFAULT);
    }

    public SecretRules rules() {
        return rules;
    }

    /**
     * Scans {@code files} (relative to {@code root}, '/' separated); {@code stop} is polled between files.
     */
    public SecretScan scanFiles(Path root, List<String> files, BooleanSupplier stop) {
        var findings = new ArrayList<SecretFinding>();
        var skipped = new ArrayList<SecretScan.Skipped>();
        Path base = root.toAbsolutePath().normalize();
        int scanned = 0;
        long bytes = 0;
        boolean complete = true;
        for (String file : files) {
            if (stop != null && stop.getAsBoolean()) {
                complete = false;
                break;
            }
            Path p = base.resolve(file).normalize();
            try {
                if (!p.startsWith(base) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    skipped.add(new SecretScan.Skipped(file, "not a regular file inside the project"));
                    continue;
                }
                long size = Files.size(p);
                if (size > limits.maxFileBytes()) {
                    skipped.add(new SecretScan.Skipped(file, "too large (" + size + " bytes)"));
                    continue;
                }
                byte[] content = Files.readAllBytes(p);
                if (isBinary(content)) {
                    skipped.add(new SecretScan.Skipped(file, "binary"));
                    continue;
                }
                findings.addAll(text.scan(file, decode(content), 1, null));
                scanned++;
                bytes += content.length;
            } catch (BoundedText.Exhausted e) {
                skipped.add(new SecretScan.Skipped(file, "too costly to match (pathological text)"));
            } catch (IOException | RuntimeException e) {
                skipped.add(new SecretScan.Skipped(file, "unreadable: " + e.getClass().getSimpleName()));
            }
        }
        return new SecretScan(sorted(findings), sortedSkips(skipped), complete, scanned, bytes, 0);
    }

    /** Scans one text as if it were the file {@code path} (no allowlist by size or binary check). */
    public List<SecretFinding> scanText(String path, String content) {
        try {
            return text.scan(path, content, 1, null);
        } catch (BoundedText.Exhausted e) {
            return List.of();
        }
    }

    /**
     * {@code text} with every secret the rules find in it masked, for snippets other analyzers show (a line of
     * code, a manifest entry); {@code path} decides which rules apply.
     */
    public String mask(String path, String text) {
        if (text == null || text.isEmpty()) return text;
        List<TextScanner.Hit> hits;
        try {
            hits = this.text.hits(path, text, 1);
        } catch (BoundedText.Exhausted e) {
            return text;
        }
        if (hits.isEmpty()) return text;
        var sb = new StringBuilder();
        int pos = 0;
        for (var h : hits) {
            if (h.start() < pos) continue;
            sb.append(text, pos, h.start()).append(SecretMask.mask(text.substring(h.start(), h.end())));
            pos = h.end();
        }
        return sb.append(text, pos, text.length()).toString();
    }

    /**
     * Scans the lines each commit added, walking at most {@code limits.maxCommits()} commits from HEAD (newest
     * first) and {@code limits.maxBytes()} bytes of added text. A secret still present in HEAD's version of the file
     * is left to {@link #scanFiles} (reported once, as a file finding); one that was removed is reported here, once,
     * with the oldest walked commit that added it. {@code gitDir} is a repository's {@code .git} directory (or a
     * work tree containing one, or a bare repository).
     */
    public SecretScan scanHistory(Path gitDir, HistoryLimits limits, BooleanSupplier stop) {
        return new HistoryScanner(text, limits).scan(gitDir, stop == null ? () -> false : stop);
    }

    static boolean isBinary(byte[] content) {
        int n = Math.min(content.length, 8000);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) return true;
        }
        return false;
    }

    /** UTF-8, malformed bytes replaced (a Latin-1 file still gets its ASCII secrets found). */
    static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }

    static List<SecretFinding> sorted(List<SecretFinding> findings) {
        return findings.stream().sorted(Comparator.comparing(SecretFinding::file).thenComparingInt(SecretFinding::line)
                .thenComparingInt(SecretFinding::startColumn).thenComparing(SecretFinding::ruleId)
                .thenComparing(f -> f.commit() == null ? "" : f.commit())).toList();
    }

    static List<SecretScan.Skipped> sortedSkips(List<SecretScan.Skipped> skipped) {
        return skipped.stream().sorted(Comparator.comparing(SecretScan.Skipped::file).thenComparing(SecretScan.Skipped::reason)).toList();
    }
}
