package dev.luna.workers.codeanalysis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.metrics.CodeMetrics;
import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.workers.codeanalysis.findings.AnalysisInput;
import dev.luna.workers.codeanalysis.findings.AnalyzerResult;
import dev.luna.workers.codeanalysis.findings.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsAnalyzerTest {
    @TempDir
    Path root;

    @Test
    void onlyThresholdBreachesBecomeFindingsAndTheFiguresGoToStats() throws Exception {
        var sb = new StringBuilder("class Hot {\n  int decide(int a) {\n");
        for (int i = 0; i < 4; i++) sb.append("    if (a == ").append(i).append(") { return ").append(i).append("; }\n");
        sb.append("    return -1;\n  }\n  int calm() { return 0; }\n}\n");
        Files.writeString(root.resolve("Hot.java"), sb, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("ok.py"), "def f():\n    return 1\n", StandardCharsets.UTF_8);
        var analyzer = new MetricsAnalyzer(new CodeMetrics(), new MetricsAnalyzer.Thresholds(3, 5, 8), new SecretScanner());

        AnalyzerResult result = analyzer.analyze(new AnalysisInput(root, List.of("Hot.java", "ok.py"), () -> false));

        assertThat(result.findings()).extracting(Finding::ruleId, f -> f.region().startLine(), Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("metrics-large-file", 1, "File has 10 lines of code (more than 8)"),
                org.assertj.core.groups.Tuple.tuple("metrics-complex-function", 2, "Function 'decide' has cyclomatic complexity 5 (more than 3)"),
                org.assertj.core.groups.Tuple.tuple("metrics-long-function", 2, "Function 'decide' is 7 lines long (more than 5)"));
        assertThat(result.findings().get(1).snippet()).isEqualTo("int decide(int a) {");
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.fingerprint()).hasSize(64));
        assertThat(result.stats()).containsEntry("files", 2).containsEntry("codeLines", 12L);
        @SuppressWarnings("unchecked")
        var hotspots = (List<Map<String, Object>>) result.stats().get("hotspots");
        assertThat(hotspots).first().satisfies(h -> assertThat(h).containsEntry("function", "decide").containsEntry("complexity", 5));
        assertThat(analyzer.rules()).extracting(r -> r.id()).containsExactly("metrics-complex-function", "metrics-large-file",
                "metrics-long-function");
    }
}
