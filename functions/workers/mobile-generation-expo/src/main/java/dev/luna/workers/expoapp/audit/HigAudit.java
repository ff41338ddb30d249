package dev.luna.workers.expoapp.audit;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.designsystem.DesignTokens;
import dev.luna.designsystem.HigRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * {@code audit} mode: every React Native/React source file of the checkout through {@link RnScanner}; the findings,
 * {@code hig-report.md}, the counts per rule, and {@code hig.patch}, which applies to the analysed revision with
 * {@code git apply} and adds the design system's theme file the edited files import.
 */
public final class HigAudit {
    public static final String REPORT = "hig-report.md";
    public static final String PATCH = "hig.patch";
    private static final Pattern SOURCE = Pattern.compile(".*\\.(tsx|jsx|ts|js)$");
    private static final Pattern UI = Pattern.compile("from ['\"](react-native|react)['\"]");
    private static final long MAX_FILE = 512 * 1024;
    /** Theme and token files: where literal sizes and colours belong, so they are not findings. */
    private static final Pattern THEME = Pattern.compile("(?i)(^|.*/)[^/]*(theme|tokens|palette|colou?rs)[^/]*\\.[jt]sx?$|(^|.*/)(theme|tokens)/[^/]+$");

    /**
     * @param findings     every finding, by file then line
     * @param counts       per rule id (every rule, 0 included)
     * @param filesScanned UI source files read
     * @param filesChanged files the patch edits
     * @param themeFile    the theme file the patch adds, or null when the patch is empty
     * @param report       hig-report.md
     * @param patch        hig.patch (empty when there is nothing to change)
     */
    public record Result(List<Finding> findings, Map<String, Integer> counts, int filesScanned, int filesChanged, String themeFile, String report,
                         String patch) {
    }

    private HigAudit() {
    }

    public static Result run(Path root, List<String> files, BooleanSupplier stop) {
        var tokens = DesignTokens.standard();
        var findings = new ArrayList<Finding>();
        var changed = new LinkedHashMap<String, String[]>();
        var withSecrets = new java.util.ArrayList<String>();
        var secrets = new SecretScanner();
        int scanned = 0;
        boolean typescript = files.stream().anyMatch(f -> f.endsWith(".ts") || f.endsWith(".tsx"));
        String themeFile = themePath(files, typescript);
        for (var file : files.stream().sorted().toList()) {
            if (stop.getAsBoolean()) break;
            if (!SOURCE.matcher(file).matches() || file.endsWith(".d.ts") || file.contains("node_modules/") || file.contains("__tests__/")
                    || file.matches(".*\\.(test|spec)\\.[jt]sx?$") || THEME.matcher(file).matches()) continue;
            String text;
            try {
                var p = root.resolve(file);
                if (Files.size(p) > MAX_FILE) continue;
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            if (!UI.matcher(text).find()) continue;
            scanned++;
            var result = RnScanner.scan(file, text, tokens);
            findings.addAll(result.findings());
            if (result.edits().isEmpty()) continue;
            // a patch repeats the file's lines as context: a file holding a secret is reported but not patched
            if (!secrets.scanText(file, text).isEmpty()) withSecrets.add(file);
            else changed.put(file, new String[] {text, apply(file, text, result, themeFile)});
        }
        var counts = new LinkedHashMap<String, Integer>();
        for (var rule : HigRules.standard().all()) counts.put(rule.id(), (int) findings.stream().filter(f -> f.rule().equals(rule.id())).count());
        var patch = new StringBuilder();
        if (!changed.isEmpty()) {
            patch.append(UnifiedDiff.added(themeFile, ThemeSource.render(tokens)));
            changed.forEach((file, texts) -> patch.append(UnifiedDiff.modified(file, texts[0], texts[1])));
        }
        String report = HigReport.render(findings, counts, scanned, changed.size(), changed.isEmpty() ? null : themeFile);
        if (!withSecrets.isEmpty()) {
            report += "## Not patched\n\nThese files hold what looks like a secret, so hig.patch (which repeats a file's lines) leaves them out; "
                    + "fix them by hand from the findings above:\n\n" + String.join("\n", withSecrets.stream().map(f -> "- `" + f + "`").toList()) + "\n";
        }
        return new Result(List.copyOf(findings), counts, scanned, changed.size(), changed.isEmpty() ? null : themeFile, report, patch.toString());
    }

    private static String themePath(List<String> files, boolean typescript) {
        String ext = typescript ? ".ts" : ".js";
        String base = files.stream().anyMatch(f -> f.startsWith("src/")) ? "src/luna-theme" : "luna-theme";
        String path = base + ext;
        for (int n = 2; files.contains(path); n++) path = base + "-" + n + ext;
        return path;
    }

    private static String apply(String file, String text, RnScanner.Result result, String themeFile) {
        var lines = new ArrayList<>(List.of(text.split("\n", -1)));
        result.edits().forEach(lines::set);
        if (!result.themeNames().isEmpty()) {
            int at = importEnd(lines);
            lines.add(at, "import { " + String.join(", ", result.themeNames()) + " } from '" + relative(file, themeFile) + "';");
        }
        return String.join("\n", lines);
    }

    /** The index after the last top-level import statement (0 when none). */
    private static int importEnd(List<String> lines) {
        int end = 0;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.startsWith("import ")) {
                int k = i;
                while (k < lines.size() && !lines.get(k).matches(".*(from\\s+['\"][^'\"]+['\"]|^\\s*import\\s+['\"][^'\"]+['\"]).*")) k++;
                end = Math.min(k, lines.size() - 1) + 1;
                i = k;
            } else if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("/*") && !t.startsWith("*") && !t.startsWith("'use") && !t.startsWith("\"use")) {
                break;
            }
        }
        return end;
    }

    private static String relative(String from, String to) {
        var dir = Path.of(from).getParent();
        var target = Path.of(to.replaceAll("\\.(ts|js)$", ""));
        String rel = (dir == null ? target : dir.relativize(target)).toString().replace('\\', '/');
        return rel.startsWith(".") ? rel : "./" + rel;
    }
}
