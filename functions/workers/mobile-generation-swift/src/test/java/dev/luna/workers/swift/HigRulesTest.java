package dev.luna.workers.swift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.designsystem.DesignTokens;
import dev.luna.designsystem.HigRules;
import dev.luna.workers.swift.lint.Finding;
import dev.luna.workers.swift.lint.HigLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The HIG rules on annotated fixtures: {@code // ruleid: <id>} marks a line that must be reported for that rule,
 * {@code // ok: <id>} one that must not; the lint reports exactly the marked lines.
 */
class HigRulesTest {
    static final Path LEGACY = Generate.FIXTURES.resolve("swiftui-legacy");
    private static final Pattern RULE_ID = Pattern.compile("ruleid: (hig-[a-z-]+)");
    private final HigLint lint = new HigLint(DesignTokens.standard());

    @ParameterizedTest
    @ValueSource(strings = {"Legacy/Views/ProfileView.swift", "Legacy/Views/LegacyCell.swift"})
    void reportsExactlyTheAnnotatedLines(String file) throws Exception {
        String source = Files.readString(LEGACY.resolve(file));
        var found = new TreeSet<String>();
        for (Finding f : lint.swift(file, source)) found.add(f.line() + " " + f.rule());
        assertThat(found).isEqualTo(expected(source));
    }

    @Test
    void aColourSetWithoutADarkValueIsReported() throws Exception {
        var brand = "Legacy/Assets.xcassets/Brand.colorset/Contents.json";
        var ink = "Legacy/Assets.xcassets/Ink.colorset/Contents.json";
        assertThat(lint.colorSet(brand, Files.readString(LEGACY.resolve(brand)))).singleElement()
                .satisfies(f -> assertThat(f.line() + " " + f.rule() + " " + f.message()).isEqualTo("2 hig-dark-mode colour set 'Brand' has no dark appearance value"));
        assertThat(lint.colorSet(ink, Files.readString(LEGACY.resolve(ink)))).isEmpty();
    }

    @Test
    void everyRuleTheLintReportsIsInTheSharedCatalogAndEveryCatalogRuleHasAFixture() throws Exception {
        var ids = HigRules.standard().all().stream().map(r -> r.id()).toList();
        var annotated = new TreeSet<String>();
        for (String f : List.of("Legacy/Views/ProfileView.swift", "Legacy/Views/LegacyCell.swift")) {
            var m = RULE_ID.matcher(Files.readString(LEGACY.resolve(f)));
            while (m.find()) annotated.add(m.group(1));
        }
        annotated.add(HigLint.DARK);
        assertThat(annotated).containsExactlyInAnyOrderElementsOf(ids);
    }

    static TreeSet<String> expected(String source) {
        var out = new TreeSet<String>();
        var lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var m = RULE_ID.matcher(lines[i]);
            while (m.find()) out.add((i + 1) + " " + m.group(1));
        }
        return out;
    }

}
