package dev.luna.codebase.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Semgrep-style fixtures: {@code src/test/resources/secrets/<rule-id>/…} with {@code ruleid: <id>} on each line that
 * must be reported (or alone on the line before it) and {@code ok: <id>} on lines that must not. Every finding in a
 * rule's folder must be annotated, and every annotated line found: no more, no fewer.
 */
class SecretFixturesTest {
    private static final Pattern ANNOTATION = Pattern.compile("\\b(ruleid|ok):\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");
    private static final SecretScanner SCANNER = new SecretScanner();

    record Expectation(String kind, String rule, String file, int line) {
    }

    static Stream<String> ruleIds() {
        return SecretRules.builtIn().rules().stream().map(SecretRule::id);
    }

    @ParameterizedTest
    @MethodSource("ruleIds")
    void reportsExactlyTheAnnotatedLines(String ruleId) throws Exception {
        Path dir = fixtures().resolve(ruleId);
        List<String> files = files(dir);
        var annotations = annotations(dir, files);
        var expected = new TreeSet<String>();
        annotations.stream().filter(a -> a.kind().equals("ruleid")).forEach(a -> expected.add(a.rule() + " " + a.file() + ":" + a.line()));

        SecretScan scan = SCANNER.scanFiles(dir, files, () -> false);

        var actual = new TreeSet<String>();
        scan.findings().forEach(f -> actual.add(f.ruleId() + " " + f.file() + ":" + f.line()));
        assertThat(scan.skipped()).isEmpty();
        assertThat(actual).isEqualTo(expected);
        assertThat(expected).as("at least one ruleid: fixture for " + ruleId).anyMatch(e -> e.startsWith(ruleId + " "));
        assertThat(annotations).as("at least one ok: fixture for " + ruleId).anyMatch(a -> a.kind().equals("ok") && a.rule().equals(ruleId));
    }

    @Test
    void findingsNeverShowTheSecret() throws Exception {
        for (String ruleId : ruleIds().toList()) {
            Path dir = fixtures().resolve(ruleId);
            List<String> files = files(dir);
            for (SecretFinding f : SCANNER.scanFiles(dir, files, () -> false).findings()) {
                String line = Files.readAllLines(dir.resolve(f.file()), StandardCharsets.UTF_8).get(f.line() - 1);
                String secret = line.substring(f.startColumn() - 1, f.endColumn() - 1);
                assertThat(f.match()).endsWith("****").hasSizeLessThanOrEqualTo(8);
                assertThat(f.snippet()).doesNotContain(secret).contains(f.match());
                assertThat(f.toString()).doesNotContain(secret);
                assertThat(f.entropy()).isPositive();
            }
        }
    }

    static Path fixtures() throws URISyntaxException {
        return Path.of(SecretFixturesTest.class.getResource("/secrets").toURI());
    }

    static List<String> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    static List<Expectation> annotations(Path dir, List<String> files) throws IOException {
        var out = new ArrayList<Expectation>();
        for (String file : files) {
            List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                var m = ANNOTATION.matcher(lines.get(i));
                if (!m.find()) continue;
                String rest = lines.get(i).substring(0, m.start()) + lines.get(i).substring(m.end());
                int target = rest.chars().anyMatch(Character::isLetterOrDigit) ? i + 1 : i + 2;
                for (String rule : m.group(2).split("\\s*,\\s*")) out.add(new Expectation(m.group(1), rule, file, target));
            }
        }
        return out;
    }
}
