package dev.luna.workers.codeanalysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import dev.luna.workers.codeanalysis.findings.RuleInfo;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PmdQualityAnalyzerTest {
    private static final PmdQualityAnalyzer PMD = new PmdQualityAnalyzer(new SecretScanner());
    private static final List<String> FILES = List.of("src/main/java/demo/Broken.java", "src/main/java/demo/Clean.java",
            "src/main/java/demo/Orders.java", "README.md");

    private static Path demo() throws Exception {
        return Path.of(PmdQualityAnalyzerTest.class.getResource("/quality/demo").toURI());
    }

    @Test
    void reportsViolationsAsFindingsAndUnparseableFilesAsSkipped() throws Exception {
        AnalyzerResult result = PMD.analyze(new AnalysisInput(demo(), FILES, () -> false));

        assertThat(result.findings()).extracting(f -> f.ruleId() + "@" + f.region().startLine()).containsExactly(
                "pmd-UnusedPrivateField@7", "pmd-EmptyCatchBlock@13", "pmd-UseEqualsToCompareStrings@19", "pmd-ReturnFromFinallyBlock@27",
                "pmd-UseCollectionIsEmpty@32");
        Finding first = result.findings().get(0);
        assertThat(first.analyzer()).isEqualTo("quality");
        assertThat(first.file()).isEqualTo("src/main/java/demo/Orders.java");
        assertThat(first.snippet()).isEqualTo("private int unused;");
        assertThat(first.fingerprint()).hasSize(64);
        assertThat(result.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("src/main/java/demo/Broken.java");
            assertThat(s.reason()).startsWith("PMD could not parse it");
        });
        assertThat(result.complete()).isTrue();
        assertThat(result.stats()).containsEntry("javaFiles", 3).containsEntry("filesAnalysed", 2);
    }

    @Test
    void everyRuleOfTheRuleSetLoadsWithMetadataAndNoneIsASecurityRule() throws Exception {
        String xml;
        try (InputStream in = PmdQualityAnalyzer.class.getClassLoader().getResourceAsStream(PmdQualityAnalyzer.RULESET)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long refs = Pattern.compile("<rule ref=").matcher(xml).results().count();

        assertThat(PMD.rules()).hasSize((int) refs);
        assertThat(xml).doesNotContain("category/java/security.xml");
        assertThat(PMD.rules()).extracting(RuleInfo::id).isSorted().allMatch(id -> id.startsWith("pmd-"));
        assertThat(PMD.rules()).allSatisfy(r -> {
            assertThat(r.analyzer()).isEqualTo("quality");
            assertThat(r.references()).singleElement().asString().startsWith("https://");
            assertThat(r.message()).isNotBlank();
        });
    }

    @Test
    void stopsBetweenBatchesAndPrintsNothing() throws Exception {
        var pmd = new PmdQualityAnalyzer(PmdQualityAnalyzer.RULESET, 0, 1, new SecretScanner());
        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        AnalyzerResult result;
        int[] calls = {0};
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
            result = pmd.analyze(new AnalysisInput(demo(), FILES, () -> calls[0]++ >= 2));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        assertThat(result.complete()).isFalse();
        assertThat(result.stats()).containsEntry("filesAnalysed", 1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
