package dev.luna.codebase.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {
    private static final String GITHUB = "ghp_" + "Zq8Rk2Lm4Np6Ts9Vw1Xy3Ab5Cd7Ef0GhIjKL";
    private final SecretScanner scanner = new SecretScanner();

    @TempDir
    Path root;

    @Test
    void masksTheSecretAndGivesItsColumns() throws Exception {
        write("ci.sh", "echo start\n  export TOKEN=" + GITHUB + " # deploy\n");

        SecretScan scan = scanner.scanFiles(root, List.of("ci.sh"), () -> false);

        assertThat(scan.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("secret-github-token");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.startColumn()).isEqualTo(16);
            assertThat(f.endColumn()).isEqualTo(16 + GITHUB.length());
            assertThat(f.match()).isEqualTo("ghp_****");
            assertThat(f.snippet()).isEqualTo("export TOKEN=ghp_**** # deploy");
            assertThat(f.commit()).isNull();
        });
        assertThat(scan.complete()).isTrue();
        assertThat(scan.filesScanned()).isEqualTo(1);
    }

    @Test
    void shortSecretsKeepFewerCharacters() {
        assertThat(SecretMask.mask("abcdefgh")).isEqualTo("ab****");
        assertThat(SecretMask.mask("abc")).isEqualTo("****");
        assertThat(SecretMask.mask("")).isEqualTo("****");
    }

    @Test
    void skipsBinaryOversizedAndOutsideFilesAndReportsWhy() throws Exception {
        Files.write(root.resolve("blob.bin"), new byte[] {1, 0, 2, 3});
        write("big.txt", "x".repeat(300));
        var small = new SecretScanner(SecretRules.builtIn(), new ScanLimits(100, 10));

        SecretScan scan = small.scanFiles(root, List.of("../escape.txt", "big.txt", "blob.bin", "missing.txt"), () -> false);

        assertThat(scan.findings()).isEmpty();
        assertThat(scan.skipped()).extracting(SecretScan.Skipped::file, SecretScan.Skipped::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("../escape.txt", "not a regular file inside the project"),
                org.assertj.core.groups.Tuple.tuple("big.txt", "too large (300 bytes)"),
                org.assertj.core.groups.Tuple.tuple("blob.bin", "binary"),
                org.assertj.core.groups.Tuple.tuple("missing.txt", "not a regular file inside the project"));
    }

    @Test
    void nonUtf8TextIsStillScanned() throws Exception {
        byte[] latin1 = ("caf\u00e9 = 1\nkey: " + GITHUB + "\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(root.resolve("notes.txt"), latin1);

        assertThat(scanner.scanFiles(root, List.of("notes.txt"), () -> false).findings())
                .extracting(SecretFinding::ruleId, SecretFinding::line).containsExactly(org.assertj.core.groups.Tuple.tuple("secret-github-token", 2));
    }

    @Test
    void aPathologicalLineIsBoundedNotHung() throws Exception {
        // one huge line full of near-matches for the generic rule
        write("huge.js", "password = \"".repeat(20_000) + "\n");
        long t0 = System.nanoTime();

        SecretScan scan = scanner.scanFiles(root, List.of("huge.js"), () -> false);

        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
        assertThat(scan.findings()).isEmpty();
    }

    @Test
    void lockfilesAndIntegrityHashesAreIgnored() throws Exception {
        String integrity = "sha512-" + "Qx7Lm2Np4Rs6Tv8Wx0Yz1Ab3Cd5Ef7Gh9Ij2Kl4Mn6Op8Qr0St2Uv4Wx6Yz8Ab0Cd2Ef4Gh6Ij8Kl0Mn2Op4Qr6St==";
        write("package-lock.json", "{\"token\": \"" + GITHUB + "\"}\n");
        write("deps.json", "{\"integrity\": \"" + integrity + "\", \"secret\": \"" + integrity + "\"}\n");

        SecretScan scan = scanner.scanFiles(root, List.of("deps.json", "package-lock.json"), () -> false);

        assertThat(scan.findings()).isEmpty();
    }

    @Test
    void stopEndsTheScanBetweenFiles() throws Exception {
        write("a.sh", "T=" + GITHUB + "\n");
        write("b.sh", "T=" + GITHUB + "\n");
        var calls = new AtomicInteger();

        SecretScan scan = scanner.scanFiles(root, List.of("a.sh", "b.sh"), () -> calls.incrementAndGet() > 1);

        assertThat(scan.complete()).isFalse();
        assertThat(scan.findings()).extracting(SecretFinding::file).containsExactly("a.sh");
    }

    @Test
    void everySecretOnALineIsMaskedInEachSnippet() {
        String aws = "AKIA" + "QW3ER5TY7UI2OP4A";
        var findings = scanner.scanText("env.sh", "KEYS=" + aws + "," + GITHUB + "\n");

        assertThat(findings).hasSize(2).allSatisfy(f -> assertThat(f.snippet()).isEqualTo("KEYS=AKIA****,ghp_****"));
    }

    @Test
    void aBrokenCatalogIsRejectedWithTheRuleAndField() {
        assertThatThrownBy(() -> SecretRules.parse("rules:\n  - id: secret-x\n    name: X\n    description: d\n    severity: high\n"
                + "    security-severity: 7\n    precision: high\n    keywords: [x]\n    regex: '(unclosed'\n"
                + "    references: [https://example.org]\n    since: 0.1.0\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret-x").hasMessageContaining("regex");
        assertThatThrownBy(() -> SecretRules.parse("rules:\n  - id: secret-x\n    name: X\n    description: d\n    severity: high\n"
                + "    security-severity: 7\n    precision: high\n    keywords: [Upper]\n    regex: 'x'\n"
                + "    references: [https://example.org]\n    since: 0.1.0\n"))
                .hasMessageContaining("keywords");
        assertThatThrownBy(() -> SecretRules.parse("rules: []\nextra: 1\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCatalogHasUniqueIdsAndCompleteMetadata() {
        var rules = SecretRules.builtIn().rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rules).extracting(SecretRule::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("secret-"));
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.references()).allMatch(u -> u.startsWith("https://"));
            assertThat(r.name()).matches("[A-Z][A-Za-z]+");
            assertThat(r.since()).isEqualTo("0.1.0");
        });
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
    }
}
