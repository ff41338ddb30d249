package dev.luna.workers.codeanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.luna.codebase.secrets.SecretScanner;
import dev.luna.core.Json;
import dev.luna.sources.Checkout;
import dev.luna.workers.codeanalysis.report.OfficialSchemas;
import dev.luna.workers.codeanalysis.report.SarifWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every analyser, as the worker runs them, on a real public project nobody here wrote (Apache Commons Text 1.13.0,
 * its sources jar from Maven Central): the analysis completes, its SARIF validates against the official schema, a
 * library without request handling has no taint findings, and running it again gives the same bytes.
 */
class RealProjectAnalysisTest {
    static final Path ROOT = Path.of("target/real/commons-text");

    @Test
    void commonsTextIsAnalysedCompletelyAndReproducibly() throws Exception {
        List<String> files;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            files = walk.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        var checkout = new Checkout(ROOT, ROOT, files, List.of(), List.of(), "sha256:test", null);
        var analysers = new Analysers(new SecretScanner());
        var options = AnalysisOptions.of(Json.object());
        var first = analysers.run(options, checkout, (f, m) -> { }, () -> false);
        assertThat(first.complete).isTrue();
        assertThat(first.runs).extracting(SarifWriter.Run::analyzer).containsExactly("security", "quality", "secrets", "dependencies", "metrics");
        var findings = first.findings();
        assertThat(findings).filteredOn(f -> f.analyzer().equals("quality")).isNotEmpty();
        assertThat(findings).filteredOn(f -> f.trace().size() > 0).as("a text library handles no requests: no taint findings").isEmpty();
        assertThat(first.metrics.totals()).anySatisfy(t -> {
            assertThat(t.language()).isEqualTo("java");
            assertThat(t.codeLines()).isGreaterThan(10_000);
        });
        String sarif = new String(new SarifWriter(CodeAnalysis.VERSION, null).write(new FindingSelection(first, null, 100_000).runs),
                StandardCharsets.UTF_8);
        assertThat(OfficialSchemas.errors(OfficialSchemas.sarif(), sarif)).isEmpty();

        var second = analysers.run(options, checkout, (f, m) -> { }, () -> false);
        String again = new String(new SarifWriter(CodeAnalysis.VERSION, null).write(new FindingSelection(second, null, 100_000).runs),
                StandardCharsets.UTF_8);
        assertThat(again).isEqualTo(sarif);
    }
}
