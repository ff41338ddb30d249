package dev.luna.workers.swift.audit;

import dev.luna.designsystem.HigRule;
import dev.luna.designsystem.HigRules;
import dev.luna.workers.swift.lint.Finding;
import dev.luna.workers.swift.lint.HigLint;
import dev.luna.workers.swift.render.DesignSystemFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Audit mode: every {@code .swift} file (SwiftUI or UIKit) and asset-catalog colour set in the source against the HIG
 * rules, then the redesign patch that applies to the analysed revision ({@link RedesignPatch}) and the report.
 */
public final class HigAudit {
    /** The audit's outcome: findings sorted by file and line, the files looked at, the patch and the Markdown report. */
    public record Result(List<Finding> findings, int swiftFiles, int colorSets, Map<String, Integer> counts, String patch, int patchedFiles,
                         String report) {
    }

    private final HigLint lint;
    private final DesignSystemFiles designSystem;
    private final HigRules rules = HigRules.standard();

    public HigAudit(DesignSystemFiles designSystem) {
        this.designSystem = designSystem;
        this.lint = new HigLint(designSystem.tokens());
    }

    public Result run(Path root, List<String> files, BooleanSupplier stop) {
        var findings = new ArrayList<Finding>();
        var sources = new TreeMap<String, String>();
        int swift = 0;
        int sets = 0;
        for (String file : files) {
            if (stop.getAsBoolean()) break;
            if (file.endsWith(".swift")) {
                String text = read(root.resolve(file));
                sources.put(file, text);
                findings.addAll(lint.swift(file, text));
                swift++;
            } else if (file.endsWith(".colorset/Contents.json")) {
                findings.addAll(lint.colorSet(file, read(root.resolve(file))));
                sets++;
            }
        }
        findings.sort(java.util.Comparator.comparing(Finding::file).thenComparingInt(Finding::line).thenComparing(Finding::rule));
        var counts = new LinkedHashMap<String, Integer>();
        for (HigRule rule : rules.all()) counts.put(rule.id(), (int) findings.stream().filter(f -> f.rule().equals(rule.id())).count());
        var patch = RedesignPatch.of(sources, findings, designSystem, files);
        String report = AuditReport.markdown(findings, counts, rules, swift, sets, patch);
        return new Result(List.copyOf(findings), swift, sets, counts, patch.text(), patch.files(), report);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
