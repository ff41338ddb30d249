package dev.luna.workers.expoapp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.designsystem.DesignTokens;
import dev.luna.designsystem.HigRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule against its fixture ({@code src/test/resources/hig-rules/<id>.tsx}): the rule reports exactly the lines that
 * follow a {@code ruleid: <id>} annotation, and none that follow an {@code ok: <id>} one; the rule's metadata is complete.
 */
class HigRulesTest {
    private static final Pattern ANNOTATION = Pattern.compile("\\b(ruleid|ok): ([a-z-]+)");

    static List<String> rules() {
        return HigRules.standard().all().stream().map(dev.luna.designsystem.HigRule::id).toList();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void reportsExactlyTheAnnotatedLines(String id) throws Exception {
        var rule = HigRules.standard().get(id);
        assertThat(rule.description()).isNotBlank();
        assertThat(rule.fix()).isNotBlank();
        assertThat(rule.severity()).isIn("error", "warning");
        assertThat(rule.references()).isNotEmpty().allMatch(r -> r.startsWith("https://"));
        assertThat(rule.since()).isNotBlank();

        var file = Path.of("src/test/resources/hig-rules/" + id + ".tsx");
        var lines = Files.readAllLines(file);
        var expected = new ArrayList<Integer>();
        var ok = new ArrayList<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            var m = ANNOTATION.matcher(lines.get(i));
            if (m.find() && m.group(2).equals(id)) (m.group(1).equals("ruleid") ? expected : ok).add(i + 2);
        }
        assertThat(expected).as("fixture has ruleid lines").isNotEmpty();
        assertThat(ok).as("fixture has ok lines").isNotEmpty();
        var result = RnScanner.scan(id + ".tsx", Files.readString(file), DesignTokens.standard());
        var reported = result.findings().stream().filter(f -> f.rule().equals(id)).map(Finding::line).distinct().sorted().toList();
        assertThat(reported).isEqualTo(expected);
        assertThat(reported).doesNotContainAnyElementsOf(ok);
    }
}
