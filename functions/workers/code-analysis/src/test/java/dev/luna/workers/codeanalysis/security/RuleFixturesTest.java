package dev.luna.workers.codeanalysis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Semgrep-style fixtures: for every rule, the analyzer run on {@code rules/security/<id>/} reports exactly the lines
 * annotated {@code // ruleid: <id>} (the annotation's own line when it follows code, else the next code line) and
 * none of the lines annotated {@code // ok: <id>}.
 */
class RuleFixturesTest {

    static Stream<String> rules() {
        return Fixtures.ANALYZER.rules().stream().map(r -> r.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void reportsExactlyTheAnnotatedLines(String rule) {
        var dir = Fixtures.resource("/rules/security/" + rule);
        assertThat(Files.isDirectory(dir)).as("fixtures of " + rule).isTrue();
        var expected = Fixtures.annotated(dir, "ruleid", rule);
        var ok = Fixtures.annotated(dir, "ok", rule);
        var result = Fixtures.analyze(dir);
        var reported = new TreeSet<String>();
        result.findings().stream().filter(f -> f.ruleId().equals(rule)).forEach(f -> reported.add(f.file() + ":" + f.region().startLine()));
        assertThat(result.skipped()).as("skipped fixture files").isEmpty();
        assertThat(reported).as("lines reported for " + rule).isEqualTo(expected);
        assertThat(reported).as("ok lines of " + rule).doesNotContainAnyElementsOf(ok);
    }
}
