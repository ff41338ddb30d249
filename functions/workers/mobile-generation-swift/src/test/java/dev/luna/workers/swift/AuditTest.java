package dev.luna.workers.swift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.testkit.GitCli;
import dev.luna.toolchains.SwiftChecks;
import dev.luna.workers.swift.audit.HigAudit;
import dev.luna.workers.swift.lint.Finding;
import dev.luna.workers.swift.lint.HigLint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit mode on the legacy SwiftUI/UIKit fixture: violations with file:line and counts per rule, a report, and a
 * redesign patch that the real git CLI applies to the analysed revision, after which only the manual findings remain
 * and the code still parses with the Swift grammar.
 */
class AuditTest {
    @TempDir
    Path dir;

    @Test
    void reportsCountsAndAPatchThatGitAppliesAndThatFixesWhatItCan() throws Exception {
        var repo = dir.resolve("repo");
        DeterminismTest.copy(HigRulesTest.LEGACY, repo);
        var files = Generate.files(repo);
        var audit = new HigAudit(Generate.GENERATOR.designSystem()).run(repo, files, () -> false);

        assertThat(audit.swiftFiles()).isEqualTo(2);
        assertThat(audit.colorSets()).isEqualTo(2);
        assertThat(audit.counts()).containsEntry(HigLint.FONT, 3).containsEntry(HigLint.COLOR, 3).containsEntry(HigLint.ICON, 3)
                .containsEntry(HigLint.HIT, 2).containsEntry(HigLint.LAYOUT, 1).containsEntry(HigLint.CONTRAST, 1).containsEntry(HigLint.DARK, 1);
        assertThat(audit.findings()).extracting(f -> f.file() + ":" + f.line() + " " + f.rule())
                .contains("Legacy/Views/ProfileView.swift:14 hig-font-size", "Legacy/Assets.xcassets/Brand.colorset/Contents.json:2 hig-dark-mode");
        assertThat(audit.report()).contains("| `hig-font-size` | 3 |").contains("`Legacy/Views/LegacyCell.swift:9`").contains("*(manual)*");

        var git = new GitCli(dir.resolve("git-home"));
        git.run(repo, "init", "-q").ok();
        git.run(repo, "add", "-A").ok();
        git.run(repo, "commit", "-q", "-m", "legacy").ok();
        var patch = dir.resolve("hig.patch");
        Files.writeString(patch, audit.patch());
        git.run(repo, "apply", "--check", patch.toString()).ok();
        git.run(repo, "apply", patch.toString()).ok();

        String profile = Files.readString(repo.resolve("Legacy/Views/ProfileView.swift"), StandardCharsets.UTF_8);
        assertThat(profile).contains(".font(DS.Typography.largeTitle.weight(.bold))").contains(".font(DS.Typography.footnote)")
                .contains(".foregroundColor(DS.Colors.") .contains(".background(DS.Colors.systemBackground)")
                .contains(".frame(minWidth: 44, minHeight: 44)").contains(".accessibilityLabel(\"Favorite\")").contains(".accessibilityLabel(\"Delete\")")
                .contains(".accessibilityLabel(\"Close\").accessibilityAddTraits(.isButton)").contains(".frame(minHeight: 20)")
                .contains("static let brand = Color(red: 0.2, green: 0.4, blue: 0.9)");
        assertThat(Files.readString(repo.resolve("Legacy/Views/LegacyCell.swift"))).contains("UIFont.preferredFont(forTextStyle: .subheadline)")
                .contains("UIColor(DS.Colors.label)");
        assertThat(repo.resolve("LunaDesignSystem/DS.swift")).content().contains("Color(\"label\", bundle: nil)");
        assertThat(repo.resolve("LunaDesignSystem/Assets.xcassets/tint.colorset/Contents.json")).exists();

        var after = new HigAudit(Generate.GENERATOR.designSystem()).run(repo, Generate.files(repo), () -> false);
        assertThat(after.findings()).extracting(Finding::rule).containsExactly(HigLint.DARK);
        var swift = Generate.files(repo).stream().filter(f -> f.endsWith(".swift")).map(repo::resolve).toList();
        assertThat(SwiftChecks.lint(swift)).isEmpty();
    }

    @Test
    void cleanCodeHasNothingToPatch() throws Exception {
        var repo = dir.resolve("clean");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("Clean.swift"), "import SwiftUI\n\nstruct Clean: View {\n    var body: some View {\n        Text(\"Hi\").font(.body)\n    }\n}\n");
        var audit = new HigAudit(Generate.GENERATOR.designSystem()).run(repo, Generate.files(repo), () -> false);
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.patch()).isEmpty();
        assertThat(audit.report()).contains("0 violations in 1 Swift files").contains("Nothing to patch.");
    }
}
